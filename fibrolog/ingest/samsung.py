"""Samsung Health export (a zip or folder of `com.samsung.*.csv`, one per data type).

Each CSV starts with a preamble line before its header, and headers may carry the type's
namespace (`com.samsung.health.sleep.start_time`): only the last part is used. Times are UTC.
Sleep stages 40001-40004 are awake, light, deep and REM; a sleep session without stages counts
as asleep, with stages as time in bed. Stress (`...stress...csv`, a 0-100 `score`) becomes
readings averaged per day; exercise (`...exercise...csv`) becomes workouts counted by their
`duration` (ms, pauses left out). Column names from Samsung Health's data descriptions;
unverified against every export version. HRV files are not read yet.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone

from fibrolog.ingest import metrics as k
from fibrolog.ingest._nonempty import must_yield
from fibrolog.ingest.members import members
from fibrolog.ingest.records import DayEntry, IngestError, Progress, Record, Sample
from fibrolog.ingest.sources import Input, Readable
from fibrolog.ingest.text import CsvFile, Row

__all__ = ["SOURCE", "parse_samsung"]

SOURCE = "samsung-health"
EXPECTED = (
    "Samsung Health CSVs (com.samsung.*.csv: sleep, sleep_stage, heart_rate, step_daily_trend)"
)
DEVICE = "Samsung Health"
STAGES = {
    "40001": k.SLEEP_AWAKE,
    "40002": k.SLEEP_CORE,
    "40003": k.SLEEP_DEEP,
    "40004": k.SLEEP_REM,
}
PATTERNS = ("com.samsung.*.csv",)
# Samsung's exercise_type codes for the commonest activities; others keep their code.
EXERCISES = {"1001": "walking", "1002": "running", "11007": "cycling", "14001": "swimming"}


@must_yield(EXPECTED)
def parse_samsung(src: Input, *, progress: Progress | None = None) -> Iterator[Record]:
    """Yield sleep, heart rate, daily steps, stress scores and exercise sessions."""
    sessions: list[tuple[str, Sample]] = []
    staged: set[str] = set()
    for name, stream in members(src, PATTERNS, progress=progress):
        if "sleep_stage" in name:
            for row in _rows(stream, name, ["start_time", "end_time", "stage"]):
                staged.add(row.get("sleep_id"))
                stage = STAGES.get(row.get("stage"))
                if stage is not None:
                    yield _interval(row, name, stage, f"stage|{row.get('start_time')}")
        elif ".sleep." in name:
            for row in _rows(stream, name, ["start_time", "end_time"]):
                session = _interval(row, name, k.SLEEP_IN_BED, "bed")
                sessions.append((row.get("datauuid"), session))
        elif "heart_rate" in name:
            for row in _rows(stream, name, ["start_time", "heart_rate"]):
                sample = _interval(row, name, k.HEART_RATE, "hr", value=row.get("heart_rate"))
                yield sample
        elif "step_daily_trend" in name:
            yield from _steps(stream, name)
        elif ".stress." in name:
            for row in _rows(stream, name, ["start_time", "score"]):
                yield _interval(row, name, k.STRESS, "stress", value=row.get("score"))
        elif ".exercise." in name:
            for row in _rows(stream, name, ["start_time", "end_time"]):
                yield _exercise(row, name)
    for uuid, session in sessions:
        yield session
        if uuid not in staged:
            key = session.natural_key.replace("bed|", "asleep|", 1)
            yield dataclasses.replace(session, kind=k.SLEEP_ASLEEP, natural_key=key)


def _rows(stream: Readable, name: str, columns: list[str]) -> Iterator[Row]:
    csv = CsvFile(stream, name, skip_lines=1)
    csv.header[:] = [h.rsplit(".", 1)[-1] for h in csv.header]
    csv.require(columns, what=f"Samsung's {name}")
    yield from csv


def _time(row: Row, column: str, name: str) -> datetime:
    try:
        return datetime.fromisoformat(row.get(column)).replace(tzinfo=UTC)
    except ValueError:
        raise IngestError(name, f"cannot read the time {row.get(column)!r}", row.line) from None


def _interval(row: Row, name: str, kind: str, key: str, value: str = "") -> Sample:
    start = _time(row, "start_time", name)
    end = _time(row, "end_time", name) if row.get("end_time") else start
    zone = _offset(row.get("time_offset"))
    try:
        number = float(value) if value else (end - start).total_seconds() / 60
    except ValueError:
        raise IngestError(name, f"expected a number, found {value!r}", row.line) from None
    unit = {k.HEART_RATE: "bpm", k.STRESS: "score"}.get(kind, "min")
    natural = f"{key}|{row.get('start_time')}|{row.get('end_time')}"
    return Sample(
        SOURCE, natural, kind, start.astimezone(zone), end.astimezone(zone), number, unit, DEVICE
    )


def _exercise(row: Row, name: str) -> Sample:
    """Return an exercise session counted by its `duration` (ms, pauses left out) when given."""
    session = _interval(row, name, k.WORKOUT, "exercise")
    try:
        active = float(row.get("duration")) / 60_000 if row.get("duration") else session.value
    except ValueError:
        raise IngestError(
            name, f"duration {row.get('duration')!r} is not a number", row.line
        ) from None
    active = min(active, session.value) if session.value > 0 else active
    sport = EXERCISES.get(
        row.get("exercise_type"), f"exercise_{row.get('exercise_type') or 'other'}"
    )
    end = session.start + timedelta(minutes=active)
    return dataclasses.replace(session, end=end, value=active, detail=sport)


def _offset(text: str) -> timezone:
    """Read Samsung's "UTC+0100" offsets; anything unreadable is UTC."""
    try:
        sign = -1 if text[3] == "-" else 1
        hours, minutes = int(text[4:6]), int(text[6:8])
        return timezone(sign * timedelta(hours=hours, minutes=minutes))
    except (IndexError, ValueError):
        return UTC


def _steps(stream: Readable, name: str) -> Iterator[DayEntry]:
    for row in _rows(stream, name, ["day_time", "count"]):
        if row.get("source_type") not in ("", "-2"):
            continue  # -2 is Samsung's de-duplicated total across phone and watch
        try:
            day = date(1970, 1, 1) + timedelta(milliseconds=int(row.get("day_time")))
            steps = float(row.get("count"))
        except ValueError:
            raise IngestError(name, "cannot read this row", row.line) from None
        yield DayEntry(SOURCE, f"{day}|steps", day, "steps", steps, DEVICE)
