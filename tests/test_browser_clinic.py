"""In a real browser: Dr Chen opens her dashboard and proposes a plan; Alma accepts it on Today."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from fibrolog.accounts.services import create_account, today_for
from fibrolog.sharing.services import share
from tests.clinic_people import ALL, diary, fiqr, phq9
from tests.test_browser import SHOTS, _phone, browser  # noqa: F401 - the shared fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHEN, ALMA = ("drchen", "clinic lantern quietly"), ("alma", "heron morning slowly")


def _log_in(page, live_server, name, passphrase, lands):
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Passphrase").fill(passphrase)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(lands))


def test_it_shows_the_dashboard_and_alma_accepts_a_proposal(browser, live_server):  # noqa: F811
    chen = create_account(*CHEN, role="clinician")
    alma = create_account(*ALMA)
    share(alma, chen, ALL)
    today = today_for(alma)
    diary(alma, recent=6.5, before=4)
    phq9(alma, today - timedelta(days=40), each=1)
    phq9(alma, today - timedelta(days=2), each=2, q9=1)
    fiqr(alma, today - timedelta(days=2), each=5)
    for n, (recent, before) in enumerate(((3, 3), (4, 5.5), (7, 6.5))):
        other = create_account(f"person{n}", None)
        share(other, chen, ALL if n else ["report", "questionnaires"])
        diary(other, recent=recent, before=before)
        fiqr(other, today - timedelta(days=40), each=4)
        fiqr(other, today - timedelta(days=5), each=3 + n)

    desk = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = desk.new_page()
    _log_in(page, live_server, *CHEN, r"/clinic/$")
    first = page.locator("table.clinic-table tbody tr").first
    assert "alma" in first.inner_text() and "Item 9 above 0" in first.inner_text()
    assert page.locator("svg.sparkline").count() >= 6
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "clinic-dashboard-desktop-dark.png"), full_page=True)
    page.get_by_label("Worsening only").check()
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"worse=1"))
    page.get_by_role("link", name="alma").click()
    page.wait_for_url(re.compile(r"/clinic/people/\d+/$"))
    page.get_by_label("What to test").fill("Tai chi, 20 minutes a day")
    page.get_by_role("button", name="Propose this plan").click()
    assert "They will see it on their Today page" in page.locator(".messages").inner_text()
    page.screenshot(path=str(SHOTS / "clinic-person-desktop-dark.png"), full_page=True)

    phone = _phone(browser)
    chen_phone = phone.new_page()
    _log_in(chen_phone, live_server, *CHEN, r"/clinic/$")
    chen_phone.screenshot(path=str(SHOTS / "clinic-dashboard-phone-dark.png"), full_page=True)

    alma_page = _phone(browser).new_page()
    _log_in(alma_page, live_server, *ALMA, r"/today/$")
    panel = alma_page.locator("aside.clinic-panel")
    assert "Tai chi, 20 minutes a day" in panel.inner_text()
    alma_page.screenshot(path=str(SHOTS / "clinic-today-panel-phone-dark.png"), full_page=True)
    panel.get_by_role("button", name="Accept as a draft").click()
    alma_page.wait_for_url(re.compile(r"/experiments/\d+/$"))
    assert "Tai chi, 20 minutes a day" in alma_page.locator("main").inner_text()
