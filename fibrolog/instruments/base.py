"""The building blocks every instrument is declared with: options, items, bands and scores."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from types import MappingProxyType

Answers = Mapping[str, int | bool | None]  # what callers pass: item key -> answer
Clean = Mapping[str, int | None]  # after validation: every item key, booleans as 0/1


@dataclass(frozen=True)
class Option:
    """One answer a person can choose: the stored value and the words shown for it."""

    value: int
    label: str


@dataclass(frozen=True)
class Item:
    """One question: its key is a public contract (API, CSV column, stored answer)."""

    key: str
    text: str
    low: int
    high: int
    options: tuple[Option, ...] = ()
    boolean: bool = False  # a yes/no item: accepts True/False/0/1
    optional: bool = False  # may be left out without making the score invalid
    scored: bool = True  # False for an item asked but not counted (PHQ-9's difficulty item)
    loinc: str | None = None
    recall: str = ""  # set only where it differs from the instrument's recall period
    unit: str = ""

    def check(self, value: object) -> int | None:
        """Return the answer as an int (None if unanswered) or raise ValueError saying why."""
        if value is None:
            return None
        if isinstance(value, bool):
            if not self.boolean:
                raise ValueError(f"expected a whole number {self.low}-{self.high}, got {value}")
            return int(value)
        if not isinstance(value, int):
            raise ValueError(f"expected a whole number {self.low}-{self.high}, got {value!r}")
        if not self.low <= value <= self.high:
            raise ValueError(f"{value} is outside {self.low}-{self.high}")
        return value


@dataclass(frozen=True)
class Band:
    """A named range of totals, both ends included."""

    low: int
    high: int
    word: str


@dataclass(frozen=True)
class Score:
    """The frozen result of scoring one set of answers, able to say itself in plain words."""

    instrument: str
    scoring_version: str
    total: float | None
    band: str | None
    valid: bool
    missing: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    subscores: Mapping[str, float | None] = field(default_factory=dict, hash=False)
    meets_criteria: bool | None = None
    wording: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "subscores", MappingProxyType(dict(self.subscores)))

    def __str__(self) -> str:
        return self.wording


Scorer = Callable[["Instrument", Clean], Score]


@dataclass(frozen=True)
class Instrument:
    """A questionnaire or criteria set declared as data, with one versioned scoring function."""

    name: str
    title: str
    version: str
    recall: str
    items: tuple[Item, ...]
    scorer: Scorer = field(repr=False, compare=False)
    scoring_version: str = "1"
    total_range: tuple[int, int] = (0, 0)
    decimals: int = 0  # how many decimals the total is shown with
    bands: tuple[Band, ...] = ()
    bands_source: str = ""
    subscores: tuple[str, ...] = ()  # the names a Score's subscores carry
    stem: str = ""  # the instruction shown above the items
    loinc: str | None = None  # the panel
    loinc_total: str | None = None
    source: str = ""
    licence: str = ""

    def item(self, key: str) -> Item:
        """Return the item with this key."""
        for item in self.items:
            if item.key == key:
                return item
        raise KeyError(key)

    @property
    def keys(self) -> tuple[str, ...]:
        """Return the item keys in form order."""
        return tuple(item.key for item in self.items)

    def validate(self, answers: Answers) -> dict[str, int | None]:
        """Return every item's answer as int or None; raise ValueError naming a bad key."""
        known = set(self.keys)
        for key in answers:
            if key not in known:
                raise ValueError(f"{key}: not an item of {self.name}")
        clean: dict[str, int | None] = {}
        for item in self.items:
            try:
                clean[item.key] = item.check(answers.get(item.key))
            except ValueError as exc:
                raise ValueError(f"{item.key}: {exc}") from None
        return clean

    def score(self, answers: Answers) -> Score:
        """Score one set of answers (missing keys and None mean unanswered)."""
        return self.scorer(self, self.validate(answers))

    def band_for(self, total: float | Fraction) -> str | None:
        """Return the band word for a total (rounded half-up to an integer first)."""
        whole = round_half_up(total)
        for band in self.bands:
            if band.low <= whole <= band.high:
                return band.word
        return None

    def show(self, total: float) -> str:
        """Format a total the way people are shown it (halves round up: 54.25 -> 54.3)."""
        step = Decimal(1).scaleb(-self.decimals)
        return str(Decimal(total).quantize(step, rounding=ROUND_HALF_UP))

    def missing(self, clean: Clean) -> tuple[str, ...]:
        """Return the required items left unanswered, in form order."""
        return tuple(i.key for i in self.items if not i.optional and clean[i.key] is None)

    def not_scorable(
        self,
        missing: tuple[str, ...],
        *,
        flags: tuple[str, ...] = (),
        subscores: Mapping[str, float | None] | None = None,
    ) -> Score:
        """Return the result for answers that cannot be scored, naming what is missing."""
        return Score(
            self.name,
            self.scoring_version,
            total=None,
            band=None,
            valid=False,
            missing=missing,
            flags=flags,
            subscores=subscores or {},
            wording=f"Not scorable: {_unanswered(missing)}.",
        )


def round_half_up(value: float | Fraction) -> int:
    """Round to the nearest integer, halves upwards (54.5 -> 55), exactly."""
    exact = Fraction(value)
    return int((exact + Fraction(1, 2)) // 1)


def _unanswered(missing: tuple[str, ...]) -> str:
    if len(missing) == 1:
        return f"{missing[0]} is unanswered"
    return f"{len(missing)} items are unanswered ({', '.join(missing)})"


def options(*labels: str, start: int = 0) -> tuple[Option, ...]:
    """Return options numbered from `start`, one per label."""
    return tuple(Option(start + i, label) for i, label in enumerate(labels))


def scale(low_label: str, high_label: str, high: int = 10) -> tuple[Option, ...]:
    """Return a 0-`high` numeric scale with words at both ends."""
    middle = tuple(Option(v, str(v)) for v in range(1, high))
    return (Option(0, low_label), *middle, Option(high, high_label))


YES_NO = options("No", "Yes")


@dataclass(frozen=True)
class Flag:
    """A safety flag raised whenever an item is answered above 0, whatever the total."""

    item: str
    name: str
    sentence: str


def sum_scorer(*flag_rules: Flag) -> Scorer:
    """Return a scorer that sums the scored items (optional ones count 0) and bands the total.

    Flags are raised, and their sentence put first, even when the total cannot be scored.
    """

    def score(instrument: Instrument, clean: Clean) -> Score:
        raised = [rule for rule in flag_rules if (clean[rule.item] or 0) > 0]
        flags = tuple(rule.name for rule in raised)
        warning = "".join(f"{rule.sentence} " for rule in raised)
        missing = instrument.missing(clean)
        if missing:
            result = instrument.not_scorable(missing, flags=flags)
            return replace(result, wording=warning + result.wording)
        total = sum(clean[i.key] or 0 for i in instrument.items if i.scored)
        band = instrument.band_for(total)
        high = instrument.total_range[1]
        return Score(
            instrument.name,
            instrument.scoring_version,
            total=total,
            band=band,
            valid=True,
            flags=flags,
            wording=f"{warning}Your {instrument.title} score is {total} of {high}: {band}.",
        )

    return score
