"""In a real browser (Debian's chromium): log in, check in, see it on the timeline."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from fibrolog.accounts.services import create_account

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
SHOTS = Path(os.environ.get("FIBROLOG_SCREENSHOTS", "artifacts/screenshots"))

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make system-deps` (Debian package chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


def log_in(browser, live_server, *, phone=True):
    """Create Maya, open a page as her, and return it."""
    create_account("maya", "lavender window quietly")
    context = (
        _phone(browser)
        if phone
        else browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Name").fill("maya")
    page.get_by_label("Passphrase").fill("lavender window quietly")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/today/$"))
    return page


def _phone(browser):
    return browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        color_scheme="dark",
    )


def test_it_logs_in_checks_in_and_sees_it_on_the_timeline(browser, live_server):
    create_account("maya", "lavender window quietly")
    context = _phone(browser)
    page = context.new_page()
    page.goto(f"{live_server.url}/today/")
    assert "/login/" in page.url
    page.get_by_label("Name").fill("maya")
    page.get_by_label("Passphrase").fill("lavender window quietly")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/today/$"))

    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "checkin-phone-dark.png"), full_page=True)
    pain = page.locator("fieldset.metric", has_text="Pain")
    pain.locator("label.tap", has_text=re.compile(r"^6$")).click()
    page.locator("fieldset.metric", has_text="Fatigue").locator(
        "label.tap", has_text=re.compile(r"^7$")
    ).click()
    page.locator("label.chip", has_text="poor sleep").click()
    page.get_by_label("Note").fill("Rough night, neighbours' party")
    page.get_by_role("button", name="Save today").click()
    page.wait_for_url(re.compile(r"/today/$"))
    assert page.get_by_text("Thank you for checking in").is_visible()
    assert page.locator('input[name="m_pain"][value="6"]').is_checked()

    page.get_by_role("link", name="Timeline").click()
    page.wait_for_url(re.compile(r"/timeline/"))
    desc = page.locator("svg#chart-pain desc, svg[aria-labelledby*='chart-pain'] desc").first
    assert "logged on 1 day" in desc.text_content()
    page.screenshot(path=str(SHOTS / "timeline-phone-dark.png"), full_page=True)
    context.close()


def test_it_shows_an_error_on_the_page_for_an_impossible_value(browser, live_server):
    create_account("maya", "lavender window quietly")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    page = context.new_page()
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Name").fill("maya")
    page.get_by_label("Passphrase").fill("lavender window quietly")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/today/$"))
    page.screenshot(path=str(SHOTS / "checkin-desktop-light.png"), full_page=True)
    # A hand-edited request (a browser cannot pick 11 on the scale): the server still refuses it.
    page.evaluate("""() => {
        const r = document.querySelector('input[name="m_pain"][value="10"]');
        r.value = "11"; r.checked = true; }""")
    page.get_by_role("button", name="Save today").click()
    assert page.get_by_role("alert").filter(has_text="Nothing was saved").is_visible()
    assert page.get_by_text("Pain must be between 0 and 10; got 11.").first.is_visible()
    context.close()
