"""Which diary day a moment belongs to, given a person's time zone and day-start hour."""

from __future__ import annotations

import contextlib
import os
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo


def diary_day(moment: datetime, tz_name: str, day_start_hour: int) -> date:
    """Return the diary day of `moment`: before the day-start hour it is still yesterday."""
    local = moment.astimezone(ZoneInfo(tz_name))
    if local.hour < day_start_hour:
        return local.date() - timedelta(days=1)
    return local.date()


def day_range(start: date, end: date) -> list[date]:
    """Return every day from start to end inclusive."""
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def local_zone_name() -> str:
    """Return this machine's IANA time zone name (TZ, /etc/timezone or /etc/localtime), else UTC."""
    candidates = [os.environ.get("TZ", "")]
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text().strip())
    try:
        target = str(Path("/etc/localtime").resolve())
        candidates.append(target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else "")
    except OSError:
        pass
    for name in candidates:
        name = name.lstrip(":")
        if name and is_zone(name):
            return name
    return "UTC"


def is_zone(name: str) -> bool:
    """Return True when `name` is a known IANA time zone."""
    try:
        ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        return False
    return True
