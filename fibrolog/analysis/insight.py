"""Frozen insight results: one association, or one treatment's effect on one outcome.

Every number is finite; a result that cannot be estimated is a `results.Collecting` entry
with a plain reason, never a NaN.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from fibrolog.analysis import _codec
from fibrolog.analysis.effect import Effect
from fibrolog.analysis.frame import label
from fibrolog.analysis.mixture import Mixture
from fibrolog.analysis.words import caveat_sentence, direction, lag_words, number, percent, span

__all__ = [
    "COLLECTING",
    "KEYS",
    "LINKED",
    "LINKED_SMALL",
    "NO_LINK",
    "Insight",
    "PriorNote",
    "TreatmentInsight",
]

#: The JSON keys of every insight's summary (`summary_dict`, the CLI's ``--json``), in order.
KEYS = (
    "outcome",
    "factor",
    "kind",
    "lag_days",
    "estimate",
    "interval80",
    "interval95",
    "p_helps",
    "p_meaningful",
    "p_negligible",
    "verdict",
    "evidence",
    "caveats",
)
LINKED = "seems linked"
LINKED_SMALL = "seems linked, may be small"
NO_LINK = "probably no meaningful link"
COLLECTING = "collecting data"


def _r(x: float | None) -> float | None:
    """Round for JSON (4 decimals), keeping None."""
    return None if x is None else round(float(x), 4)


@dataclass(frozen=True)
class Insight:
    """An association between a factor and an outcome, or a treatment's effect.

    Attributes
    ----------
    outcome, factor
        Column names.
    kind
        "association" or "treatment".
    lag_days
        Days from the factor to the outcome (None for a treatment).
    estimate, interval80, interval95
        The change in the outcome per one-unit increase of the factor column (for a treatment,
        its full effect once established): posterior mean and equal-tailed intervals.
    p_helps
        P(a one-unit increase moves the outcome in its better direction) (None when neither
        direction is better).
    p_meaningful
        Association: P(|effect over the factor's typical swing| >= MCID). Treatment: P(it
        helps by at least the MCID).
    p_negligible
        P(|effect (over the swing, for an association)| < ROPE).
    verdict, evidence, caveats
        The verdict rule's outcome, the evidence grade and caveat codes (see `words`).
    p_direction
        P(the effect has the sign of its estimate); 1 - this is its false-direction risk.
    n, n_eff, rho
        Logged days used, their worth in independent days, and the error autocorrelation.
    swing
        The factor's typical swing (None for a treatment).
    yes_no
        Whether the factor is a yes/no factor (a tag).
    unit
        A tenth of the outcome's range: the MCID is one unit, the ROPE half a unit.
    better
        The outcome's better direction ("lower", "higher" or None).
    window, method
        First and last diary day, and the model in a phrase.
    posterior
        Posterior of the per-unit effect.
    """

    outcome: str
    factor: str
    kind: str
    lag_days: int | None
    estimate: float
    interval80: tuple[float, float]
    interval95: tuple[float, float]
    p_helps: float | None
    p_meaningful: float
    p_negligible: float
    verdict: str
    evidence: str
    caveats: tuple[str, ...]
    p_direction: float
    n: int
    n_eff: float
    rho: float
    swing: float | None
    yes_no: bool
    unit: float
    better: str | None
    window: tuple[date, date]
    method: str
    posterior: Mixture = field(repr=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        """Return every attribute as JSON-safe values; `from_dict` gives the insight back.

        Returns
        -------
        dict
            One key per attribute; intervals as pairs, the window as ISO dates, the posterior
            as its components (see `Mixture.to_dict`).
        """
        out = {f.name: getattr(self, f.name) for f in fields(Insight)}
        out.update(
            interval80=_codec.floats(self.interval80),
            interval95=_codec.floats(self.interval95),
            caveats=list(self.caveats),
            window=_codec.window(self.window),
            posterior=self.posterior.to_dict(),
        )
        for key in ("estimate", "p_meaningful", "p_negligible", "p_direction", "n_eff", "rho"):
            out[key] = float(out[key])
        for key in ("p_helps", "swing"):
            out[key] = None if out[key] is None else float(out[key])
        out["n"] = int(self.n)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Insight:
        """Return the insight written by `to_dict` (a `TreatmentInsight` for a treatment's).

        Parameters
        ----------
        data
            The output of `to_dict`, possibly after a JSON round trip.
        """
        if cls is Insight and "half_life_days" in data:
            return TreatmentInsight.from_dict(data)
        window = _codec.from_window(data["window"])
        assert window is not None
        values = {f.name: data[f.name] for f in fields(Insight)}
        values.update(
            interval80=tuple(data["interval80"]),
            interval95=tuple(data["interval95"]),
            caveats=tuple(data["caveats"]),
            window=window,
            posterior=Mixture.from_dict(data["posterior"]),
        )
        return cls(**values, **cls._extra_from_dict(data))

    @classmethod
    def _extra_from_dict(cls, data: dict[str, Any]) -> dict[str, Any]:
        """Return the attributes a subclass adds, read from `data` (none here)."""
        return {}

    def summary_dict(self) -> dict[str, Any]:
        """Return the insight's summary as JSON-ready values (exactly the keys in `KEYS`).

        Numbers are rounded to 4 decimals; this is what ``fibrolog analyze --json`` prints.
        """
        return {
            "outcome": self.outcome,
            "factor": self.factor,
            "kind": self.kind,
            "lag_days": self.lag_days,
            "estimate": _r(self.estimate),
            "interval80": [_r(self.interval80[0]), _r(self.interval80[1])],
            "interval95": [_r(self.interval95[0]), _r(self.interval95[1])],
            "p_helps": _r(self.p_helps),
            "p_meaningful": _r(self.p_meaningful),
            "p_negligible": _r(self.p_negligible),
            "verdict": self.verdict,
            "evidence": self.evidence,
            "caveats": list(self.caveats),
        }

    def summary(self) -> str:
        """Return the association in plain words (an association, never a tested effect)."""
        what, factor = label(self.outcome), label(self.factor)
        lo, hi = self.interval80
        way = "higher" if self.estimate > 0 else "lower"
        if self.yes_no:
            when = {0: f"On days with '{factor}'", 1: f"The day after '{factor}'"}.get(
                self.lag_days or 0, f"{self.lag_days} days after '{factor}'"
            )
            lines = [
                f"{when}, {what} was {abs(self.estimate):.2f} points {way} than otherwise "
                f"(likely {span(lo, hi)}).",
            ]
        else:
            lines = [
                f"Each one-unit increase in {factor} goes with "
                f"{direction(self.outcome, self.estimate)} {lag_words(self.lag_days)} "
                f"(likely {span(lo, hi)} per unit).",
                f"Over your usual range of {factor} that is about "
                f"{direction(self.outcome, self.estimate * (self.swing or 1.0))}.",
            ]
        lines += [
            f"Chance the link is big enough to matter: {percent(self.p_meaningful)}; chance it "
            f"is practically nothing: {percent(self.p_negligible)}. Verdict: {self.verdict}.",
            "This is an association in your own diary, not a tested effect: something else may "
            "explain it. A self-experiment can test it.",
            *(caveat_sentence(c) for c in self.caveats),
        ]
        return "\n".join(lines)


@dataclass(frozen=True)
class PriorNote:
    """What a non-default prior did: the prior, and the person's estimate under the default one.

    Attributes
    ----------
    mean, sd
        The prior of the full effect that was used (units), e.g. a cohort's predictive.
    own_estimate, own_low, own_high
        The full effect's posterior mean and 95% interval under the engine's default prior
        (`fibrolog.analysis.treatment.EffectPrior`): the person's own data alone.
    own_p_helps, own_p_meaningful
        Under the default prior: the chance it helps at all, and by the meaningful change.
    """

    mean: float
    sd: float
    own_estimate: float
    own_low: float
    own_high: float
    own_p_helps: float | None
    own_p_meaningful: float

    def to_dict(self) -> dict[str, Any]:
        """Return the note as plain JSON types."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PriorNote:
        """Return the note from `to_dict` output."""
        return cls(**{f.name: data[f.name] for f in fields(cls)})


@dataclass(frozen=True)
class TreatmentInsight(Insight):
    """A treatment's effect on an outcome, against the model's counterfactual.

    Attributes
    ----------
    reached_by_week
        Week (4, 8, 12 after the first start) -> (estimate, 80% low, 80% high) of the effect
        reached by then.
    half_life_days
        Posterior mean of the onset half-life.
    extra_weeks
        For "not enough evidence yet": about how many more weeks would probably settle it.
    dates, without, fitted
        Every day of the window, the model's expected outcome without the treatment (the
        counterfactual) and with it.
    prior
        When the fit used a prior other than the engine's default (a cohort's): that prior
        and the person's own estimate without it; None otherwise.
    """

    reached_by_week: dict[int, tuple[float, float, float]] = field(default_factory=dict, hash=False)
    half_life_days: float = 0.0
    extra_weeks: int | None = None
    dates: tuple[date, ...] = field(default=(), repr=False)
    without: tuple[float, ...] = field(default=(), repr=False)
    fitted: tuple[float, ...] = field(default=(), repr=False)
    prior: PriorNote | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return every attribute as JSON-safe values (the days as first day and count)."""
        return {
            **super().to_dict(),
            "reached_by_week": {
                str(w): _codec.floats(v) for w, v in sorted(self.reached_by_week.items())
            },
            "half_life_days": float(self.half_life_days),
            "extra_weeks": None if self.extra_weeks is None else int(self.extra_weeks),
            "dates": _codec.days(self.dates),
            "without": _codec.floats(self.without),
            "fitted": _codec.floats(self.fitted),
            "prior": None if self.prior is None else self.prior.to_dict(),
        }

    @classmethod
    def _extra_from_dict(cls, data: dict[str, Any]) -> dict[str, Any]:
        """Return the treatment's own attributes, read from `data`."""
        return {
            "reached_by_week": {
                int(w): (v[0], v[1], v[2]) for w, v in data["reached_by_week"].items()
            },
            "half_life_days": data["half_life_days"],
            "extra_weeks": data["extra_weeks"],
            "dates": _codec.from_days(data["dates"]),
            "without": tuple(data["without"]),
            "fitted": tuple(data["fitted"]),
            "prior": PriorNote.from_dict(data["prior"]) if data.get("prior") else None,
        }

    def counterfactual(self) -> tuple[tuple[date, ...], tuple[float, ...]]:
        """Return each day and the outcome the model expects there without the treatment."""
        return self.dates, self.without

    @property
    def effect(self) -> Effect:
        """The full effect as an `Effect` (for `verdict` with another MCID or ROPE)."""
        days = (self.window[1] - self.window[0]).days + 1
        return Effect(
            self.posterior, self.rho, self.n, days, self.method, self.evidence, self.window
        )

    def summary(self) -> str:
        """Return the treatment's effect in plain words."""
        what = label(self.outcome)
        lo, hi = self.interval80
        weeks = "; ".join(
            f"week {w}: {number(est)}" for w, (est, _, _) in sorted(self.reached_by_week.items())
        )
        lines = [
            f"{label(self.factor).capitalize()}: once fully established, {what} is "
            f"{abs(self.estimate):.2f} points {'lower' if self.estimate < 0 else 'higher'} than "
            f"expected without it (likely {span(lo, hi)}).",
            f"Effect reached by {weeks} (onset half-life about {self.half_life_days:.0f} days).",
            f"Chance it helps at all: {percent(self.p_helps)}; by a meaningful "
            f"{self.unit:g} point or more: {percent(self.p_meaningful)}; practically no "
            f"difference: {percent(self.p_negligible)}.",
            f"Verdict: {self.verdict}."
            + (
                f" About {self.extra_weeks} more weeks could settle it." if self.extra_weeks else ""
            ),
            "Compared with what the model expects without it (your level, season and other "
            "treatments), not with the week before.",
            *(caveat_sentence(c) for c in self.caveats),
        ]
        return "\n".join(lines)
