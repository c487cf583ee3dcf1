"""What a person answers about a file on the command line, as the web asks it in a form.

The preview proposes an answer to every question it can (`Preview.proposed`); `--map` pairs and
`--person` change them, and `missing` says what is still unanswered, in words that name the
option to pass. A generic CSV's columns come from `--map COLUMN=METRIC` pairs (`column_map`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from fibrolog.ingest.metrics import known_metrics
from fibrolog.ingest.preview import Choices, Preview, Scale

__all__ = [
    "COLUMN",
    "DATE_FORMAT",
    "MOOD",
    "NAME",
    "PERSON",
    "SCALE",
    "Answer",
    "answer_preview",
    "column_map",
    "missing",
]


@dataclass(frozen=True)
class Answer:
    """Something a person may say about a file, and how the command line takes it."""

    key: str
    usage: str
    help: str


SCALE = Answer(
    "scale",
    "--map scale:NAME=LOW-HIGH",
    "the range of a scale of the file (add ' reversed' if high is good)",
)
NAME = Answer(
    "name",
    "--map NAME=METRIC",
    "the metric a symptom or condition becomes (=tag: a tag)",
)
MOOD = Answer("mood", "--map mood:LABEL=N", "where a mood word sits on the 0-10 mood scale")
PERSON = Answer("person", "--person ID", "whose rows, in a file of several people")
COLUMN = Answer(
    "column",
    "--map COLUMN=METRIC",
    "a column's metric; also date=, tags=, note=COLUMN",
)
DATE_FORMAT = Answer("date-format", "--date-format FORMAT", "how dates are written (%d/%m/%Y)")

_ROLES = ("date", "tags", "note")
_RANGE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*-\s*(-?\d+(?:\.\d+)?)\s*(reversed?)?\s*$", re.I)


def _split(pair: str, usage: str, prefix: str = "") -> tuple[str, str]:
    left, sep, right = pair[len(prefix) :].rpartition("=")
    if not sep or not left.strip() or not right.strip():
        raise ValueError(f"--map {pair!r}: write {usage}")
    return left.strip(), right.strip()


def _number(pair: str, text: str, low: float, high: float, usage: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not low <= value <= high:
        raise ValueError(f"--map {pair!r}: write {usage} with N a number from {low:g} to {high:g}")
    return value


def _listed(names: Sequence[str]) -> str:
    return ", ".join(repr(n) for n in names) or "none"


def _mood(pair: str, preview: Preview, labels: dict[str, float]) -> None:
    label, value = _split(pair, MOOD.usage, "mood:")
    label = label.lower()
    known = [q.label for q in preview.labels]
    if label not in known:
        moods = _listed(known)
        raise ValueError(f"--map {pair!r}: the file has no mood {label!r} (it has {moods})")
    labels[label] = _number(pair, value, 0, 10, MOOD.usage)


def _scale(pair: str, preview: Preview, scales: dict[str, Scale]) -> None:
    key, text = _split(pair, SCALE.usage, "scale:")
    found = {q.key.lower(): q.key for q in preview.scales}
    if key.lower() not in found:
        asked = _listed([q.key for q in preview.scales])
        raise ValueError(f"--map {pair!r}: the file has no scale {key!r} (it has {asked})")
    match = _RANGE.match(text)
    if match is None or float(match.group(2)) <= float(match.group(1)):
        raise ValueError(f"--map {pair!r}: write {SCALE.usage}, e.g. scale:Mood=1-10")
    scale = Scale(float(match.group(1)), float(match.group(2)), bool(match.group(3)))
    scales[found[key.lower()]] = scale


def _name(pair: str, preview: Preview, metrics: dict[str, str | None]) -> None:
    name, metric = _split(pair, NAME.usage)
    found = {q.name.lower(): q.name for q in preview.names}
    if name.lower() not in found:
        names = _listed([q.name for q in preview.names])
        raise ValueError(f"--map {pair!r}: the file has no symptom or condition {name!r} ({names})")
    if metric.lower() != "tag" and metric not in known_metrics():
        raise ValueError(f"--map {pair!r}: no built-in metric {metric!r} (or write {name}=tag)")
    metrics[found[name.lower()]] = None if metric.lower() == "tag" else metric


def answer_preview(
    preview: Preview, allowed: Sequence[Answer], pairs: Sequence[str], person: str = ""
) -> Choices:
    """Return the preview's proposed answers changed by `--map` pairs and `--person`.

    Raises ValueError naming the option when a pair is malformed, names something the file does
    not hold, or is of a kind of answer the file's kind does not take (`allowed`).
    """
    proposed = preview.proposed
    metrics, scales, labels = dict(proposed.metrics), dict(proposed.scales), dict(proposed.labels)
    usages = " or ".join(a.usage for a in allowed if a.usage.startswith("--map")) or "no --map"
    for pair in pairs:
        lowered = pair.lower()
        if lowered.startswith("mood:") and MOOD in allowed:
            _mood(pair, preview, labels)
        elif lowered.startswith("scale:") and SCALE in allowed:
            _scale(pair, preview, scales)
        elif NAME in allowed and not lowered.startswith(("mood:", "scale:")):
            _name(pair, preview, metrics)
        else:
            raise ValueError(f"--map {pair!r}: this file takes {usages}")
    if person:
        if PERSON not in allowed:
            raise ValueError("--person: only a file holding several people takes it")
        if person not in preview.people:
            raise ValueError(f"--person {person}: the file holds {_listed(preview.people)}")
    chosen = person or proposed.person
    return replace(proposed, metrics=metrics, scales=scales, labels=labels, person=chosen)


def missing(preview: Preview, choices: Choices) -> list[str]:
    """Return what is still unanswered, each saying which option to pass."""
    problems = []
    unplaced = [q.label for q in preview.labels if q.label not in choices.labels]
    if unplaced:
        problems.append(f"place each mood on 0-10 with {MOOD.usage} ({_listed(unplaced)})")
    if len(preview.people) > 1 and choices.person not in preview.people:
        n, people = len(preview.people), _listed(preview.people)
        problems.append(f"the file holds {n} people: choose with {PERSON.usage} ({people})")
    return problems


def column_map(pairs: Sequence[str], date_format: str = "") -> dict[str, object]:
    """Turn ("date=Day", "Pain=pain", ...) into a generic-CSV column mapping (plain JSON)."""
    mapping: dict[str, object] = {"metrics": {}, "date_format": date_format}
    metrics: dict[str, str] = {}
    for pair in pairs:
        role, sep, column = pair.partition("=")
        if sep and role in _ROLES and column:
            mapping[role] = column
            continue
        left, sep, right = pair.rpartition("=")
        if not sep or not left or not right:
            raise ValueError(f"--map {pair!r}: write COLUMN=METRIC, or date=COLUMN")
        metrics[left] = right
    mapping["metrics"] = metrics
    if "date" not in mapping or not metrics:
        raise ValueError("csv: give --map date=COLUMN and at least one --map COLUMN=METRIC")
    return mapping
