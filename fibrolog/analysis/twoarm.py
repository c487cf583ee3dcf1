"""B minus A from a daily series and its arm labels: the self-experiment contrast."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from fibrolog.analysis.ar1 import DEFAULT_RHO_GRID, flat_rho_grid
from fibrolog.analysis.bayes import Prior
from fibrolog.analysis.effect import Effect
from fibrolog.analysis.regression import innovation_variance, regress

__all__ = ["EFFECT_PRIOR_SD", "two_arm"]

#: Prior sd of B - A in the outcome's units (pain 0-10): zero-centred, so nothing is "sold".
EFFECT_PRIOR_SD = 1.0


def two_arm(
    values: Sequence[float | None],
    arms: Sequence[str],
    *,
    errors: str = "ar1",
    prior: str = "default",
) -> Effect:
    """Estimate B minus A from daily values and their arm labels.

    Parameters
    ----------
    values
        One value per consecutive calendar day; None (or NaN) for a day not logged.
    arms
        The arm of each day, "A" or "B" (same length as `values`).
    errors
        "ar1": AR(1) errors, exact across missing days, averaged over rho; "iid": independent
        errors (the mean-only model).
    prior
        "default": B - A ~ N(0, 1^2) in the values' units, rho uniform on 70 points of
        [-0.2, 0.95], sigma^2 ~ IG(1, s^2) centred on a rough estimate ``s^2`` of the
        innovation variance. "flat": flat coefficient priors, precision ~ Gamma(0.001, 0.001)
        and rho uniform on (-1, 1), as in the nof1ins package, to reproduce published analyses.

    Returns
    -------
    Effect
        B minus A: its posterior (a mixture of Student-t over rho), rho, n and n_eff.

    Raises
    ------
    ValueError
        For labels other than "A"/"B", mismatched lengths, or fewer than two logged days on an
        arm.

    Notes
    -----
    The model is ``y_t = mu + delta [arm_t = B] + u_t`` with ``u`` AR(1) (or independent).
    Given rho it is a conjugate regression on the whitened rows (Prais-Winsten, exact across
    gaps), so the posterior and the marginal likelihood are closed form; rho is integrated on
    the grid. With ``prior="flat"`` this is the nof1ins JAGS model (Y[1] with precision
    ``prec (1 - rho^2)``, later days conditional on the previous, missing days imputed, which
    is the same as integrating them out).

    References
    ----------
    Yang J, Steingrimsson JA, Schmid CH. nof1ins: an R package for analysing N-of-1 trials
    (https://github.com/jiabei-yang/nof1ins). Prais SJ, Winsten CB (1954), Cowles Commission
    Discussion Paper 383.
    """
    if len(values) != len(arms):
        raise ValueError("values and arms must have the same length")
    if not set(arms) <= {"A", "B"}:
        raise ValueError("arms must be 'A' or 'B'")
    if errors not in ("ar1", "iid") or prior not in ("default", "flat"):
        raise ValueError("errors must be 'ar1' or 'iid'; prior 'default' or 'flat'")
    y = np.array([np.nan if v is None else float(v) for v in values], dtype=float)
    y[~np.isfinite(y)] = np.nan
    b = np.array([arm == "B" for arm in arms], dtype=float)
    seen = ~np.isnan(y)
    if min(int((seen & (b == 0)).sum()), int((seen & (b == 1)).sum())) < 2:
        raise ValueError("each arm needs at least two logged days")
    x = np.column_stack([np.ones(y.size), b])
    if prior == "flat":
        nig_prior = Prior(np.zeros(2), 0.001, 0.001)
        rhos, log_w = flat_rho_grid() if errors == "ar1" else (np.zeros(1), np.zeros(1))
        grid = "rho uniform on (-1, 1)" if errors == "ar1" else "independent errors"
        method = f"flat priors (nof1ins), {grid}"
    else:
        s2 = max(innovation_variance(y, x), 1e-6 * (1.0 + float(np.nanmean(y**2))))
        nig_prior = Prior(np.array([0.0, s2 / EFFECT_PRIOR_SD**2]), 1.0, s2)
        rhos = DEFAULT_RHO_GRID if errors == "ar1" else np.zeros(1)
        log_w = np.zeros(rhos.size)
        grid = "rho on 70 points of [-0.2, 0.95]" if errors == "ar1" else "independent errors"
        method = f"B - A prior N(0, {EFFECT_PRIOR_SD:g}^2), {grid}"
    fits = regress(y, x, nig_prior, rhos=rhos, log_rho_prior=log_w)
    kind = "AR(1) errors exact across missing days" if errors == "ar1" else "mean-only model"
    return Effect(
        posterior=fits.coefficient(1),
        rho=fits.rho,
        n=fits.n,
        days=len(values),
        method=f"{kind}, closed-form Bayesian regression, {method}",
        evidence="self-experiment",
    )
