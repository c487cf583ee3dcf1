"""Google Fit Takeout: `Daily activity metrics.csv` (columns appear only when data exists)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from fibrolog.ingest._nonempty import must_yield
from fibrolog.ingest.members import members
from fibrolog.ingest.records import DayEntry, IngestError, Progress
from fibrolog.ingest.sources import Input
from fibrolog.ingest.text import CsvFile

__all__ = ["SOURCE", "parse_google_fit"]

SOURCE = "google-fit"
EXPECTED = (
    "Google Fit's Daily activity metrics.csv with Date and Step count, Move Minutes count or "
    "Sleeping duration (ms)"
)
COLUMNS = {
    "Step count": ("steps", 1.0),
    "Move Minutes count": ("active_minutes", 1.0),
    "Sleeping duration (ms)": ("sleep_hours", 3_600_000.0),
}


@must_yield(EXPECTED)
def parse_google_fit(src: Input, *, progress: Progress | None = None) -> Iterator[DayEntry]:
    """Yield daily steps, move minutes and sleep from the daily metrics file."""
    for name, stream in members(src, ("Daily activity metrics.csv",), progress=progress):
        csv = CsvFile(stream, name)
        csv.require(["Date"], what="Google Fit's daily activity metrics")
        for row in csv:
            try:
                day = date.fromisoformat(row.get("Date"))
            except ValueError:
                raise IngestError(
                    name, f"cannot read the date {row.get('Date')!r}", row.line
                ) from None
            for column, (metric, divisor) in COLUMNS.items():
                text = row.get(column)
                if text:
                    try:
                        value = float(text) / divisor
                    except ValueError:
                        raise IngestError(
                            name, f"{column}: {text!r} is not a number", row.line
                        ) from None
                    yield DayEntry(
                        SOURCE, f"{day}|{metric}", day, metric, round(value, 4), "Google Fit"
                    )
