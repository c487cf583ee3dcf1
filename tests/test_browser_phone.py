"""On a phone at 390 px (Debian's chromium): installable; a check-in saved offline arrives once."""

from __future__ import annotations

import json
import re

import pytest

from fibrolog.diary.models import DailyValue
from fibrolog.phone.models import SyncedCheckin
from tests.test_browser import _phone, browser  # noqa: F401  (the shared chromium fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, live_server) -> None:
    from fibrolog.accounts.services import create_account

    create_account("maya", "lavender window quietly")
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Name").fill("maya")
    page.get_by_label("Passphrase").fill("lavender window quietly")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/today/$"))


def _ready(page) -> None:
    """Wait until the service worker controls the page and the check-in shell is kept."""
    page.evaluate("() => navigator.serviceWorker.ready")
    page.wait_for_function("() => caches.match('/today/shell/').then(r => !!r)")
    if not page.evaluate("() => !!navigator.serviceWorker.controller"):
        page.reload()
        page.wait_for_function("() => !!navigator.serviceWorker.controller")
    page.locator("html[data-shell-kept]").wait_for(state="attached")  # both copies written


def test_it_meets_the_install_criteria(browser, live_server):  # noqa: F811
    context = _phone(browser)
    page = context.new_page()
    _log_in(page, live_server)
    href = page.locator("link[rel=manifest]").get_attribute("href")
    response = page.request.get(f"{live_server.url}{href}")
    assert response.headers["content-type"].startswith("application/manifest+json")
    manifest = json.loads(response.body())
    assert manifest["start_url"] == "/today/"
    assert manifest["display"] == "standalone"
    assert manifest["name"] and manifest["short_name"] and manifest["theme_color"]
    sizes = {(i["sizes"], i.get("purpose", "any")) for i in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        fetched = page.request.get(f"{live_server.url}{icon['src']}")
        assert fetched.ok and fetched.headers["content-type"] == "image/png"
        assert fetched.body()[:8] == b"\x89PNG\r\n\x1a\n"
    colours = page.locator("meta[name=theme-color]")
    assert colours.count() == 2
    scope = page.evaluate("() => navigator.serviceWorker.ready.then(r => r.scope)")
    assert scope == f"{live_server.url}/"
    assert page.evaluate("() => navigator.serviceWorker.ready.then(r => r.active.state)") in (
        "activating",
        "activated",
    )
    context.close()


def test_it_keeps_a_check_in_made_offline_and_sends_it_once(browser, live_server):  # noqa: F811
    context = _phone(browser)
    page = context.new_page()
    _log_in(page, live_server)
    _ready(page)

    context.set_offline(True)
    page.goto(f"{live_server.url}/today/")  # no connection: the kept shell opens
    shown = page.locator("form[data-offline-shell]").count()
    assert shown == 1, page.content()[:2000]
    page.locator("fieldset.metric", has_text="Pain").locator(
        "label.tap", has_text=re.compile(r"^6$")
    ).click()
    page.get_by_label("Note").fill("Written on the bus")
    page.get_by_role("button", name="Save today").click()
    note = page.locator("#phone-queue")
    note.filter(has_text="saved on this phone, will send when online").wait_for()
    assert DailyValue.objects.filter(metric__key="pain").count() == 0

    page.reload()  # the app closed and opened again: still waiting, still offline
    page.locator("#phone-queue").filter(has_text="will send when online").wait_for()
    assert DailyValue.objects.count() == 0

    context.set_offline(False)
    page.locator("#phone-queue").filter(has_text="Sent 1 check-in").wait_for()
    # Replayed twice more at once (a second tab, Background Sync): still written once.
    page.evaluate("() => Promise.all([fibrologQueue.flush(), fibrologQueue.flush()])")
    rows = DailyValue.objects.filter(metric__key="pain")
    assert [(r.value, r.source) for r in rows] == [(6.0, "manual")]
    assert SyncedCheckin.objects.count() == 1
    assert page.evaluate("() => fibrologQueue.all().then(a => a.length)") == 0
    context.close()


def test_it_says_when_the_phone_is_in_another_zone_than_the_diary(browser, live_server):  # noqa: F811
    from fibrolog.accounts.models import Profile

    context = browser.new_context(
        viewport={"width": 390, "height": 844}, timezone_id="America/Los_Angeles"
    )
    page = context.new_page()
    _log_in(page, live_server)
    Profile.objects.filter(user__username="maya").update(timezone="Europe/London")
    page.goto(f"{live_server.url}/settings/")
    warning = page.locator("#zone-note")
    warning.wait_for()
    assert "America/Los_Angeles" in warning.text_content()
    page.get_by_role("button", name="Use this phone's zone").click()
    assert page.locator("#id_timezone").input_value() == "America/Los_Angeles"
    Profile.objects.filter(user__username="maya").update(timezone="America/Los_Angeles")
    page.goto(f"{live_server.url}/today/")
    assert page.locator("#zone-note").is_hidden()
    context.close()


def test_it_picks_the_browsers_zone_at_set_up(browser, live_server):  # noqa: F811
    context = browser.new_context(timezone_id="Asia/Tokyo")
    page = context.new_page()
    page.goto(f"{live_server.url}/setup/")
    page.wait_for_function("() => document.querySelector('#id_timezone').value === 'Asia/Tokyo'")
    context.close()
