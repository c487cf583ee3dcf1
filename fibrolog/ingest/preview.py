"""What a diary-app import will do, shown to the person before anything is written.

`preview_KIND(path)` returns a `Preview`: what the file holds, what each name will become, and the
scales the file does not state. The app shows the questions, lets the person change the answers
in `Preview.proposed` (a `Choices`), and passes the confirmed `Choices` to `parse_KIND`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Scale:
    """The range a file's numbers use; `reverse` when its high end is fibrolog's low end."""

    low: float
    high: float
    reverse: bool = False

    def convert(self, value: float, low: float, high: float) -> float:
        """Map `value` from this scale onto [low, high], clamped."""
        if self.high == self.low:
            return low
        share = (value - self.low) / (self.high - self.low)
        share = min(1.0, max(0.0, 1 - share if self.reverse else share))
        return round(low + share * (high - low), 4)


@dataclass(frozen=True)
class ScaleQuestion:
    """ "Your file's Mood goes from 1 to ...?": a scale the file does not state."""

    key: str
    metric: str
    observed_low: float
    observed_high: float
    proposed: Scale
    text: str


@dataclass(frozen=True)
class NameQuestion:
    """What a symptom, condition or column of the file becomes: a metric key, or None for a tag."""

    name: str
    category: str
    proposed: str | None
    count: int


@dataclass(frozen=True)
class LabelQuestion:
    """Where a word-rated answer (a Daylio mood label) sits on fibrolog's 0-10 scale."""

    label: str
    proposed: float | None
    count: int


@dataclass(frozen=True)
class Choices:
    """The person's confirmed answers; parsers import nothing without them."""

    metrics: Mapping[str, str | None] = field(default_factory=dict)
    scales: Mapping[str, Scale] = field(default_factory=dict)
    labels: Mapping[str, float] = field(default_factory=dict)
    person: str = ""


@dataclass(frozen=True)
class Preview:
    """What a file holds and the questions to confirm before importing it."""

    kind: str
    entries: int
    first_day: date | None
    last_day: date | None
    scales: tuple[ScaleQuestion, ...]
    names: tuple[NameQuestion, ...]
    labels: tuple[LabelQuestion, ...]
    people: tuple[str, ...]
    notes: tuple[str, ...]
    proposed: Choices

    def summary(self) -> str:
        """Say in plain words what the import will do and what needs confirming."""
        span = f" from {self.first_day} to {self.last_day}" if self.first_day else ""
        lines = [f"{self.kind}: {self.entries} entries{span}."]
        lines += [q.text for q in self.scales]
        for n in self.names:
            becomes = f"metric '{n.proposed}'" if n.proposed else "a tag"
            lines.append(f"{n.category} '{n.name}' ({n.count} entries) becomes {becomes}.")
        for label in self.labels:
            where = "unknown: please place it" if label.proposed is None else label.proposed
            lines.append(f"Mood '{label.label}' ({label.count} entries) becomes mood {where}.")
        if len(self.people) > 1:
            lines.append(f"The file holds {len(self.people)} people: choose yours.")
        lines += list(self.notes)
        return "\n".join(lines)
