"""Pool people's own effects: population mean, spread, responders and shrunken estimates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from scipy import special

from fibrolog.analysis.ar1 import Array
from fibrolog.analysis.cohort.grid import (
    TAU_PRIOR_SCALE,
    GridPosterior,
    fit_grid,
    mixture_quantiles,
)
from fibrolog.analysis.cohort.metareg import meta_regression
from fibrolog.analysis.cohort.person import PersonEffect, PersonSkipped
from fibrolog.analysis.cohort.results import CohortResult, PersonResult, Summary

__all__ = ["MIN_PEOPLE", "pool", "population"]

MIN_PEOPLE = 3
_Q = np.array([0.025, 0.975])
_CHUNK = 2_000  # people per block when summarising each person's mixture (bounded memory)


def pool(
    people: Sequence[PersonEffect],
    *,
    treatment: str,
    outcome: str,
    better: str = "lower",
    mcid: float = 1.0,
    collecting: Sequence[PersonSkipped] = (),
    covariates: Mapping[str, Mapping[str, str]] | None = None,
    prior_scale: float = TAU_PRIOR_SCALE,
    draws: int = 4_000,
    seed: int = 0,
) -> CohortResult:
    """Pool people's own effects with a normal-normal random-effects model.

    Parameters
    ----------
    people
        Each person's effect and standard error (`person_effect`).
    treatment, outcome, better
        What was analysed; ``better`` is "lower" (pain) or "higher" (sleep quality).
    mcid
        The meaningful change (points): a responder's own effect is at least this beneficial.
    collecting
        People without an estimate, reported with their reason.
    covariates
        Person id -> column -> value (``people.csv``), for the exploratory meta-regression.
    prior_scale
        Scale of the half-normal prior on tau (points).
    draws, seed
        Posterior draws for the responder shares.

    Returns
    -------
    CohortResult

    Notes
    -----
    ``y_i ~ N(theta_i, s_i^2)``, ``theta_i ~ N(mu, tau^2)``, flat prior on ``mu``,
    ``tau ~ half-normal(prior_scale)``; see `grid.fit_grid`. Given tau the person's effect is
    ``N((1 - B_i) y_i + B_i mu_hat, (1 - B_i) s_i^2 + B_i^2 V)`` with ``B_i = s_i^2/(s_i^2 +
    tau^2)``; every summary is a mixture over the grid. The estimate of tau is its posterior
    median (its posterior is skewed); the others are posterior means.

    References
    ----------
    Zucker DR et al. Combining single patient (N-of-1) trials to estimate population treatment
    effects and to evaluate individual patient responses to treatment. J Clin Epidemiol
    1997;50:401-410.
    Schmid CH, Yang J. Bayesian models for N-of-1 trials. Harvard Data Science Review 2022
    (Special Issue 3).
    Röver C. Bayesian random-effects meta-analysis using the bayesmeta R package. J Stat Softw
    2020;93(6).
    """
    if len(people) < MIN_PEOPLE:
        raise ValueError(f"{len(people)} people with an estimate; pooling needs {MIN_PEOPLE}")
    y = np.array([p.estimate for p in people], dtype=float)
    se = np.array([p.se for p in people], dtype=float)
    post = fit_grid(y, se, prior_scale=prior_scale)
    mean, tau, predictive = population(post)
    sign = -1.0 if better == "lower" else 1.0
    share, share_pop = _responders(post, y, se, sign, mcid, draws, seed)
    terms, note = meta_regression(people, covariates, prior_scale) if covariates else ((), None)
    return CohortResult(
        treatment=treatment,
        outcome=outcome,
        better=better,
        mean=mean,
        tau=tau,
        predictive=predictive,
        responders=share,
        responders_population=share_pop,
        per_person=_shrunk(post, people, y, se),
        collecting=tuple(collecting),
        terms=terms,
        terms_note=note,
        mcid=mcid,
        tau_prior_scale=prior_scale,
    )


def population(post: GridPosterior) -> tuple[Summary, Summary, Summary]:
    """Return the population mean, tau and a new person's effect from the grid posterior.

    Parameters
    ----------
    post
        The intercept-only fit (`grid.fit_grid` without a design).

    Returns
    -------
    mean, tau, predictive
        Posterior mean of mu, posterior median of tau, predictive mean; 95% equal-tailed
        intervals.
    """
    mu, var_mu = post.beta[:, 0], post.cov[:, 0, 0]
    w, tau = post.weight, post.tau
    mean = _summary(w, mu, np.sqrt(var_mu))
    predictive = _summary(w, mu, np.sqrt(var_mu + tau**2))
    low, median, high = np.interp([0.025, 0.5, 0.975], np.cumsum(w) - w / 2, tau)
    return mean, Summary(float(median), float(max(low, 0.0)), float(high)), predictive


def _summary(w: Array, loc: Array, scale: Array) -> Summary:
    """Return the mean and 95% interval of a normal mixture over the grid."""
    low, high = mixture_quantiles(w, loc, scale, _Q)
    return Summary(float(w @ loc), float(low), float(high))


def _conditional(post: GridPosterior, y: Array, se: Array) -> tuple[Array, Array]:
    """Return each person's effect mean and variance given each tau: (k, G) each."""
    s2 = se[:, None] ** 2
    shrink = s2 / (s2 + post.tau[None, :] ** 2)
    mu, var_mu = post.beta[:, 0][None, :], post.cov[:, 0, 0][None, :]
    loc = (1 - shrink) * y[:, None] + shrink * mu
    var = (1 - shrink) * s2 + shrink**2 * var_mu
    return loc, var


def _shrunk(
    post: GridPosterior, people: Sequence[PersonEffect], y: Array, se: Array
) -> tuple[PersonResult, ...]:
    """Return each person's raw and shrunk estimate with 95% intervals."""
    keep = post.weight > 1e-10
    trimmed = GridPosterior(
        post.tau[keep], post.weight[keep] / post.weight[keep].sum(), post.beta[keep], post.cov[keep]
    )
    out: list[PersonResult] = []
    for begin in range(0, y.size, _CHUNK):
        part = slice(begin, begin + _CHUNK)
        loc, var = _conditional(trimmed, y[part], se[part])
        bounds = mixture_quantiles(trimmed.weight, loc, np.sqrt(var), _Q)
        means = loc @ trimmed.weight
        for i, p in enumerate(people[part]):
            raw = Summary(p.estimate, p.estimate - 1.96 * p.se, p.estimate + 1.96 * p.se)
            shrunk = Summary(float(means[i]), float(bounds[i, 0]), float(bounds[i, 1]))
            out.append(PersonResult(p.id, raw, p.se, shrunk))
    return tuple(out)


def _responders(
    post: GridPosterior, y: Array, se: Array, sign: float, mcid: float, draws: int, seed: int
) -> tuple[Summary, Summary]:
    """Return the posterior of the responder share among these people and in the population.

    Notes
    -----
    By simulation: draw tau from its grid posterior, mu given tau, then every person's own
    effect given both (``N((y_i/s_i^2 + mu/tau^2) v_i, v_i)``, ``v_i = 1/(1/s_i^2 +
    1/tau^2)``; ``theta_i = mu`` at tau = 0); the share is counted in each draw. The
    population share is ``Phi((sign mu - mcid)/tau)`` in the same draws.
    """
    rng = np.random.default_rng(seed)
    g = rng.choice(post.tau.size, size=draws, p=post.weight)
    tau = post.tau[g]
    mu = post.beta[g, 0] + np.sqrt(post.cov[g, 0, 0]) * rng.standard_normal(draws)
    benefit = sign * mu
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(tau > 0, (benefit - mcid) / np.where(tau > 0, tau, 1.0), np.inf)
    population = np.where(tau > 0, special.ndtr(z), (benefit >= mcid).astype(float))
    shares = np.empty(draws)
    block = max(1, 4_000_000 // max(y.size, 1))
    s2 = se**2
    for begin in range(0, draws, block):
        t2 = tau[begin : begin + block, None] ** 2
        m = mu[begin : begin + block, None]
        prec = 1.0 / s2[None, :] + np.where(t2 > 0, 1.0 / np.where(t2 > 0, t2, 1.0), np.inf)
        v = 1.0 / prec
        loc = np.where(t2 > 0, v * (y / s2 + m / np.where(t2 > 0, t2, 1.0)), m)
        theta = loc + np.sqrt(v) * rng.standard_normal(loc.shape)
        shares[begin : begin + block] = (sign * theta >= mcid).mean(axis=1)
    return _draw_summary(shares), _draw_summary(population)


def _draw_summary(values: Array) -> Summary:
    """Return the mean and the 2.5% and 97.5% quantiles of posterior draws."""
    low, high = np.quantile(values, _Q)
    return Summary(float(values.mean()), float(low), float(high))
