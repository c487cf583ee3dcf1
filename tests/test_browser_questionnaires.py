"""In a real browser: the body map, a questionnaire page by page, crisis resources at once."""

from __future__ import annotations

import re

import pytest

from tests.test_browser import SHOTS, browser, log_in  # noqa: F401 - the shared fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_fills_the_acr_with_the_body_map(browser, live_server):  # noqa: F811
    page = log_in(browser, live_server)
    page.locator("nav details.more > summary").click()  # a phone: the rest is behind "More"
    page.locator("nav .more-menu").get_by_role("link", name="Questionnaires").click()
    page.locator("li.q-row", has_text="ACR 2016").get_by_role("button", name="Start").click()
    page.wait_for_url(re.compile(r"/page/1/$"))
    for site in (
        "shoulder_left",
        "shoulder_right",
        "upper_arm_left",
        "upper_arm_right",
        "hip_left",
        "hip_right",
        "upper_leg_left",
        "upper_leg_right",
        "neck",
        "lower_back",
    ):
        page.locator(f"label.site-{site}").click()
    assert page.locator("label.site-neck input[type=checkbox]").is_checked()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "body-map-phone-dark.png"), full_page=True)
    page.get_by_role("button", name="Next").click()
    for key, answer in (
        ("fatigue", "Moderate"),
        ("unrefreshed", "Moderate"),
        ("cognitive", "Slight or mild"),
    ):
        page.locator(f"#q-{key}").get_by_text(answer, exact=True).click()
    page.get_by_role("button", name="Next").click()
    page.locator("#q-headaches").get_by_text("Yes", exact=True).click()
    page.locator("#q-lower_abdominal").get_by_text("No", exact=True).click()
    page.locator("#q-depression").get_by_text("No", exact=True).click()
    page.locator("input[name=duration_months]").fill("12")
    page.get_by_role("button", name="Finish").click()
    page.wait_for_url(re.compile(r"/questionnaires/r/\d+/$"))
    text = page.locator("main").inner_text()
    assert "16" in text and "severe" in text
    assert "meet the 2016 criteria thresholds" in text
    page.screenshot(path=str(SHOTS / "acr-result-phone-dark.png"), full_page=True)


def test_it_shows_crisis_resources_the_moment_item_9_is_answered(browser, live_server):  # noqa: F811
    page = log_in(browser, live_server, phone=False)
    page.goto(f"{live_server.url}/questionnaires/")
    page.locator("li.q-row", has_text="PHQ-9").get_by_role("button", name="Start").click()
    for n in range(1, 6):
        page.locator(f"#q-q{n}").get_by_text("Not at all", exact=True).click()
    page.get_by_role("button", name="Next").click()
    crisis = page.locator("#crisis")
    assert not crisis.is_visible()
    page.locator("#q-q9").get_by_text("Several days", exact=True).click()
    assert crisis.is_visible()
    assert "116 123" in crisis.inner_text()
    page.screenshot(path=str(SHOTS / "phq9-crisis-desktop-light.png"), full_page=True)
