"""The plain, frozen records every parser yields, and the one error type they raise."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

# Called now and then with (bytes read so far, total bytes or None when unknown).
Progress = Callable[[int, "int | None"], None]


@dataclass(frozen=True, slots=True)
class Sample:
    """One raw reading or interval from a device or app (a heart-rate reading, a sleep stage).

    `source` is the import ("apple-health"), `device` the app or device inside it that wrote the
    sample ("Jane's Apple Watch"), `zone` the IANA zone recorded with the sample when known.
    `natural_key` is identical whenever the same sample is imported again.
    """

    source: str
    natural_key: str
    kind: str
    start: datetime
    end: datetime
    value: float
    unit: str
    device: str = ""
    zone: str = ""
    detail: str = ""


@dataclass(frozen=True, slots=True)
class DayEntry:
    """One value of a fibrolog metric for one diary day."""

    source: str
    natural_key: str
    day: date
    metric: str
    value: float
    origin: str = ""


@dataclass(frozen=True, slots=True)
class DayTag:
    """A trigger or event tagged on a diary day."""

    source: str
    natural_key: str
    day: date
    tag: str


@dataclass(frozen=True, slots=True)
class DayNote:
    """A free-text note on a diary day."""

    source: str
    natural_key: str
    day: date
    text: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class Intake:
    """A treatment taken (or, `taken=False`, not taken) on a diary day.

    `treatment` is a catalogue key when one matches; `dose` and `unit` the dose the file gives.
    """

    source: str
    natural_key: str
    day: date
    name: str
    treatment: str = ""
    dose: float | None = None
    unit: str = ""
    amount: float | None = None
    taken: bool = True


Record = Sample | DayEntry | DayTag | DayNote | Intake


class IngestError(ValueError):
    """A file that cannot be imported, with where the problem is when that is known."""

    def __init__(
        self, file: str, message: str, line: int | None = None, column: int | None = None
    ) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [self.file or "<input>"]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.message}"
