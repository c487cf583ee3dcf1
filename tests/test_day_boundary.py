"""A person's day starts at their chosen hour in their own time zone."""

from datetime import UTC, date, datetime

from fibrolog.lib.days import diary_day, is_zone


def test_it_counts_1am_as_the_evening_before_with_the_default_4am_start():
    moment = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)
    assert diary_day(moment, "UTC", 4) == date(2026, 3, 9)


def test_it_counts_4am_as_the_new_day():
    assert diary_day(datetime(2026, 3, 10, 4, 0, tzinfo=UTC), "UTC", 4) == date(2026, 3, 10)


def test_it_uses_the_persons_time_zone_not_the_servers():
    # 23:30 UTC on the 9th is 10:30 on the 10th in Sydney (UTC+11 in March).
    moment = datetime(2026, 3, 9, 23, 30, tzinfo=UTC)
    assert diary_day(moment, "Australia/Sydney", 4) == date(2026, 3, 10)
    assert diary_day(moment, "America/New_York", 4) == date(2026, 3, 9)


def test_it_lets_midnight_be_the_day_start():
    assert diary_day(datetime(2026, 3, 10, 0, 5, tzinfo=UTC), "UTC", 0) == date(2026, 3, 10)


def test_it_knows_real_time_zones_from_made_up_ones():
    assert is_zone("Europe/London")
    assert not is_zone("Mars/Olympus_Mons")
    assert not is_zone("../../etc/passwd")
