"""Oura exports: the current zip of CSVs (`sleepmodel.csv`, `dailysleep.csv`,
`dailyactivity.csv`; `;` or `,` separated, some cells JSON) or the legacy trends CSV
(`date,Sleep Score,...`, "... Duration" columns, or "... Time" in the 2020 layout). Oura already
gives one value per day (its `day` is the wake-up day), so these are daily values; durations are
in seconds. The main sleep of a day is its `long_sleep` (else its longest period); the other
periods of the day are naps (`nap_hours`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from fibrolog.ingest._nonempty import must_yield
from fibrolog.ingest.members import members
from fibrolog.ingest.records import DayEntry, IngestError, Progress
from fibrolog.ingest.sources import Input, Readable
from fibrolog.ingest.text import CsvFile, Row

__all__ = ["SOURCE", "parse_oura"]

SOURCE = "oura"
HOURS = 3600.0
# column -> (metric, divisor), per file layout
SLEEPMODEL = {
    "total_sleep_duration": ("sleep_hours", HOURS),
    "deep_sleep_duration": ("sleep_deep_hours", HOURS),
    "light_sleep_duration": ("sleep_core_hours", HOURS),
    "rem_sleep_duration": ("sleep_rem_hours", HOURS),
    "awake_time": ("sleep_awake_hours", HOURS),
    "time_in_bed": ("time_in_bed_hours", HOURS),
    "average_hrv": ("hrv_rmssd", 1.0),
    "lowest_heart_rate": ("resting_hr", 1.0),
}
NOT_SLEEP = ("deleted", "rest")  # sleepmodel periods that are not sleep
ACTIVITY = {"steps": ("steps", 1.0)}
SLEEP_SCORE = {"score": ("sleep_score", 1.0)}
# The trends CSV: later files say "Duration", the 2020 layout says "Time" (seconds in both).
LEGACY = {
    "Total Sleep Duration": ("sleep_hours", HOURS),
    "Total Sleep Time": ("sleep_hours", HOURS),
    "Deep Sleep Duration": ("sleep_deep_hours", HOURS),
    "Deep Sleep Time": ("sleep_deep_hours", HOURS),
    "Light Sleep Duration": ("sleep_core_hours", HOURS),
    "Light Sleep Time": ("sleep_core_hours", HOURS),
    "REM Sleep Duration": ("sleep_rem_hours", HOURS),
    "REM Sleep Time": ("sleep_rem_hours", HOURS),
    "Awake Time": ("sleep_awake_hours", HOURS),
    "Total Bedtime": ("time_in_bed_hours", HOURS),
    "Average HRV": ("hrv_rmssd", 1.0),
    "Lowest Resting Heart Rate": ("resting_hr", 1.0),
    "Steps": ("steps", 1.0),
}
EXPECTED = (
    "Oura's sleepmodel.csv (day, total_sleep_duration, ...), dailyactivity.csv (day, steps) or "
    "the trends CSV (date, Total Sleep Duration or Total Sleep Time, ...)"
)


@must_yield(EXPECTED)
def parse_oura(src: Input, *, progress: Progress | None = None) -> Iterator[DayEntry]:
    """Yield Oura's daily sleep, HRV, resting heart rate and steps."""
    for name, stream in members(src, ("*.csv",), progress=progress):
        yield from _file(stream, name)


def _file(stream: Readable, name: str) -> Iterator[DayEntry]:
    csv = CsvFile(stream, name)
    if "total_sleep_duration" in csv.header:
        csv.require(["day"], what="Oura's sleepmodel.csv")
        periods: dict[date, list[Row]] = {}
        for row in csv:
            if row.get("type") not in NOT_SLEEP:
                periods.setdefault(_day(row, "day", name), []).append(row)
        for day, rows in sorted(periods.items()):
            main = max(rows, key=_main)  # the main sleep: long_sleep, else the longest period
            yield from _values(main, day, SLEEPMODEL, name)
            naps = sum(_main(row)[1] for row in rows if row is not main)
            if naps > 0:
                yield DayEntry(
                    SOURCE, f"{day}|nap_hours", day, "nap_hours", round(naps / HOURS, 4), "Oura"
                )
    elif csv.header[:2] == ["day", "score"] and "contributors" in csv.header:  # dailysleep.csv
        for row in csv:
            yield from _values(row, _day(row, "day", name), SLEEP_SCORE, name)
    elif "steps" in csv.header and "day" in csv.header:
        for row in csv:
            yield from _values(row, _day(row, "day", name), ACTIVITY, name)
    elif "Total Sleep Duration" in csv.header or "Total Sleep Time" in csv.header:
        csv.require(["date"], what="Oura's trends export")
        for row in csv:
            yield from _values(row, _day(row, "date", name), LEGACY, name)


def _main(row: Row) -> tuple[bool, float]:
    try:
        seconds = float(row.get("total_sleep_duration") or 0)
    except ValueError:
        seconds = 0.0
    return row.get("type") in ("long_sleep", ""), seconds


def _day(row: Row, column: str, name: str) -> date:
    try:
        return date.fromisoformat(row.get(column)[:10])
    except ValueError:
        raise IngestError(name, f"cannot read the date {row.get(column)!r}", row.line) from None


def _values(
    row: Row, day: date, columns: dict[str, tuple[str, float]], name: str
) -> Iterator[DayEntry]:
    done: set[str] = set()
    for column, (metric, divisor) in columns.items():
        text = row.get(column)
        if not text or metric in done:
            continue
        done.add(metric)
        try:
            value = float(text) / divisor
        except ValueError:
            raise IngestError(
                name, f"{column} should be a number, found {text!r}", row.line
            ) from None
        if value > 0:
            yield DayEntry(SOURCE, f"{day}|{metric}", day, metric, round(value, 4), "Oura")
