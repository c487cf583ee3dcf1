"""Reminders come once a day at the person's local time, across both daylight-saving changes.

Expected instants worked by hand from the 2026 rules: Europe/London goes 01:00 GMT -> 02:00 BST
on 29 March and 02:00 BST -> 01:00 GMT on 25 October; America/Los_Angeles goes 02:00 PST ->
03:00 PDT on 8 March and 02:00 PDT -> 01:00 PST on 1 November.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from fibrolog.reminders.schedule import Rule, due, instant_of

MINUTE = timedelta(minutes=1)


def z(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.mark.parametrize(
    ("zone", "local_date", "at", "expected"),
    [
        # Europe/London, spring forward (29 March): 20:00 moves from 20:00Z to 19:00Z.
        ("Europe/London", date(2026, 3, 28), time(20, 0), "2026-03-28T20:00:00Z"),
        ("Europe/London", date(2026, 3, 29), time(20, 0), "2026-03-29T19:00:00Z"),
        # 01:30 does not exist on 29 March: it comes at 02:30 BST, the same instant as 01:30 GMT.
        ("Europe/London", date(2026, 3, 28), time(1, 30), "2026-03-28T01:30:00Z"),
        ("Europe/London", date(2026, 3, 29), time(1, 30), "2026-03-29T01:30:00Z"),
        ("Europe/London", date(2026, 3, 30), time(1, 30), "2026-03-30T00:30:00Z"),
        # Fall back (25 October): 20:00 moves 19:00Z -> 20:00Z; of the two 01:30s, the first counts.
        ("Europe/London", date(2026, 10, 24), time(20, 0), "2026-10-24T19:00:00Z"),
        ("Europe/London", date(2026, 10, 25), time(20, 0), "2026-10-25T20:00:00Z"),
        ("Europe/London", date(2026, 10, 25), time(1, 30), "2026-10-25T00:30:00Z"),
        ("Europe/London", date(2026, 10, 26), time(1, 30), "2026-10-26T01:30:00Z"),
        # America/Los_Angeles: 20:00 is 04:00Z in winter and 03:00Z in summer (next UTC day).
        ("America/Los_Angeles", date(2026, 3, 7), time(20, 0), "2026-03-08T04:00:00Z"),
        ("America/Los_Angeles", date(2026, 3, 8), time(20, 0), "2026-03-09T03:00:00Z"),
        ("America/Los_Angeles", date(2026, 3, 8), time(1, 30), "2026-03-08T09:30:00Z"),
        ("America/Los_Angeles", date(2026, 3, 8), time(2, 30), "2026-03-08T10:30:00Z"),  # gap
        ("America/Los_Angeles", date(2026, 3, 9), time(1, 30), "2026-03-09T08:30:00Z"),
        ("America/Los_Angeles", date(2026, 10, 31), time(20, 0), "2026-11-01T03:00:00Z"),
        ("America/Los_Angeles", date(2026, 11, 1), time(20, 0), "2026-11-02T04:00:00Z"),
        ("America/Los_Angeles", date(2026, 11, 1), time(1, 30), "2026-11-01T08:30:00Z"),
        ("America/Los_Angeles", date(2026, 11, 2), time(1, 30), "2026-11-02T09:30:00Z"),
    ],
)
def test_it_puts_a_local_time_at_the_right_instant(zone, local_date, at, expected):
    assert instant_of(local_date, at, zone) == z(expected)


@pytest.mark.parametrize("zone", ["Europe/London", "America/Los_Angeles"])
@pytest.mark.parametrize("at", [time(20, 0), time(1, 30)])
@pytest.mark.parametrize("month", [3, 10, 11])
def test_it_reminds_exactly_once_a_day_across_a_clock_change(zone, at, month):
    rule = Rule("maya", zone, 4, at, "ntfy")
    start = datetime(2026, month, 1 if month != 10 else 20, tzinfo=UTC)
    if month == 3:
        start = datetime(2026, 3, 5 if zone.startswith("America") else 26, tzinfo=UTC)
    step = timedelta(minutes=5)
    fired = []
    now = start
    while now < start + timedelta(days=6):
        now += step
        fired += due([rule], now, step)  # a sender every 5 minutes sees each instant once
    end = start + timedelta(days=6)
    local_dates = [start.date() + timedelta(days=i) for i in range(-1, 8)]
    expected = [i for i in (instant_of(d, at, zone) for d in local_dates) if start < i <= end]
    assert [d.instant for d in fired] == expected
    days = [d.day for d in fired]
    assert days == [days[0] + timedelta(days=i) for i in range(len(days))]  # one a day, no gap


def test_it_files_a_small_hours_reminder_under_the_evening_before():
    rule = Rule("maya", "Europe/London", 4, time(1, 30), "email")
    [item] = due([rule], z("2026-12-05T01:30:00Z"), MINUTE)
    assert item.day == date(2026, 12, 4)  # before her 4 am day start it is still the 4th


def test_it_skips_a_day_already_checked_in_or_already_reminded():
    rule = Rule("maya", "Europe/London", 4, time(20, 0), "ntfy")
    at = z("2026-12-04T20:00:00Z")
    assert [d.user for d in due([rule], at, MINUTE)] == ["maya"]
    assert due([rule], at, MINUTE, {("maya", date(2026, 12, 4))}) == []


def test_it_catches_up_within_the_window_and_not_after():
    rule = Rule("maya", "America/Los_Angeles", 4, time(20, 0), "webpush")
    late = z("2026-12-05T04:14:00Z")  # 20:14 in Los Angeles
    assert len(due([rule], late, timedelta(minutes=15))) == 1
    assert due([rule], late, timedelta(minutes=10)) == []


def test_it_refuses_an_instant_without_a_zone():
    with pytest.raises(ValueError, match="zone"):
        due([], datetime(2026, 12, 4, 20), MINUTE)
