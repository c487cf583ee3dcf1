"""Turn an insight into the words a tired reader needs: the answer first, then range, then how sure.

Sizes are said in points out of 10 (a tenth of the outcome's range), rounded to half points;
chances as "about 8 in 10", one number each. Never p-values, never "significant".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from fibrolog.analysis.insight import Insight, TreatmentInsight
from fibrolog.analysis.results import Collecting
from fibrolog.analysis.words import caveat_sentence
from fibrolog.insights.services import label

HELPS, WORSE, NO_DIFFERENCE = "likely helps", "likely makes it worse", "no meaningful difference"
VERDICTS = {
    "likely helps": "Likely helps",
    "likely makes it worse": "Likely makes it worse",
    "probably makes no meaningful difference": "Probably makes no real difference",
    "probably no meaningful difference": "Probably makes no real difference",
    "seems linked": "Seems linked",
    "not enough evidence yet": "Not clear yet",
}


def halves(x: float) -> float:
    """Return `x` rounded to the nearest half (0.26 -> 0.5, 1.2 -> 1.0)."""
    return round(x * 2) / 2 + 0.0


def points(x: float) -> str:
    """Return a size in whole or half points: "1.5 points", "1 point", "less than half a point"."""
    size = halves(abs(x))
    if size == 0:
        return "less than half a point"
    return "1 point" if size == 1 else f"{size:g} points"


def chance(p: float | None) -> str:
    """Return a probability as one plain number: "about 8 in 10", "more than 19 in 20"."""
    if p is None:
        return "not applicable"
    if p >= 0.95:
        return "more than 19 in 20"
    if p <= 0.05:
        return "less than 1 in 20"
    return f"about {max(1, min(9, round(p * 10)))} in 10"


def sure_words(p: float) -> str:
    """Return how sure, in words, for a chance `p` (backed by `chance(p)` beside it)."""
    if p >= 0.95:
        return "very likely"
    if p >= 0.8:
        return "likely"
    if p >= 0.6:
        return "more likely than not"
    if p >= 0.4:
        return "could go either way"
    if p >= 0.2:
        return "unlikely"
    return "very unlikely"


@dataclass(frozen=True)
class Card:
    factor: str
    outcome: str
    kind: str
    headline: str  # the answer, one sentence
    range80: str  # "Likely (8 in 10 chance) between 0.5 and 2.5 points lower (better)."
    sure: str  # "How sure: likely (about 8 in 10) that it matters"
    p_meaningful: str  # "about 8 in 10"
    p_negligible: str
    verdict: str
    evidence: str
    caveats: tuple[str, ...]
    details: tuple[str, ...]
    key: str
    weeks: tuple[tuple[int, str, str], ...] = ()  # (week, effect reached, 80% range)
    half_life: float | None = None
    pooled: tuple[str, ...] = ()  # others' results, your own data, together (with consent)
    prior_note: str = ""  # said wherever the card is shown when a cohort prior was used


def _better_worse(item: Insight, change: float) -> str:
    """Return "better" or "worse" for a change of the outcome ("" when neither is better)."""
    if item.better not in ("lower", "higher") or change == 0:
        return ""
    improves = (change < 0) == (item.better == "lower")
    return "better" if improves else "worse"


def _way(item: Insight, change: float) -> str:
    """Return "1.5 points lower (better)" for a change of the outcome in tenths of its range."""
    if halves(abs(change)) == 0:
        return "about the same"
    word = "higher" if change > 0 else "lower"
    judged = _better_worse(item, change)
    return f"{points(change)} {word}" + (f" ({judged})" if judged else "")


def _span(item: Insight, low: float, high: float) -> str:
    """Return a range in half points, naming each end's direction when it crosses zero."""
    lo, hi = halves(low), halves(high)
    if lo == hi:
        return _way(item, lo) if lo == 0 else f"about {_way(item, lo)}"
    if lo < 0 < hi:
        return f"between {_way(item, lo)} and {_way(item, hi)}"
    word = "higher" if hi > 0 else "lower"
    near, far = sorted((abs(lo), abs(hi)))
    judged = _better_worse(item, hi if hi > 0 else lo)
    unit = "point" if far == 1 else "points"
    return f"between {near:g} and {far:g} {unit} {word}" + (f" ({judged})" if judged else "")


def _by(change: float) -> str:
    """Return "by about 1.5 points out of 10" (or "by less than half a point out of 10")."""
    size = points(change)
    return f"by {'' if size.startswith('less') else 'about '}{size} out of 10"


def _scale(item: Insight) -> float:
    """Return what turns the estimate into tenths of the outcome's range."""
    per = 1.0 if item.yes_no or item.kind == "treatment" else item.swing or 1.0
    return per / (item.unit or 1.0)


def _association_answer(item: Insight, factor: str, outcome: str) -> str:
    change = item.estimate * _scale(item)
    when = {0: "on days with it", 1: "the day after"}.get(
        item.lag_days or 0, f"{item.lag_days} days after"
    )
    if not item.yes_no:
        when = "when it is higher than usual" if not item.lag_days else f"{when} a higher one"
    judged = _better_worse(item, change)
    if item.better == "lower" and judged:  # "more pain" reads better than "worse pain"
        judged = "less" if judged == "better" else "more"
    link = f"goes with {judged} {outcome}" if judged else f"goes with a change in {outcome}"
    return f"{factor}: {link} {when}, {_by(change)}."


def _treatment_answer(item: Insight, factor: str, outcome: str) -> str:
    change = item.estimate * _scale(item)
    if item.verdict == HELPS:
        return f"{factor}: likely helps your {outcome}, {_by(change)}."
    if item.verdict == WORSE:
        return f"{factor}: likely makes your {outcome} worse, {_by(change)}."
    if NO_DIFFERENCE in item.verdict:
        return f"{factor}: probably makes no real difference to your {outcome}."
    extra = getattr(item, "extra_weeks", None)
    more = f" About {extra} more weeks could settle it." if extra else ""
    return f"{factor}: not clear yet whether it helps your {outcome}.{more}"


def _card(item: Insight, kind: str, names: Mapping[str, str]) -> Card:
    factor, outcome = label(item.factor, dict(names)), label(item.outcome, dict(names))
    scale = _scale(item)
    lo, hi = (x * scale for x in item.interval80)
    lo95, hi95 = (x * scale for x in item.interval95)
    if kind == "treatment":
        headline = _treatment_answer(item, factor, outcome)
        sure = (
            f"Chance it helps by a meaningful amount (1 point out of 10 or more): "
            f"{sure_words(item.p_meaningful)}, {chance(item.p_meaningful)}."
        )
    else:
        headline = _association_answer(item, factor, outcome)
        sure = (
            f"How sure the link is big enough to matter: {sure_words(item.p_meaningful)}, "
            f"{chance(item.p_meaningful)}."
        )
    details = (
        f"Wider range, 19 in 20 chance: {_span(item, lo95, hi95)}.",
        f"Chance it is practically nothing (under half a point): {chance(item.p_negligible)}.",
        f"Based on {item.n} logged days, worth about {round(item.n_eff)} independent days "
        f"(one day tends to resemble the next).",
    )
    return Card(
        factor=factor,
        outcome=outcome,
        kind=kind,
        headline=headline[:1].upper() + headline[1:],
        range80=f"Likely (8 in 10 chance) {_span(item, lo, hi)}.",
        sure=sure,
        p_meaningful=chance(item.p_meaningful),
        p_negligible=chance(item.p_negligible),
        verdict=VERDICTS.get(item.verdict, item.verdict[:1].upper() + item.verdict[1:]),
        evidence=item.evidence,
        caveats=tuple(caveat_sentence(c) for c in item.caveats),
        details=details,
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
    scale = _scale(item)
    weeks = tuple(
        (w, _way(item, est * scale), _span(item, lo * scale, hi * scale))
        for w, (est, lo, hi) in sorted(item.reached_by_week.items())
    )
    note = ""
    if item.prior is not None:
        own = item.prior
        note = (
            "Starts from other people's pooled results (research use; exploratory). Own data "
            f"alone: {_way(item, own.own_estimate * scale)} (19 in 20 chance "
            f"{_span(item, own.own_low * scale, own.own_high * scale)})."
        )
    return replace(card, weeks=weeks, half_life=round(item.half_life_days), prior_note=note)


@dataclass(frozen=True)
class _Side:
    better: str | None


def way(better: str | None, change: float) -> str:
    """Return a change in points as words ("1.5 points lower (better)"), for any caller."""
    return _way(_Side(better), change)  # type: ignore[arg-type]


def span(better: str | None, low: float, high: float) -> str:
    """Return a range in half points as words ("between 1 and 2 points lower (better)")."""
    return _span(_Side(better), low, high)  # type: ignore[arg-type]


def together(item: TreatmentInsight, others: tuple[str, ...]) -> tuple[str, ...]:
    """Return the lines "others: ...", "your own data: ...", "together: ..." for a prior's fit.

    `others` are the sentences of the prior's source (a clinic's pooled results); empty when
    the fit used no prior other than the default.
    """
    note = item.prior
    if note is None or not others:
        return ()
    scale = _scale(item)
    own = _span(item, note.own_low * scale, note.own_high * scale)
    both = _span(item, item.interval95[0] * scale, item.interval95[1] * scale)
    return (
        *others,
        f"Your own data alone: {_way(item, note.own_estimate * scale)} once fully established "
        f"(19 in 20 chance {own}). Chance it helps at all: {chance(note.own_p_helps)}.",
        f"Together, your data with theirs as the starting point: "
        f"{_way(item, item.estimate * scale)} (19 in 20 chance {both}). Chance it helps at "
        f"all: {chance(item.p_helps)}; by a meaningful 1 point or more: "
        f"{chance(item.p_meaningful)}.",
    )


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
        items.sort(key=lambda c: c.outcome.lower() != first)
        out.append(TreatmentGroup(items[0], tuple(items[1:])))
    return out
