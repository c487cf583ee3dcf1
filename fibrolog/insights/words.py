"""Turn an insight into the words and numbers a page shows (no p-values, ever)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from fibrolog.analysis.insight import Insight, TreatmentInsight
from fibrolog.analysis.results import Collecting
from fibrolog.insights.services import label

VERDICTS = {
    "likely helps": "Likely helps",
    "probably makes no meaningful difference": "Probably makes no meaningful difference",
    "probably no meaningful difference": "Probably makes no meaningful difference",
    "seems linked": "Seems linked",
    "not enough evidence yet": "Not enough evidence yet",
}


def pct(p: float | None) -> str:
    """Return a probability as people read it: "about 9 in 10", never 0% or 100%."""
    if p is None:
        return "not applicable"
    p = min(max(p, 0.01), 0.99)
    return f"{round(p * 100):d}%"


@dataclass(frozen=True)
class Card:
    factor: str
    outcome: str
    kind: str
    headline: str
    lines: tuple[str, ...]
    range80: str
    range95: str
    p_helps: str
    p_meaningful: str
    p_negligible: str
    verdict: str
    evidence: str
    caveats: tuple[str, ...]
    key: str
    weeks: tuple[tuple[int, str, str], ...] = ()  # (week, effect reached, 80% range)
    half_life: float | None = None


def _range(interval: tuple[float, float]) -> str:
    lo, hi = interval
    return f"{lo:+.2f} to {hi:+.2f}"


def _card(item: Insight, kind: str, names: Mapping[str, str]) -> Card:
    lines = tuple(line for line in item.summary().splitlines() if line.strip())
    return Card(
        factor=label(item.factor, dict(names)),
        outcome=label(item.outcome, dict(names)),
        kind=kind,
        headline=lines[0] if lines else "",
        lines=lines[1:],
        range80=_range(item.interval80),
        range95=_range(item.interval95),
        p_helps=pct(item.p_helps),
        p_meaningful=pct(item.p_meaningful),
        p_negligible=pct(item.p_negligible),
        verdict=VERDICTS.get(item.verdict, item.verdict.capitalize()),
        evidence=item.evidence,
        caveats=item.caveats,
        key=item.factor,
    )


def association(item: Insight, names: Mapping[str, str] | None = None) -> Card:
    """Words for an association (seems linked, not a tested effect)."""
    return _card(item, "association", names or {})


def treatment(item: Insight, names: Mapping[str, str] | None = None) -> Card:
    """Words for a treatment's effect against the model's counterfactual."""
    card = _card(item, "treatment", names or {})
    if not isinstance(item, TreatmentInsight):
        return card
    weeks = tuple(
        (w, f"{est:+.2f}", f"{lo:+.2f} to {hi:+.2f}")
        for w, (est, lo, hi) in sorted(item.reached_by_week.items())
    )
    return replace(card, weeks=weeks, half_life=round(item.half_life_days, 1))


@dataclass(frozen=True)
class Waiting:
    """What needs more data, labelled for a page."""

    outcome_label: str
    factor_label: str
    summary: str


def waiting(entry: Collecting, names: Mapping[str, str] | None = None) -> Waiting:
    """Words for something that cannot be estimated yet."""
    known = dict(names or {})
    return Waiting(label(entry.outcome, known), label(entry.factor or "", known), entry.summary())


@dataclass(frozen=True)
class TreatmentGroup:
    """One treatment: its main card (pain first) and one line for each other outcome."""

    main: Card
    others: tuple[Card, ...]


def by_treatment(cards: list[Card], first: str = "pain") -> list[TreatmentGroup]:
    """Group treatment cards by treatment, the `first` outcome leading."""
    groups: dict[str, list[Card]] = {}
    for card in cards:
        groups.setdefault(card.key, []).append(card)
    out = []
    for items in groups.values():
        items.sort(key=lambda c: c.outcome != first)
        out.append(TreatmentGroup(items[0], tuple(items[1:])))
    return out
