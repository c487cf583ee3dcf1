"""Flaredown: the research dump (long, one row per trackable) and the in-app export (wide).

Conditions and symptoms are rated 0-4 in the app (the file does not say so: the preview asks).
A rated name that says what it measures becomes that metric ("pain in hand joints" is pain); a
condition that does not ("Fibromyalgia") becomes `condition_severity`, kept on Flaredown's 0-4.
The wide layout does not say which columns are conditions: a rated column whose name says
nothing fibrolog knows is taken for a condition. Treatments become intakes ("Not Taken" is an
intake not taken), tags and foods become tags. Flaredown's weather (`Weather` rows, `Weather ...`
columns) is recognised and not imported: fibrolog fetches its own, with the person's consent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date

from fibrolog.ingest._diary import DayBook, metric_for, scale_for
from fibrolog.ingest._nonempty import must_yield
from fibrolog.ingest.metrics import known_metrics
from fibrolog.ingest.preview import Choices, NameQuestion, Preview, Scale, ScaleQuestion
from fibrolog.ingest.records import IngestError, Progress, Record
from fibrolog.ingest.sources import Input, display_name, open_binary
from fibrolog.ingest.text import CsvFile

__all__ = ["SOURCE", "parse_flaredown", "preview_flaredown"]

SOURCE = "flaredown"
EXPECTED = "Flaredown check-ins (conditions, symptoms, treatments, tags or foods)"
LONG = ("user_id", "checkin_date", "trackable_type", "trackable_name", "trackable_value")
RATED = ("Condition", "Symptom")
CONDITION = "condition_severity"
NOT_TAKEN = "not taken"
SCALE = Scale(0, 4)

# One reading: (line, day, type, name, value).
Reading = tuple[int, date, str, str, str]


def _readings(src: Input, progress: Progress | None, person: str | None) -> Iterator[Reading]:
    """Yield readings from either layout; `person` None means every user of a research dump."""
    file = display_name(src)
    with open_binary(src) as (stream, size):
        csv = CsvFile(stream, file, progress=progress, total=size)
        long = "trackable_type" in csv.header
        if long:
            csv.require(LONG, what="a Flaredown research export")
        else:
            csv.require(["Date"], what="a Flaredown export")
        rows = list(csv) if not long else csv
        kinds = {} if long else _wide_kinds(csv.header, rows)  # type: ignore[arg-type]
        for row in rows:
            day = _date(row.get("checkin_date" if long else "Date"), file, row.line)
            if long:
                if person is None or row.get("user_id") == person:
                    yield (
                        row.line,
                        day,
                        row.get("trackable_type"),
                        row.get("trackable_name"),
                        row.get("trackable_value"),
                    )
                continue
            for column, kind in kinds.items():
                cell = row.get(column)
                if not cell:
                    continue
                if kind in ("Tag", "Food"):
                    for part in cell.split(";"):
                        if part.strip():
                            yield row.line, day, kind, part.strip(), ""
                else:
                    yield row.line, day, kind, column, cell


def _wide_kinds(header: list[str], rows: list[object]) -> dict[str, str]:
    """Tell rated columns (numbers 0-4) from treatments (strings) in the in-app layout."""
    kinds: dict[str, str] = {}
    for column in header[1:]:
        if column in ("Tags", "Foods"):
            kinds[column] = column[:-1]
            continue
        if column.lower().startswith("weather"):
            kinds[column] = "Weather"
            continue
        cells = [row.get(column) for row in rows]  # type: ignore[attr-defined]
        numbers = [c for c in cells if c]
        rated = all(c.isdigit() and int(c) <= 4 for c in numbers)
        if not rated:
            kinds[column] = "Treatment"
        else:
            kinds[column] = "Symptom" if metric_for(column) else "Condition"
    return kinds


def _date(text: str, file: str, line: int) -> date:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise IngestError(file, f"cannot read the date {text!r}", line) from None


def preview_flaredown(src: Input) -> Preview:
    """Return what the file holds, its people (research dump) and the names to confirm."""
    people: Counter[str] = Counter()
    file = display_name(src)
    with open_binary(src) as (stream, _):
        csv = CsvFile(stream, file)
        if "user_id" in csv.header:
            people.update(row.get("user_id") for row in csv)
    days: list[date] = []
    names: Counter[tuple[str, str]] = Counter()
    weather = 0
    for _, day, kind, name, _ in _readings(src, None, None):
        days.append(day)
        if kind in RATED:
            names[(kind, name)] += 1
        weather += kind == "Weather"
    questions = tuple(
        NameQuestion(name, kind, _proposed(kind, name), n) for (kind, name), n in names.items()
    )
    scale = ScaleQuestion(
        "Symptom", "", 0, 4, SCALE, "Flaredown rates conditions and symptoms 0-4: is that right?"
    )
    notes = ("Flaredown's weather rows are not imported.",) if weather else ()
    return Preview(
        "Flaredown",
        len(days),
        min(days, default=None),
        max(days, default=None),
        (scale,),
        questions,
        (),
        tuple(people),
        notes,
        Choices(
            metrics={q.name: q.proposed for q in questions},
            scales={"Symptom": SCALE},
            person=next(iter(people)) if len(people) == 1 else "",
        ),
    )


def _proposed(kind: str, name: str) -> str | None:
    """Propose the metric a rated name becomes: by its words, else a condition's severity."""
    return metric_for(name) or (CONDITION if kind == "Condition" else None)


@must_yield(EXPECTED)
def parse_flaredown(
    src: Input, *, choices: Choices, progress: Progress | None = None
) -> Iterator[Record]:
    """Yield day values, tags and intakes for the chosen person, using the confirmed choices."""
    file = display_name(src)
    scale = scale_for(choices, "Symptom", file)
    ranges = known_metrics()
    book = DayBook(SOURCE)
    person = choices.person or None
    if person is None and _many_people(src):
        raise IngestError(file, "this research export holds several people: choose yours first")
    for line, day, kind, name, value in _readings(src, progress, person):
        if kind in RATED and value:
            try:
                rating = float(value)
            except ValueError:
                raise IngestError(
                    file, f"{name} should be a number, found {value!r}", line
                ) from None
            if not scale.low <= rating <= scale.high:
                raise IngestError(file, f"{name} {rating:g} is outside 0-4", line)
            metric = choices.metrics.get(name)
            if metric is None:
                if rating > 0:
                    book.tag(day, name)
            else:
                low, high = ranges[metric].low, ranges[metric].high
                rated = scale.convert(rating, low, high)
                book.value(day, metric, rated, worst=True, column=f"{kind}: {name}")
        elif kind == "Treatment" and value.strip().lower() == NOT_TAKEN:
            book.intake(day, name, taken=False)
        elif kind == "Treatment":
            book.intake(day, f"{name} {value}".strip())
        elif kind == "Tag":
            book.tag(day, name)
        elif kind == "Food":
            book.tag(day, f"food: {name}")
    yield from book.records()


def _many_people(src: Input) -> bool:
    with open_binary(src) as (stream, _):
        csv = CsvFile(stream, display_name(src))
        return "user_id" in csv.header and len({row.get("user_id") for row in csv}) > 1
