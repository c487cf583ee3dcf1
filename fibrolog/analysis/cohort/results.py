"""Frozen results of a cohort analysis, with plain JSON round trips and plain words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fibrolog.analysis.cohort.person import PersonSkipped

__all__ = ["CohortResult", "PersonResult", "Summary", "Term"]


@dataclass(frozen=True)
class Summary:
    """A posterior summary: a point estimate and its 95% interval."""

    estimate: float
    low: float
    high: float

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"estimate", "interval95": [lo, hi]}``."""
        return {"estimate": self.estimate, "interval95": [self.low, self.high]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Summary:
        """Return the summary from `to_dict` output."""
        low, high = data["interval95"]
        return cls(float(data["estimate"]), float(low), float(high))

    def covers(self, value: float) -> bool:
        """Return whether the 95% interval holds `value`."""
        return self.low <= value <= self.high


@dataclass(frozen=True)
class PersonResult:
    """One person's own estimate and their estimate shrunk by the cohort."""

    id: str
    raw: Summary
    se: float
    shrunk: Summary

    def to_dict(self) -> dict[str, Any]:
        """Return the person's entry of ``per_person``."""
        return {
            "id": self.id,
            "estimate": self.raw.estimate,
            "interval95": [self.raw.low, self.raw.high],
            "se": self.se,
            "shrunk_estimate": self.shrunk.estimate,
            "shrunk_interval95": [self.shrunk.low, self.shrunk.high],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PersonResult:
        """Return the entry from `to_dict` output."""
        shrunk = {"estimate": data["shrunk_estimate"], "interval95": data["shrunk_interval95"]}
        return cls(
            str(data["id"]),
            Summary.from_dict(data),
            float(data["se"]),
            Summary.from_dict(shrunk),
        )


@dataclass(frozen=True)
class Term:
    """An exploratory meta-regression term: how the mean effect differs with a covariate.

    Attributes
    ----------
    covariate, level
        The column of ``people.csv`` and, for a category, the level compared with `reference`.
    reference
        The category it is compared with ("" for a number: the term is per unit).
    difference
        The difference in mean effect (points) with its 95% interval.
    people
        People with this level (all analysed people for a number).
    """

    covariate: str
    level: str
    reference: str
    difference: Summary
    people: int

    def to_dict(self) -> dict[str, Any]:
        """Return the term as plain JSON types."""
        return {
            "covariate": self.covariate,
            "level": self.level,
            "reference": self.reference,
            "people": self.people,
            **self.difference.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Term:
        """Return the term from `to_dict` output."""
        return cls(
            str(data["covariate"]),
            str(data["level"]),
            str(data["reference"]),
            Summary.from_dict(data),
            int(data["people"]),
        )


@dataclass(frozen=True)
class CohortResult:
    """The pooled answer: population mean, spread, predictive, responders, each person.

    Attributes
    ----------
    treatment, outcome, better
        What was analysed; "lower" or "higher" is better for the outcome.
    mean, tau, predictive
        The population mean effect, the between-person sd and a new person's effect.
    responders
        The share of the people analysed whose own effect is beneficial by at least `mcid`.
    responders_population
        The same share in the population the people come from (the normal model's tail).
    per_person
        Each person's raw and shrunk estimate.
    collecting
        People without an estimate yet, with the reason.
    terms
        Exploratory meta-regression terms (who responds), possibly empty.
    terms_note
        Why there are no terms, when there are none but covariates were given.
    mcid, tau_prior_scale
        The meaningful change and the half-normal prior scale of tau, in points.
    """

    treatment: str
    outcome: str
    better: str
    mean: Summary
    tau: Summary
    predictive: Summary
    responders: Summary
    responders_population: Summary
    per_person: tuple[PersonResult, ...]
    collecting: tuple[PersonSkipped, ...]
    terms: tuple[Term, ...] = ()
    terms_note: str | None = None
    mcid: float = 1.0
    tau_prior_scale: float = 1.0

    @property
    def people(self) -> int:
        """The number of people analysed."""
        return len(self.per_person)

    def to_dict(self) -> dict[str, Any]:
        """Return the result as plain JSON types (the `fibrolog cohort analyze --json` keys)."""
        return {
            "treatment": self.treatment,
            "outcome": self.outcome,
            "better": self.better,
            "people": self.people,
            "mean": self.mean.to_dict(),
            "tau": self.tau.to_dict(),
            "predictive": self.predictive.to_dict(),
            "responders": self.responders.to_dict(),
            "responders_population": self.responders_population.to_dict(),
            "per_person": [p.to_dict() for p in self.per_person],
            "collecting": [c.to_dict() for c in self.collecting],
            "terms": [t.to_dict() for t in self.terms],
            "terms_note": self.terms_note,
            "mcid": self.mcid,
            "tau_prior_scale": self.tau_prior_scale,
            "method": "normal-normal random effects, half-normal prior on tau, grid",
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CohortResult:
        """Return the result from `to_dict` output (extra keys such as ``engine`` ignored)."""
        return cls(
            treatment=str(data["treatment"]),
            outcome=str(data["outcome"]),
            better=str(data["better"]),
            mean=Summary.from_dict(data["mean"]),
            tau=Summary.from_dict(data["tau"]),
            predictive=Summary.from_dict(data["predictive"]),
            responders=Summary.from_dict(data["responders"]),
            responders_population=Summary.from_dict(data["responders_population"]),
            per_person=tuple(PersonResult.from_dict(p) for p in data["per_person"]),
            collecting=tuple(PersonSkipped.from_dict(c) for c in data["collecting"]),
            terms=tuple(Term.from_dict(t) for t in data.get("terms", ())),
            terms_note=data.get("terms_note"),
            mcid=float(data.get("mcid", 1.0)),
            tau_prior_scale=float(data.get("tau_prior_scale", 1.0)),
        )

    def summary(self) -> str:
        """Return the answer in plain words (intervals, no p-values)."""
        m, t, p, r = self.mean, self.tau, self.predictive, self.responders
        way = "lower" if self.better == "lower" else "higher"
        lines = [
            f"{self.people} people analysed: {self.treatment} on {self.outcome} ({way} is better).",
            f"On average {self.outcome} changed by {m.estimate:+.2f} points "
            f"(95% interval {m.low:+.2f} to {m.high:+.2f}).",
            f"People differ: the spread of their own effects (sd) is about {t.estimate:.2f} "
            f"points (95% interval {t.low:.2f} to {t.high:.2f}).",
            f"A new person's own effect would probably lie between {p.low:+.2f} and "
            f"{p.high:+.2f} points.",
            f"About {r.estimate:.0%} of these people improved by at least {self.mcid:g} point "
            f"(95% interval {r.low:.0%} to {r.high:.0%}).",
        ]
        if self.terms:
            lines.append("Who responds (exploratory: a lead to follow up, not a tested finding):")
            for term in self.terms:
                d = term.difference
                what = (
                    f"{term.covariate} {term.level} vs {term.reference}"
                    if term.reference
                    else f"per unit of {term.covariate}"
                )
                lines.append(
                    f"  {what}: mean effect {d.estimate:+.2f} points different "
                    f"(95% interval {d.low:+.2f} to {d.high:+.2f}; {term.people} people)"
                )
            if self.terms_note:
                lines.append(f"  ({self.terms_note})")
        elif self.terms_note:
            lines.append(f"Who responds: {self.terms_note}.")
        if self.collecting:
            lines.append(f"Still collecting ({len(self.collecting)} people):")
            lines += [f"  {c.id}: {c.reason}" for c in self.collecting]
        return "\n".join(lines)
