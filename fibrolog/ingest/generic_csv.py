"""Any other CSV, imported through an explicit column mapping the person confirms.

Example::

    mapping = ColumnMap(date="Day", metrics={"Pain (0-10)": "pain", "Slept": "sleep_hours"},
                        tags="Triggers", note="Comment")
    for record in parse_csv("diary.csv", mapping): ...
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from fibrolog.ingest._diary import DayBook
from fibrolog.ingest._nonempty import must_yield
from fibrolog.ingest.metrics import MetricRange, known_metrics
from fibrolog.ingest.preview import Scale
from fibrolog.ingest.records import IngestError, Progress, Record
from fibrolog.ingest.sources import Input, display_name, open_binary
from fibrolog.ingest.text import CsvFile, Row

__all__ = ["SOURCE", "ColumnMap", "csv_header", "parse_csv"]

SOURCE = "csv"
EXPECTED = "rows with a date and at least one mapped column filled in"


@dataclass(frozen=True)
class ColumnMap:
    """Which column holds what. `scales` rescales a column from its own range onto the metric's.

    `date_format` is a strptime format (ISO dates and date-times are read without one). With
    `time`, or a date-time in the date column, an entry before `day_start_hour` belongs to the
    day before.
    """

    date: str
    metrics: Mapping[str, str] = field(default_factory=dict)
    scales: Mapping[str, Scale] = field(default_factory=dict)
    tags: str = ""
    tag_separator: str = "|"
    note: str = ""
    time: str = ""
    date_format: str = ""
    day_start_hour: int = 4
    source: str = SOURCE

    def columns(self) -> list[str]:
        named = [self.date, *self.metrics, self.tags, self.note, self.time]
        return [c for c in named if c]


def csv_header(src: Input) -> list[str]:
    """Return the column names of a CSV, for the mapping step."""
    with open_binary(src) as (stream, _):
        return CsvFile(stream, display_name(src)).header


@must_yield(EXPECTED)
def parse_csv(
    src: Input,
    mapping: ColumnMap,
    *,
    metrics: Mapping[str, MetricRange] | None = None,
    progress: Progress | None = None,
) -> Iterator[Record]:
    """Yield day values (several rows of a day are averaged), tags and notes.

    The header is checked before any row; a value that is not a number, or is outside the
    metric's range after rescaling, stops the import with its line and column.
    """
    file = display_name(src)
    ranges = dict(metrics) if metrics is not None else known_metrics()
    unknown = [key for key in mapping.metrics.values() if key not in ranges]
    if unknown:
        raise IngestError(file, f"unknown metric(s) in the mapping: {', '.join(unknown)}")
    book = DayBook(mapping.source)
    with open_binary(src) as (stream, size):
        csv = CsvFile(stream, file, progress=progress, total=size)
        csv.require(mapping.columns(), what="the column mapping")
        position = {name: i + 1 for i, name in enumerate(csv.header)}
        for row in csv:
            day = _day(row, mapping, file)
            for column, metric in mapping.metrics.items():
                text = row.get(column)
                if not text:
                    continue  # not logged is not zero
                value = _value(text, ranges[metric], mapping.scales.get(column))
                if value is None:
                    limits = ranges[metric]
                    raise IngestError(
                        file,
                        f"{column} = {text!r} is not a number within "
                        f"{_range_text(mapping.scales.get(column), limits)}",
                        row.line,
                        position[column],
                    )
                book.value(day, metric, value)
            if mapping.tags:
                for tag in row.get(mapping.tags).split(mapping.tag_separator):
                    book.tag(day, tag)
            if mapping.note:
                book.note(day, row.get(mapping.note))
    yield from book.records()


def _range_text(scale: Scale | None, limits: MetricRange) -> str:
    low, high = (scale.low, scale.high) if scale else (limits.low, limits.high)
    return f"{low:g}-{high:g}"


def _value(text: str, limits: MetricRange, scale: Scale | None) -> float | None:
    try:
        value = float(text.replace(",", ".")) if text.count(",") == 1 else float(text)
    except ValueError:
        return None
    if scale is not None:
        if not scale.low <= value <= scale.high:
            return None
        value = scale.convert(value, limits.low, limits.high)
    if not limits.low <= value <= limits.high or value != value:
        return None
    return value


def _day(row: Row, mapping: ColumnMap, file: str) -> date:
    text = row.get(mapping.date)
    if mapping.time and row.get(mapping.time):
        text = f"{text} {row.get(mapping.time)}"
    try:
        if mapping.date_format:
            fmt = mapping.date_format + (" %H:%M" if mapping.time and " " in text else "")
            moment = datetime.strptime(text, fmt)
        else:
            moment = datetime.fromisoformat(text)
    except ValueError:
        raise IngestError(file, f"cannot read the date {text!r}", row.line) from None
    has_time = mapping.time or len(text) > 10
    if has_time and moment.hour < mapping.day_start_hour:
        return moment.date() - timedelta(days=1)
    return moment.date()
