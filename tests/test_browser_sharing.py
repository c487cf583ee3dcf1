"""In a real browser: a person shares by a clinician's code, the clinician sees it, she stops it."""

from __future__ import annotations

import re

import pytest

from fibrolog.accounts.services import create_account
from tests.test_browser import SHOTS, _phone, browser, log_in  # noqa: F401 - the shared fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CLINIC = "lavender window quietly clinic"


def _clinician(browser, live_server):  # noqa: F811
    create_account("drchen", CLINIC, role="clinician")
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Name").fill("drchen")
    page.get_by_label("Passphrase").fill(CLINIC)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/clinic/$"))
    return page


def test_it_shares_by_code_shows_it_to_the_clinician_and_stops_it(browser, live_server):  # noqa: F811
    SHOTS.mkdir(parents=True, exist_ok=True)
    doctor = _clinician(browser, live_server)
    doctor.get_by_role("link", name="Sharing codes").click()
    doctor.get_by_role("button", name="Make a new code").click()
    code = doctor.locator("#code").inner_text()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code)
    doctor.screenshot(path=str(SHOTS / "sharing-code-desktop.png"), full_page=True)

    maya = log_in(browser, live_server)  # a phone, dark
    maya.locator("nav details.more > summary").click()
    maya.locator("nav .more-menu").get_by_role("link", name="Settings").click()
    maya.get_by_role("link", name="Sharing", exact=True).click()
    maya.wait_for_url(re.compile(r"/sharing/$"))
    maya.get_by_label("Or the code your clinician gave you").fill(code.lower())
    maya.locator("label.check", has_text="Insights and self-experiments").click()  # untick
    maya.get_by_label("For how many days").fill("90")
    maya.get_by_role("button", name="Share", exact=True).click()
    shared = maya.locator("#active-shares").inner_text()
    assert "drchen can see your report, diary and questionnaires until" in shared
    maya.screenshot(path=str(SHOTS / "sharing-phone-dark.png"), full_page=True)

    doctor.reload()
    people = doctor.locator("#people").inner_text()
    assert "maya shares their report, diary and questionnaires with you" in people
    assert "insights" not in people

    maya.get_by_role("button", name="Stop sharing with drchen").click()
    assert "drchen can no longer see your data" in maya.locator("main").inner_text()
    assert "Nobody: your data is yours alone" in maya.locator("#active-shares").inner_text()
    doctor.reload()
    assert "Nobody shares with you yet" in doctor.locator("#people").inner_text()

    maya.get_by_role("link", name="See who looked at your data").click()
    maya.wait_for_url(re.compile(r"/audit/$"))
    trail = maya.locator("ol.trail").inner_text()
    assert trail.index("stopped sharing") < trail.index("shared") < trail.index("logged in")
    assert "Your record is whole" in maya.locator("main").inner_text()
    maya.screenshot(path=str(SHOTS / "audit-phone-dark.png"), full_page=True)
    maya.set_viewport_size({"width": 1280, "height": 900})
    maya.screenshot(path=str(SHOTS / "audit-desktop.png"), full_page=True)
    maya.goto(f"{live_server.url}/sharing/")
    maya.screenshot(path=str(SHOTS / "sharing-desktop.png"), full_page=True)
