"""Through a real reverse proxy: Caddy (its own CA) in front of `fibrolog serve`, over HTTPS.

The processes are the ones deploy/ describes (docs/server.md): deploy/Caddyfile, the web and
worker units' commands and deploy/fibrolog.env, with only ports and paths changed
(tests/proxy_stack.py). Chromium trusts Caddy's root certificate through a throwaway NSS
database, so no certificate error is ignored.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse

import pytest

from tests import deploy, postgres, proxy_stack
from tests.test_browser import ARGS, CHROMIUM

pytestmark = [pytest.mark.browser]
NOTE = "Checked in through Caddy"


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    caddy, how = proxy_stack.caddy_or_reason()
    if caddy is None:
        if os.environ.get("FIBROLOG_SKIP_CADDY") == "1":
            pytest.skip(f"{how}; skipped because FIBROLOG_SKIP_CADDY=1")
        pytest.fail(f"{how} (or set FIBROLOG_SKIP_CADDY=1 to skip this test)")
    running = proxy_stack.start(tmp_path_factory.mktemp("proxy"), caddy)
    yield running
    left = proxy_stack.stop(running)
    assert not left, f"processes left running: {left}"


@pytest.fixture(scope="module")
def browser(stack, tmp_path_factory):
    """Chromium with a HOME whose NSS database trusts Caddy's root certificate, and only that."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make system-deps` (Debian package chromium)")
    certutil = shutil.which("certutil")
    if certutil is None:
        pytest.fail("certutil is missing: run `make system-deps` (Debian package libnss3-tools)")
    home = tmp_path_factory.mktemp("chromium-home")
    nssdb = home / ".pki" / "nssdb"
    nssdb.mkdir(parents=True)
    for command in (
        ["-N", "--empty-password"],
        ["-A", "-n", "fibrolog test Caddy CA", "-t", "C,,", "-i", str(stack.root_ca)],
    ):
        subprocess.run([certutil, "-d", f"sql:{nssdb}", *command], check=True, capture_output=True)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        environment = {**os.environ, "HOME": str(home)}  # chromium reads $HOME/.pki/nssdb
        launched = p.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=ARGS, env=environment
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def page(stack, browser):
    """Maya, logged in through HTTPS."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="dark")
    page = context.new_page()
    first = page.goto(f"{stack.url}/today/")
    assert first is not None and first.ok
    assert page.url.startswith(f"{stack.url}/login/")
    assert first.headers["strict-transport-security"] == "max-age=31536000"
    page.get_by_label("Name").fill("maya")
    page.get_by_label("Passphrase").fill(proxy_stack.PASSPHRASE)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{stack.url}/today/")
    yield page
    context.close()


def test_the_session_cookie_is_secure_http_only_and_host_bound(page):
    cookies = {c["name"]: c for c in page.context.cookies()}
    session = cookies["__Host-sessionid"]
    assert session["secure"] and session["httpOnly"]
    assert session["path"] == "/" and session["domain"] == "localhost"  # host-only, no Domain=
    assert session["sameSite"] == "Lax"
    assert cookies["__Host-csrftoken"]["secure"]
    assert "sessionid" not in page.evaluate("document.cookie")  # out of reach of scripts
    assert page.evaluate("window.isSecureContext") is True


def test_a_check_in_saved_through_the_proxy_is_in_the_database(stack, page):
    page.goto(f"{stack.url}/today/")
    page.locator("fieldset.metric", has_text="Pain").locator(
        "label.tap", has_text=re.compile(r"^6$")
    ).click()
    page.get_by_label("Note").fill(NOTE)
    page.get_by_role("button", name="Save today").click()
    page.wait_for_url(f"{stack.url}/today/")
    assert page.get_by_text("Thank you for checking in").is_visible()
    saved = _read_back(stack)
    assert saved["pain"] == [6.0]
    assert saved["note"] == NOTE
    assert saved["day"] == _today_on_the_page(page)


def test_csrf_refuses_a_post_without_the_token_and_takes_one_with_it(stack, page):
    page.goto(f"{stack.url}/today/")
    saved_day = page.locator("form.checkin input[name=day]").get_attribute("value") or ""
    post = """async (withToken) => {
        const form = document.querySelector('form.checkin');
        const data = new FormData(form);
        data.set('m_pain', '5');
        if (!withToken) data.delete('csrfmiddlewaretoken');
        const answer = await fetch(form.action,
                                   {method: 'POST', body: data, redirect: 'manual'});
        return answer.type === 'opaqueredirect' ? 302 : answer.status;
    }"""
    assert page.evaluate(post, False) == 403
    assert _read_back(stack)["pain"] == [6.0]  # refused: nothing changed
    assert page.evaluate(post, True) in (200, 302)
    assert _read_back(stack)["pain"] == [5.0]
    # The token alone is not enough: a page of another origin is refused (Origin check), which
    # works only because Django sees HTTPS (X-Forwarded-Proto) and the real host behind Caddy.
    token = page.locator('input[name="csrfmiddlewaretoken"]').first.get_attribute("value")
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in page.context.cookies())
    foreign = proxy_stack.https_post(
        stack,
        "/checkin/",
        {"csrfmiddlewaretoken": token or "", "day": saved_day, "m_pain": "9"},
        {"Cookie": cookies, "Origin": "https://evil.example", "Referer": "https://evil.example/"},
    )
    assert foreign == 403
    assert _read_back(stack)["pain"] == [5.0]


def test_a_failed_login_is_counted_against_the_real_address_not_a_claimed_one(stack, browser):
    # Login throttling counts failures per address, read from X-Forwarded-For behind a proxy
    # (its last entry, which Caddy writes): a client's own claim must not count.
    context = browser.new_context(extra_http_headers={"X-Forwarded-For": "203.0.113.9"})
    page = context.new_page()
    page.goto(f"{stack.url}/login/")
    page.get_by_label("Name").fill("mallory")
    page.get_by_label("Passphrase").fill("not the passphrase")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("alert").filter(has_text="did not match").wait_for()
    context.close()
    code = (
        "from axes.models import AccessFailureLog; "
        "print(json.dumps(list(AccessFailureLog.objects.filter(username='mallory')"
        ".values_list('ip_address', flat=True))))"
    )
    assert _query(stack, code) == ["127.0.0.1"]


def test_health_through_the_proxy_sees_the_separate_worker(stack):
    deadline, state = time.monotonic() + 60, {}
    while time.monotonic() < deadline:
        status, _headers, body = proxy_stack.https_get(stack, "/healthz")
        state = json.loads(body)
        if status == 200 and state["worker"]["running"] >= 1:
            break
        time.sleep(0.5)
    assert state["worker"]["running"] == 1, state  # fibrolog-worker.service, not one inside serve


def test_caddy_sends_plain_http_to_https(stack):
    connection = http.client.HTTPConnection("127.0.0.1", stack.http_port, timeout=10)
    connection.request("GET", "/today/", headers={"Host": f"localhost:{stack.http_port}"})
    answer = connection.getresponse()
    assert answer.status in (301, 308)
    location = urllib.parse.urlsplit(answer.getheader("Location") or "")
    # Caddy 2.6 (Debian 12) leaves a non-standard https_port out of the address: on a server,
    # on port 443, the redirect is exactly https://diary.example.org/today/.
    assert (location.scheme, location.hostname, location.path) == ("https", "localhost", "/today/")
    connection.close()


def test_the_backup_unit_backs_up_what_was_saved(stack, page):
    done = stack.run_unit("fibrolog-backup.service")
    assert "integrity check: ok" in done[0].stdout
    (backup,) = (stack.folder / "backups").glob("fibrolog-*.backup")
    head = backup.read_bytes()[:16]
    assert head.startswith(b"PGDMP" if postgres.ON_POSTGRES else b"SQLite format 3")


def test_check_deploy_with_the_units_environment(stack):
    done = subprocess.run(
        [*deploy.RUN_HERE.split(), "check", "--deploy"],
        env=stack.env(),
        cwd=deploy.ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if postgres.ON_POSTGRES:
        assert done.returncode == 0, done.stdout + done.stderr
    else:  # deploy/fibrolog.env says two web processes: SQLite is refused for that
        assert done.returncode == 1 and "fibrolog.E003" in done.stdout + done.stderr


def _today_on_the_page(page) -> str:
    return page.locator("form.checkin input[name=day]").get_attribute("value")


def _read_back(stack) -> dict[str, object]:
    """Return Maya's pain values and latest note, read from the database by a fresh process."""
    return _query(
        stack,
        "from fibrolog.diary.models import DailyValue, Note; "
        "pain = DailyValue.objects.filter(user__username='maya', metric__key='pain'); "
        "note = Note.objects.filter(user__username='maya').order_by('-day').first(); "
        "print(json.dumps({'pain': [v.value for v in pain], "
        "'note': note and note.text, 'day': note and note.day.isoformat()}))",
    )


def _query(stack, code: str):
    """Run `code` (printing JSON) in a fresh process with the units' environment."""
    done = subprocess.run(
        [sys.executable, "-c", f"import json, django; django.setup(); {code}"],
        env={**stack.env(), "DJANGO_SETTINGS_MODULE": "fibrolog.settings"},
        cwd=deploy.ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
