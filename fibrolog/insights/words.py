"""Turn a stored insight into the words and numbers a page shows (no p-values, ever)."""

from __future__ import annotations

from dataclasses import dataclass

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


def _range(interval: list[float | None]) -> str:
    lo, hi = interval
    if lo is None or hi is None:
        return "not available"
    return f"{lo:+.2f} to {hi:+.2f}"


def _card(item: dict, kind: str) -> Card:
    lines = tuple(line for line in item.get("summary", "").splitlines() if line.strip())
    return Card(
        factor=item["factor_label"],
        outcome=item["outcome_label"],
        kind=kind,
        headline=lines[0] if lines else "",
        lines=lines[1:],
        range80=_range(item["interval80"]),
        range95=_range(item["interval95"]),
        p_helps=pct(item.get("p_helps")),
        p_meaningful=pct(item.get("p_meaningful")),
        p_negligible=pct(item.get("p_negligible")),
        verdict=VERDICTS.get(item.get("verdict") or "", (item.get("verdict") or "").capitalize()),
        evidence=item.get("evidence") or "",
        caveats=tuple(item.get("caveats") or ()),
        key=item["factor"],
    )


def association(item: dict) -> Card:
    """Words for an association (seems linked, not a tested effect)."""
    return _card(item, "association")


def treatment(item: dict) -> Card:
    """Words for a treatment's effect against the model's counterfactual."""
    from dataclasses import replace

    weeks = tuple(
        (int(w), f"{est:+.2f}", f"{lo:+.2f} to {hi:+.2f}")
        for w, (est, lo, hi) in sorted(
            (item.get("reached_by_week") or {}).items(), key=lambda kv: int(kv[0])
        )
    )
    return replace(_card(item, "treatment"), weeks=weeks, half_life=item.get("half_life_days"))


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
