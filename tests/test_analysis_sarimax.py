"""Regression with AR(1) errors equals statsmodels SARIMAX maximum likelihood.

Reference (docs/methods.md, reference 2): ``SARIMAX(y, exog=X, order=(1, 0, 0),
trend="c")`` fitted by maximum likelihood (statsmodels, a dev dependency, used only as the
reference). SARIMAX puts the constant in the error equation, so its ``intercept`` is
``mu * (1 - rho)``; the exog slopes, rho and sigma^2 are the same parameters. Same
coefficients to 1e-3 and log-likelihood to 1e-2, on a complete series and on one with
missing days (which SARIMAX's Kalman filter skips exactly).
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from fibrolog.analysis import maximum_likelihood

sm = pytest.importorskip("statsmodels.api")


def simulate(n: int, seed: int, missing: float) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = np.column_stack([rng.normal(7, 1, n), (rng.random(n) < 0.15).astype(float)])
    u = np.zeros(n)
    shocks = rng.normal(0, 1.0, n)
    u[0] = shocks[0] / np.sqrt(1 - 0.6**2)
    for t in range(1, n):
        u[t] = 0.6 * u[t - 1] + shocks[t]
    y = 5.0 - 0.5 * x[:, 0] + 0.8 * x[:, 1] + u
    y[rng.random(n) < missing] = np.nan
    return y, x


def sarimax(y: np.ndarray, x: np.ndarray):
    model = sm.tsa.SARIMAX(y, exog=x, order=(1, 0, 0), trend="c")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return model, model.fit(disp=False, method="lbfgs", maxiter=2000, pgtol=1e-10)


@pytest.mark.parametrize("missing", [0.0, 0.15])
def test_it_matches_sarimax_coefficients_and_log_likelihood(missing):
    y, x = simulate(400, seed=3, missing=missing)
    ours = maximum_likelihood(y, np.column_stack([np.ones(y.size), x]))
    model, ref = sarimax(y, x)
    params = dict(zip(model.param_names, ref.params, strict=True))
    assert ours.coef[1] == pytest.approx(params["x1"], abs=1e-3)
    assert ours.coef[2] == pytest.approx(params["x2"], abs=1e-3)
    assert ours.rho == pytest.approx(params["ar.L1"], abs=1e-3)
    assert ours.coef[0] * (1 - ours.rho) == pytest.approx(params["intercept"], abs=1e-3)
    assert ours.sigma2 == pytest.approx(params["sigma2"], rel=1e-3)
    assert ours.loglik == pytest.approx(ref.llf, abs=1e-2)


def test_it_has_the_same_likelihood_as_sarimax_at_the_same_parameters():
    # Not only the same optimum: the exact likelihood function itself, gaps included.
    y, x = simulate(250, seed=8, missing=0.2)
    ours = maximum_likelihood(y, np.column_stack([np.ones(y.size), x]))
    model, _ = sarimax(y, x)
    at = np.array(
        [ours.coef[0] * (1 - ours.rho), ours.coef[1], ours.coef[2], ours.rho, ours.sigma2]
    )
    assert model.loglike(at) == pytest.approx(ours.loglik, abs=1e-6)
