"""One person's effect and standard error, from the AR(1) engine, ready to be pooled."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd

from fibrolog.analysis.frame import daily
from fibrolog.analysis.outcome import MIN_DAYS, Outcome
from fibrolog.analysis.treatment import EffectPrior, fit_treatments

__all__ = ["POOLED_WEEK", "WIDE_SD", "PersonEffect", "PersonSkipped", "person_effect"]

#: Prior sd (points) of a person's effect when it is estimated for pooling: nearly flat, so
#: that the cohort model, not each person's zero-centred prior, does the shrinking.
WIDE_SD = 10.0
#: The pooled effect is the effect reached this many weeks after the first start (one of the
#: engine's `fibrolog.analysis.treatment.REACH_WEEKS`): well identified by a diary, unlike the
#: full effect of a slow treatment, whose flat-prior posterior mean extrapolates outwards.
POOLED_WEEK = 12


@dataclass(frozen=True)
class PersonEffect:
    """A person's own effect of a treatment on an outcome, in points, before pooling.

    Attributes
    ----------
    id
        The person (a file's stem in DIR mode).
    estimate, se
        Posterior mean and sd of the effect reached `POOLED_WEEK` weeks after the first start
        (for a fast treatment, its full effect), under a nearly flat prior (`WIDE_SD`).
    days, days_on
        Logged outcome days, and logged days on the treatment.
    """

    id: str
    estimate: float
    se: float
    days: int
    days_on: int

    def to_dict(self) -> dict[str, Any]:
        """Return the effect as plain JSON types."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PersonEffect:
        """Return the effect from `to_dict` output."""
        return cls(**{k: data[k] for k in ("id", "estimate", "se", "days", "days_on")})


@dataclass(frozen=True)
class PersonSkipped:
    """A person whose diary cannot give an effect yet, and why (a normal state, not an error)."""

    id: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """Return the entry as plain JSON types."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PersonSkipped:
        """Return the entry from `to_dict` output."""
        return cls(str(data["id"]), str(data["reason"]))


def person_effect(
    person: str,
    diary: pd.DataFrame,
    *,
    treatment: str,
    outcome: str,
    slow: bool,
    better: str = "lower",
    prior: EffectPrior | None = None,
) -> PersonEffect | PersonSkipped:
    """Estimate one person's effect of a treatment on an outcome, `POOLED_WEEK` weeks in.

    Parameters
    ----------
    person
        The person's id.
    diary
        Their diary (as `fibrolog.analysis.read_diary_csv` returns it).
    treatment, outcome
        Column names: the treatment (1 or a dose on the days taken) and the outcome (0-10).
    slow
        Slow onset (half-lives 3-84 days) or fast (0.5-2 days).
    better
        "lower" or "higher" (only the engine's verdict direction; the effect is signed).
    prior
        The prior of the full effect; default nearly flat, N(0, `WIDE_SD`^2), for pooling.

    Returns
    -------
    PersonEffect or PersonSkipped

    Notes
    -----
    The model is the engine's (`fibrolog.analysis.treatment.fit_treatments`): slow level,
    onset kernel averaged over its half-life grid, AR(1) errors averaged over rho. The
    estimate is its effect reached by week `POOLED_WEEK`, ``beta (1 - 0.5^(84/h))`` averaged
    over the same posterior, not the full effect ``beta``: under a flat prior the full
    effect's posterior mean is pulled away from zero by the long half-lives (a partial
    build-up divided by a small fraction reached), about 10% on a year of diary, while the
    week-12 effect is what the diary observes (docs/methods.md, "Many people"). The posterior
    (a mixture of Student-t parts) is summarised by its mean and sd, the normal approximation
    the random-effects model uses. Outcomes must be on the 0-10 scale, so that every
    person's effect is in the same points.
    """
    frame = daily(diary)
    for column in (outcome, treatment):
        if column not in frame.columns:
            return PersonSkipped(person, f"no {column} column in the diary")
    y = frame[outcome].to_numpy()
    seen = ~np.isnan(y)
    n = int(seen.sum())
    if n < MIN_DAYS:
        return PersonSkipped(person, f"{outcome} logged on {n} days (needs {MIN_DAYS})")
    if float(np.nanmin(y)) < 0 or float(np.nanmax(y)) > 10:
        return PersonSkipped(person, f"{outcome} goes outside 0-10: the cohort pools 0-10 scales")
    if float(np.nanmax(y)) == float(np.nanmin(y)):
        return PersonSkipped(person, f"{outcome} has always been {np.nanmax(y):g}")
    on = frame[treatment].to_numpy()
    model = Outcome.of(outcome, y, 1.0, better)
    chosen = prior if prior is not None else EffectPrior(0.0, WIDE_SD)
    fit = fit_treatments(model, {treatment: on}, {treatment} if slow else set(), None,
                         {treatment: chosen})  # fmt: skip
    if treatment in fit.collecting:
        return PersonSkipped(person, fit.collecting[treatment])
    effect = fit.fits[treatment].reached[POOLED_WEEK]
    days_on = int((seen & (np.nan_to_num(on) > 0)).sum())
    return PersonEffect(person, effect.mean, effect.sd, n, days_on)
