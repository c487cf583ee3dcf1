"""Typed values are checked against the metric's range and step, with the metric named."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fibrolog.catalogue import METRICS
from fibrolog.diary.validation import check_day, parse_day, parse_value

PAIN = next(m for m in METRICS if m.key == "pain")
SLEEP = next(m for m in METRICS if m.key == "sleep_hours")
TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("11", "Pain must be between 0 and 10; got 11."),
        ("-1", "Pain must be between 0 and 10; got -1."),
        ("abc", "Pain: 'abc' is not a number."),
        ("nan", "Pain: 'nan' is not a number."),
        ("6.5", "Pain goes in steps of 1; got 6.5."),
    ],
)
def test_it_names_the_metric_and_the_problem(raw, message):
    with pytest.raises(ValueError) as info:
        parse_value(PAIN, raw)
    assert str(info.value) == message


def test_it_accepts_quarter_hours_of_sleep_and_a_decimal_comma():
    assert parse_value(SLEEP, "6,75") == 6.75
    with pytest.raises(ValueError, match="steps of 0.25"):
        parse_value(SLEEP, "6.1")


@given(st.integers(min_value=0, max_value=10))
def test_it_accepts_every_point_of_a_zero_to_ten_scale(n):
    assert parse_value(PAIN, str(n)) == n


@given(st.floats(allow_nan=False, allow_infinity=False).filter(lambda x: x < 0 or x > 10))
def test_it_refuses_every_number_outside_zero_to_ten(x):
    with pytest.raises(ValueError, match="Pain"):
        parse_value(PAIN, repr(x))


def test_it_refuses_a_day_in_the_year_3000():
    with pytest.raises(ValueError, match="in the future"):
        parse_day("3000-01-01", TODAY)


def test_it_refuses_a_malformed_day_and_one_before_1970():
    with pytest.raises(ValueError, match="not a date"):
        parse_day("25/11/2026", TODAY)
    with pytest.raises(ValueError, match="before 1970"):
        check_day(date(1969, 12, 31), TODAY)


def test_it_understands_today_and_yesterday():
    assert parse_day("today", TODAY) == TODAY
    assert parse_day("Yesterday", TODAY) == date(2026, 11, 24)
