"""Bearable CSV exports (with or without `date formatted`): one row per reading.

Mood, energy and sleep quality are numbers on scales the file does not state: the preview asks.
Symptoms carry their severity in words ("Neck pain (Moderate)"): none 0 to unbearable 4.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime

from fibrolog.ingest._diary import SEVERITY_WORDS, DayBook, metric_for, scale_for
from fibrolog.ingest._nonempty import must_yield
from fibrolog.ingest.metrics import known_metrics
from fibrolog.ingest.preview import Choices, NameQuestion, Preview, Scale, ScaleQuestion
from fibrolog.ingest.records import IngestError, Progress, Record
from fibrolog.ingest.sources import Input, display_name, open_binary
from fibrolog.ingest.text import CsvFile, Row

__all__ = ["SOURCE", "parse_bearable", "preview_bearable"]

SOURCE = "bearable"
EXPECTED = (
    "Bearable rows (date, category, rating/amount, detail) of mood, energy, sleep, symptoms, "
    "medication or factors"
)
COLUMNS = ("date", "time of day", "category", "rating/amount", "detail", "notes")
RATED = {
    "Mood": ("mood", Scale(1, 10)),
    "Energy": ("fatigue", Scale(1, 5, reverse=True)),
    "Sleep quality": ("sleep_quality", Scale(1, 5)),
}
_SYMPTOM = re.compile(r"^(.*?)\s*\(([^)]*)\)\s*$")


def _day(row: Row, file: str) -> date:
    formatted = row.get("date formatted")
    text = formatted or re.sub(r"(\d+)(st|nd|rd|th)\b", r"\1", row.get("date"))
    for fmt in ("%Y-%m-%d", "%d %b %Y", "%d %B %Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise IngestError(file, f"cannot read the date {text!r}", row.line)


def _rows(src: Input, progress: Progress | None) -> Iterator[tuple[Row, date, str]]:
    name = display_name(src)
    with open_binary(src) as (stream, size):
        csv = CsvFile(stream, name, progress=progress, total=size)
        csv.require(COLUMNS, what="a Bearable export")
        for row in csv:
            yield row, _day(row, name), row.get("category")


def _number(row: Row, file: str) -> float:
    text = row.get("rating/amount")
    try:
        if ":" in text:
            hours, minutes = text.split(":", 1)
            return int(hours) + int(minutes) / 60
        return float(text)
    except ValueError:
        raise IngestError(
            file, f"expected a number in rating/amount, found {text!r}", row.line
        ) from None


def _symptom(row: Row) -> tuple[str, float | None]:
    match = _SYMPTOM.match(row.get("detail"))
    name = match.group(1) if match else row.get("detail")
    word = match.group(2).strip().lower() if match else ""
    severity: float | None = SEVERITY_WORDS.get(word)
    if severity is None and row.get("rating/amount"):
        try:
            severity = float(row.get("rating/amount"))
        except ValueError:
            severity = None
    return name.strip(), severity


def preview_bearable(src: Input) -> Preview:
    """Return what the file holds and the scales and symptom names to confirm."""
    file = display_name(src)
    days: list[date] = []
    seen: dict[str, list[float]] = {}
    symptoms: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for row, day, category in _rows(src, None):
        days.append(day)
        if category in RATED:
            seen.setdefault(category, []).append(_number(row, file))
        elif category == "Symptom":
            symptoms[_symptom(row)[0]] += 1
        elif category not in ("Sleep", "Meds/Supplements", "Factors"):
            other[category] += 1
    scales = tuple(
        ScaleQuestion(
            category,
            RATED[category][0],
            min(values),
            max(values),
            RATED[category][1],
            f"Bearable's {category} ranges {min(values):g}-{max(values):g} in your file: "
            f"is its scale {RATED[category][1].low:g}-{RATED[category][1].high:g}?"
            + (" (it becomes fatigue, reversed)" if RATED[category][1].reverse else ""),
        )
        for category, values in seen.items()
    )
    names = tuple(NameQuestion(n, "Symptom", metric_for(n), c) for n, c in symptoms.items())
    notes = tuple(f"'{c}' rows ({n}) are not imported." for c, n in other.items())
    return Preview(
        "Bearable",
        len(days),
        min(days, default=None),
        max(days, default=None),
        scales,
        names,
        (),
        (),
        notes,
        Choices(
            metrics={q.name: q.proposed for q in names},
            scales={q.key: q.proposed for q in scales},
        ),
    )


@must_yield(EXPECTED)
def parse_bearable(
    src: Input, *, choices: Choices, progress: Progress | None = None
) -> Iterator[Record]:
    """Yield day values, tags, notes and intakes, using the person's confirmed choices."""
    file = display_name(src)
    ranges = known_metrics()
    book = DayBook(SOURCE)
    for row, day, category in _rows(src, progress):
        if category in RATED:
            metric = RATED[category][0]
            scale = scale_for(choices, category, file)
            value = _number(row, file)
            if not scale.low <= value <= scale.high:
                raise IngestError(
                    file, f"{category} {value:g} is outside {scale.low:g}-{scale.high:g}", row.line
                )
            converted = scale.convert(value, ranges[metric].low, ranges[metric].high)
            book.value(day, metric, converted, column=category)
        elif category == "Sleep" and row.get("rating/amount"):
            hours = _number(row, file)
            if not 0 <= hours <= 24:
                raise IngestError(file, f"{hours:g} hours of sleep is not possible", row.line)
            book.value(day, "sleep_hours", hours)
        elif category == "Symptom":
            symptom, severity = _symptom(row)
            target = choices.metrics.get(symptom)
            if target is None or severity is None:
                book.tag(day, symptom)
            else:
                top = ranges[target].high
                value = min(severity, top) if top <= 4 else severity / 4 * top
                book.value(day, target, value, worst=True, column=f"Symptom: {symptom}")
        elif category == "Meds/Supplements" and row.get("detail"):
            amount = float(row.get("rating/amount")) if row.get("rating/amount") else None
            book.intake(day, row.get("detail"), row.get("time of day"), amount)
        elif category == "Factors":
            for factor in row.get("detail").split("|"):
                book.tag(day, factor)
        book.note(day, row.get("notes"))
    yield from book.records()
