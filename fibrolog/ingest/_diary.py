"""Shared by the diary-app importers: names to metrics, treatments and tags, and per-day values."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from fibrolog.catalogue import DEFAULT_TAGS, LOWER
from fibrolog.ingest.metrics import known_metrics
from fibrolog.ingest.preview import Choices, Scale
from fibrolog.ingest.records import DayEntry, DayNote, DayTag, IngestError, Intake, Record

_SYMPTOM_WORDS = (
    ("fog", "fog"),
    ("concentrat", "fog"),
    ("memory", "fog"),
    ("pain", "pain"),
    ("ache", "pain"),
    ("fatigue", "fatigue"),
    ("tired", "fatigue"),
    ("exhaust", "fatigue"),
    ("stiff", "stiffness"),
    ("anxi", "anxiety"),
    ("unrefresh", "unrefreshed"),
    ("noise", "sensitivity_sound"),
    ("sound sens", "sensitivity_sound"),
    ("light sens", "sensitivity_light"),
    ("temperature sens", "sensitivity_temperature"),
)

_TREATMENT_WORDS = (
    ("naltrexone", "ldn"),
    ("ldn", "ldn"),
    ("duloxetine", "duloxetine"),
    ("cymbalta", "duloxetine"),
    ("pregabalin", "pregabalin"),
    ("lyrica", "pregabalin"),
    ("amitriptyline", "amitriptyline"),
    ("omega", "omega3"),
    ("fish oil", "omega3"),
    ("curcumin", "curcumin"),
    ("turmeric", "curcumin"),
    ("vitamin d", "vitamin_d"),
    ("magnesium", "magnesium"),
    ("tai chi", "tai_chi"),
    ("yoga", "yoga"),
    ("swim", "swimming"),
    ("walk", "walking"),
    ("meditat", "meditation"),
)

_TAG_SYNONYMS = {
    "stressed": "stressful day",
    "stress": "stressful day",
    "overdid it": "overdid it",
    "overexertion": "overdid it",
    "menstruation": "period",
    "travelling": "travel",
    "traveling": "travel",
    "sick": "illness",
    "ill": "illness",
    "drinks": "alcohol",
    "gluten": "ate gluten",
    "bad sleep": "poor sleep",
}

TAG_MAX = 40  # the longest tag name the diary stores

SEVERITY_WORDS = {"none": 0, "mild": 1, "moderate": 2, "severe": 3, "unbearable": 4, "extreme": 4}

_DOSE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(mg|mcg|µg|ug|g|iu|ml|drops?|tablets?|pills?)\b", re.I)


def metric_for(name: str) -> str | None:
    """Propose the fibrolog metric a symptom name measures, or None."""
    lowered = name.lower()
    if lowered in known_metrics():
        return lowered
    return next((key for word, key in _SYMPTOM_WORDS if word in lowered), None)


def treatment_for(name: str) -> str:
    """Return the catalogue treatment key a name matches, or ""."""
    lowered = name.lower()
    return next((key for word, key in _TREATMENT_WORDS if word in lowered), "")


def tag_name(name: str) -> str:
    """Return a tag's name, lower-cased, synonyms mapped onto the default tags, at most 40 long.

    A longer name keeps its first 33 characters, then "…" and 6 characters of a hash of the
    whole name: two long names that start alike stay two tags, the same on every import.
    """
    lowered = " ".join(name.lower().split())
    if lowered in DEFAULT_TAGS:
        return lowered
    lowered = _TAG_SYNONYMS.get(lowered, lowered)
    if len(lowered) <= TAG_MAX:
        return lowered
    return f"{lowered[: TAG_MAX - 7].rstrip()}\u2026{short_hash(lowered)[:6]}"


def parse_dose(text: str) -> tuple[str, float | None, str]:
    """Split "Pregabalin 75mg" into ("Pregabalin", 75.0, "mg"); no dose gives (text, None, "")."""
    match = _DOSE.search(text)
    if match is None:
        unit = re.search(r"\(([^)]*)\)\s*$", text)
        name = text[: unit.start()].strip() if unit else text.strip()
        return name, None, unit.group(1).strip() if unit else ""
    name = (text[: match.start()] + text[match.end() :]).strip(" ()-,")
    return name or text.strip(), float(match.group(1).replace(",", ".")), match.group(2).lower()


def scale_for(choices: Choices, key: str, file: str) -> Scale:
    """Return the confirmed scale for `key`, or refuse to guess."""
    try:
        return choices.scales[key]
    except KeyError:
        raise IngestError(file, f"the scale of '{key}' has not been confirmed") from None


def short_hash(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=6).hexdigest()


class DayBook:
    """Collect a file's readings, then give one value per day and metric plus tags and notes.

    Several readings of one metric on one day are first combined per source column (a rating
    such as Bearable's Energy, or one symptom name): ratings are averaged, a symptom keeps its
    worst (`worst=True`). When several columns feed the same metric that day (Energy and a
    "Fatigue" symptom), the worst of the columns is kept: the highest, or the lowest for metrics
    where lower is worse (mood). Each day is decided on its own readings only.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self._values: dict[tuple[date, str], dict[str, list[float]]] = defaultdict(dict)
        self._worst: set[str] = set()  # the columns whose readings keep their worst
        self._other: dict[str, Record] = {}
        self._ranges = known_metrics()

    def value(
        self, day: date, metric: str, value: float, *, worst: bool = False, column: str = ""
    ) -> None:
        """Add a reading of `metric` from the file's `column` (default: the metric itself)."""
        column = column or metric
        self._values[(day, metric)].setdefault(column, []).append(value)
        if worst:
            self._worst.add(column)

    def _combine(self, metric: str, columns: dict[str, list[float]]) -> float:
        lower_is_worse = metric in self._ranges and self._ranges[metric].worse == LOWER
        pick = min if lower_is_worse else max
        return pick(
            pick(values) if column in self._worst else sum(values) / len(values)
            for column, values in columns.items()
        )

    def tag(self, day: date, tag: str) -> None:
        tag = tag_name(tag)
        if tag:
            key = f"{day}|tag|{tag}"
            self._other[key] = DayTag(self.source, key, day, tag)

    def note(self, day: date, text: str, title: str = "") -> None:
        text = text.strip()
        if text or title:
            key = f"{day}|note|{short_hash(title + chr(0) + text)}"
            self._other[key] = DayNote(self.source, key, day, text, title.strip())

    def intake(
        self,
        day: date,
        text: str,
        when: str = "",
        amount: float | None = None,
        *,
        taken: bool = True,
    ) -> None:
        name, dose, unit = parse_dose(text)
        key = f"{day}|intake|{name.lower()}|{dose}{unit}|{when}" + ("" if taken else "|not taken")
        treatment = treatment_for(name)
        self._other[key] = Intake(self.source, key, day, name, treatment, dose, unit, amount, taken)

    def records(self) -> Iterator[Record]:
        """Yield the day values (sorted), then tags, notes and intakes in the order first seen."""
        for (day, metric), columns in sorted(self._values.items()):
            value = self._combine(metric, columns)
            key = f"{day}|{metric}"
            yield DayEntry(self.source, key, day, metric, round(value, 4))
        yield from self._other.values()
