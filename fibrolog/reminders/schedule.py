"""Who is due a reminder at an instant: pure date arithmetic over time zones (no Django).

A reminder at a local clock time happens once per local date. A time that does not exist that
day (the hour skipped when clocks go forward) happens as many minutes after the change as it
was into the gap (01:30 on a day clocks jump 01:00 -> 02:00 becomes 02:30); a time that exists
twice (clocks go back) happens the first time only.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from fibrolog.lib.days import diary_day


@dataclass(frozen=True)
class Rule:
    """One person's reminder: their name, zone, day start, local time and channel."""

    user: str
    zone: str
    day_start_hour: int
    at: time
    channel: str


@dataclass(frozen=True)
class Due:
    """A reminder due now: for whom, how, for which diary day, at which instant (UTC)."""

    user: str
    channel: str
    day: date
    instant: datetime
    zone: str
    local_time: str

    def to_dict(self) -> dict[str, str]:
        return {
            "user": self.user,
            "channel": self.channel,
            "day": self.day.isoformat(),
            "at": self.instant.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "zone": self.zone,
            "local_time": self.local_time,
        }


def instant_of(local_date: date, at: time, zone: str) -> datetime:
    """Return the UTC instant of `at` on `local_date` in `zone` (first one; after a gap)."""
    local = datetime.combine(local_date, at.replace(fold=0), tzinfo=ZoneInfo(zone))
    return local.astimezone(UTC)


def due(
    rules: Iterable[Rule],
    now: datetime,
    window: timedelta,
    done: Collection[tuple[str, date]] = (),
) -> list[Due]:
    """Return the reminders whose instant falls in (now - window, now], less those in `done`.

    `done` holds (user, diary day) pairs already checked in or already reminded.
    """
    if now.tzinfo is None:
        raise ValueError("now must carry a time zone")
    found = []
    for rule in rules:
        tz = ZoneInfo(rule.zone)
        today = now.astimezone(tz).date()
        for local_date in (today - timedelta(days=1), today):
            instant = instant_of(local_date, rule.at, rule.zone)
            if not now - window < instant <= now:
                continue
            day = diary_day(instant, rule.zone, rule.day_start_hour)
            if (rule.user, day) in done:
                continue
            local = instant.astimezone(tz).strftime("%H:%M")
            found.append(Due(rule.user, rule.channel, day, instant, rule.zone, local))
    return sorted(found, key=lambda d: (d.instant, d.user))
