"""Garmin FIT files (one `.fit`, or a zip or folder of them), decoded with fitdecode, and the
sleep and daily summary JSON of a Garmin Connect account export (`_garmin_connect`).

Heart-rate readings (activity records and all-day monitoring) become samples, activity sessions
become workouts counted by their timer (pauses left out; placed from the session's start).
All-day monitoring counts steps per activity type (walking, running), cumulatively since the day
began: each reading's increase on the one before becomes a steps sample (a drop is a new day).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import fitdecode

from fibrolog.ingest import metrics as k
from fibrolog.ingest._garmin_connect import PATTERNS as CONNECT
from fibrolog.ingest._garmin_connect import connect_file
from fibrolog.ingest._nonempty import must_yield
from fibrolog.ingest.members import members
from fibrolog.ingest.records import IngestError, Progress, Record, Sample
from fibrolog.ingest.sources import Input, Readable

__all__ = ["SOURCE", "parse_garmin"]

SOURCE = "garmin"
EXPECTED = (
    "Garmin FIT files (.fit) with heart-rate readings, steps or activity sessions, or Garmin "
    "Connect's *_sleepData.json and UDSFile_*.json"
)
DEVICE = "Garmin"


@must_yield(EXPECTED)
def parse_garmin(src: Input, *, progress: Progress | None = None) -> Iterator[Record]:
    """Yield heart rate, steps and workouts from FIT files; daily values from Connect's JSON."""
    counters: dict[str, tuple[datetime, float]] = {}  # across files: a day may span two
    for name, stream in members(src, ("*.fit", "*.FIT", *CONNECT), progress=progress):
        if name.endswith(".json"):
            yield from connect_file(stream, name)
        else:
            yield from _fit(stream, name, counters)


def _fit(
    stream: Readable, name: str, counters: dict[str, tuple[datetime, float]]
) -> Iterator[Sample]:
    last: datetime | None = None
    try:
        with fitdecode.FitReader(stream, check_crc=fitdecode.CrcCheck.RAISE) as reader:
            for frame in reader:
                if not isinstance(frame, fitdecode.FitDataMessage):
                    continue
                fields = {f.name: f.value for f in frame.fields}
                stamp = fields.get("timestamp")
                if isinstance(stamp, datetime):
                    last = stamp
                elif isinstance(fields.get("timestamp_16"), int) and last is not None:
                    last = _from_16(last, fields["timestamp_16"])
                    stamp = last
                if frame.name in ("record", "monitoring") and isinstance(stamp, datetime):
                    bpm = fields.get("heart_rate")
                    if isinstance(bpm, int | float) and 20 <= bpm <= 250:
                        key = f"hr|{stamp.timestamp():.0f}"
                        yield Sample(
                            SOURCE, key, k.HEART_RATE, stamp, stamp, float(bpm), "bpm", DEVICE
                        )
                    steps = fields.get("steps")
                    if frame.name == "monitoring" and isinstance(steps, int | float):
                        yield from _steps(stamp, str(fields.get("activity_type")), steps, counters)
                elif frame.name == "session":
                    yield from _session(fields)
    except fitdecode.FitError as error:
        raise IngestError(name, f"not a readable FIT file ({error})") from None


def _from_16(last: datetime, value: int) -> datetime:
    """Resolve a 16-bit rolling timestamp against the last full one (FIT protocol, monitoring)."""
    base = int(last.timestamp())
    seconds = (base & ~0xFFFF) + value
    if seconds < base:
        seconds += 0x10000
    return datetime.fromtimestamp(seconds, tz=UTC)


def _steps(
    stamp: datetime, activity: str, count: float, counters: dict[str, tuple[datetime, float]]
) -> Iterator[Sample]:
    before = counters.get(activity)
    counters[activity] = (stamp, count)
    if before is not None and before[0] >= stamp:
        return  # a reading already counted (files overlap)
    start, previous = before if before is not None and count >= before[1] else (stamp, 0.0)
    if count > previous:
        key = f"steps|{activity}|{stamp.timestamp():.0f}"
        yield Sample(SOURCE, key, k.STEPS, start, stamp, count - previous, "count", DEVICE)


def _session(fields: dict[str, Any]) -> Iterator[Sample]:
    start = fields.get("start_time")
    elapsed = fields.get("total_elapsed_time")
    timer = fields.get("total_timer_time")
    active = timer if isinstance(timer, int | float) and timer > 0 else elapsed
    if isinstance(start, datetime) and isinstance(active, int | float) and active > 0:
        end = start + timedelta(seconds=float(active))
        sport = str(fields.get("sport") or "other")
        key = f"session|{start.timestamp():.0f}|{sport}"
        yield Sample(
            SOURCE, key, k.WORKOUT, start, end, float(active) / 60, "min", DEVICE, "", sport
        )
