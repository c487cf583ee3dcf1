"""Count the taps of a check-in in a real browser at 390 px: the default path, and a bad day."""

from __future__ import annotations

import re

import pytest

from fibrolog.accounts.services import today_for
from fibrolog.catalogue import BAD_DAY_CHECKIN, DEFAULT_CHECKIN
from fibrolog.diary.services.checkin import day_state
from tests.test_browser import browser, log_in  # noqa: F401  (the module's browser fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class Taps:
    """Click like a thumb, counting every tap."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def on(self, locator) -> None:
        locator.click()
        self.count += 1


def _answer_every_question(page, taps: Taps) -> None:
    """Tap one answer in each question shown (the middle of each row of answers)."""
    for fieldset in page.locator("fieldset.metric").all():
        answers = fieldset.locator("label.tap")
        taps.on(answers.nth(answers.count() // 2))


def test_the_default_check_in_takes_8_taps_including_save(browser, live_server):  # noqa: F811
    page = log_in(browser, live_server)
    taps = Taps(page)
    _answer_every_question(page, taps)
    taps.on(page.get_by_role("button", name="Save today"))
    page.wait_for_url(re.compile(r"/today/$"))
    assert page.get_by_text("Thank you for checking in").is_visible()
    from django.contrib.auth import get_user_model

    maya = get_user_model().objects.get(username="maya")
    assert set(day_state(maya, today_for(maya)).values) == set(DEFAULT_CHECKIN)
    assert taps.count == len(DEFAULT_CHECKIN) + 1 == 8


def test_a_bad_day_takes_3_answers_and_save(browser, live_server):  # noqa: F811
    page = log_in(browser, live_server)
    taps = Taps(page)
    taps.on(page.get_by_role("link", name="Bad day? Answer just 3"))
    assert page.get_by_text("The rest can wait").is_visible()
    _answer_every_question(page, taps)
    taps.on(page.get_by_role("button", name="Save today"))
    page.wait_for_url(re.compile(r"/today/$"))
    from django.contrib.auth import get_user_model

    maya = get_user_model().objects.get(username="maya")
    assert set(day_state(maya, today_for(maya)).values) == set(BAD_DAY_CHECKIN)
    assert taps.count == 1 + 3 + 1  # the switch, pain, fatigue and sleep, Save


def test_the_focused_answer_is_never_under_the_save_bar(browser, live_server):  # noqa: F811
    page = log_in(browser, live_server)
    page.locator("#pick").focus()
    for _ in range(40):  # walk the whole form with the keyboard, top to bottom
        page.keyboard.press("Tab")
        box = page.evaluate(
            """() => {
                const el = document.activeElement, bar = document.querySelector('.save-bar');
                const target = el.closest('label') || el;
                const r = target.getBoundingClientRect(), b = bar.getBoundingClientRect();
                return {bottom: r.bottom, top: r.top, bar: b.top, w: r.width,
                        inForm: !!el.closest('form.checkin'), inBar: !!el.closest('.save-bar')};
            }"""
        )
        if box["inForm"] and not box["inBar"] and box["w"] > 1:
            assert box["bottom"] <= box["bar"] + 1, box
