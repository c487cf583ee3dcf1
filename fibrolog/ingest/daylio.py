"""Daylio CSV exports: mood words (renamable), activities, notes; newest entry first.

The five default moods (rad, good, meh, bad, awful) map onto mood 10, 7.5, 5, 2.5 and 0; renamed
or extra moods are asked in the preview. An entry made before the day-start hour belongs to the
diary day before.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from fibrolog.ingest._diary import DayBook
from fibrolog.ingest._nonempty import must_yield
from fibrolog.ingest.preview import Choices, LabelQuestion, Preview
from fibrolog.ingest.records import IngestError, Progress, Record
from fibrolog.ingest.sources import Input, display_name, open_binary
from fibrolog.ingest.text import CsvFile, Row

__all__ = ["DEFAULT_MOODS", "SOURCE", "parse_daylio", "preview_daylio"]

SOURCE = "daylio"
EXPECTED = "Daylio entries (full_date, time, mood, activities, note)"
COLUMNS = ("full_date", "time", "mood", "activities", "note")
DEFAULT_MOODS = {"rad": 10.0, "good": 7.5, "meh": 5.0, "bad": 2.5, "awful": 0.0}


def _when(row: Row, file: str, day_start_hour: int) -> date:
    try:
        day = date.fromisoformat(row.get("full_date"))
    except ValueError:
        raise IngestError(
            file, f"cannot read the date {row.get('full_date')!r}", row.line
        ) from None
    text = row.get("time").lower().replace(".", "")
    for fmt in ("%H:%M", "%I:%M %p", "%I:%M%p"):
        try:
            hour = datetime.strptime(text, fmt).hour
            break
        except ValueError:
            continue
    else:
        hour = 12  # no readable time: keep the calendar day
    return day - timedelta(days=1) if hour < day_start_hour else day


def _rows(src: Input, progress: Progress | None) -> Iterator[Row]:
    file = display_name(src)
    with open_binary(src) as (stream, size):
        csv = CsvFile(stream, file, progress=progress, total=size)
        csv.require(COLUMNS, what="a Daylio export")
        yield from csv


def preview_daylio(src: Input, day_start_hour: int = 4) -> Preview:
    """Return what the file holds and the mood words to place on the 0-10 scale."""
    file = display_name(src)
    days: list[date] = []
    moods: Counter[str] = Counter()
    for row in _rows(src, None):
        days.append(_when(row, file, day_start_hour))
        moods[row.get("mood").lower()] += 1
    labels = tuple(LabelQuestion(m, DEFAULT_MOODS.get(m), n) for m, n in moods.items())
    return Preview(
        "Daylio",
        len(days),
        min(days, default=None),
        max(days, default=None),
        (),
        (),
        labels,
        (),
        ("Activities become tags; notes are kept.",),
        Choices(labels={q.label: q.proposed for q in labels if q.proposed is not None}),
    )


@must_yield(EXPECTED)
def parse_daylio(
    src: Input,
    *,
    choices: Choices,
    day_start_hour: int = 4,
    progress: Progress | None = None,
) -> Iterator[Record]:
    """Yield the mood per day (mean of its entries), tags and notes."""
    file = display_name(src)
    book = DayBook(SOURCE)
    for row in _rows(src, progress):
        day = _when(row, file, day_start_hour)
        label = row.get("mood").lower()
        if label:
            if label not in choices.labels:
                raise IngestError(file, f"the mood '{label}' has not been placed on 0-10", row.line)
            value = choices.labels[label]
            if not 0 <= value <= 10:
                raise IngestError(file, f"mood '{label}' is placed at {value}, outside 0-10")
            book.value(day, "mood", value)
        for activity in row.get("activities").split("|"):
            book.tag(day, activity)
        book.note(day, row.get("note"), row.get("note_title"))
    yield from book.records()
