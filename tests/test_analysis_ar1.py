"""Exact AR(1) handling of missing days: the whitening against the dense covariance.

Reference: the AR(1) covariance written out, ``Cov(u_s, u_t) = sigma^2 rho^|s - t| /
(1 - rho^2)`` on the logged days only, and its Gaussian log-density from scipy. Gaps are
integrated out exactly (no concatenating days), so the two agree to rounding error.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from fibrolog.analysis import ar1
from fibrolog.analysis.ar1 import Gaps


def logged_days(seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.flatnonzero(rng.random(60) > 0.3)


@pytest.mark.parametrize("rho", [-0.15, 0.0, 0.4, 0.9])
def test_it_gives_the_exact_gaussian_likelihood_across_gaps(rho):
    days = logged_days(1)
    gaps = Gaps.of(days)
    u = np.random.default_rng(2).normal(size=days.size)
    sigma2 = 1.7
    cov = sigma2 * rho ** np.abs(days[:, None] - days[None, :]) / (1 - rho**2)
    reference = stats.multivariate_normal(np.zeros(days.size), cov).logpdf(u)
    white = ar1.whiten(u, gaps, rho)
    ours = (
        -days.size / 2 * np.log(2 * np.pi * sigma2)
        + ar1.log_jacobian(gaps, np.array([rho]))[0]
        - white @ white / (2 * sigma2)
    )
    assert ours == pytest.approx(reference, abs=1e-9)


def test_it_builds_the_whitened_gram_for_every_rho_from_lag_products():
    days = logged_days(3)
    gaps = Gaps.of(days)
    cols = np.random.default_rng(4).normal(size=(days.size, 3))
    rhos = np.array([-0.2, 0.3, 0.95])
    grams = ar1.gram(ar1.lag_products(gaps, cols, cols), gaps, rhos)
    for rho, ours in zip(rhos, grams, strict=True):
        white = ar1.whiten(cols, gaps, rho)
        np.testing.assert_allclose(ours, white.T @ white, atol=1e-10)


def test_it_builds_blockwise_grams_the_same_way():
    days = logged_days(5)
    gaps = Gaps.of(days)
    cols = np.random.default_rng(6).normal(size=(days.size, 4, 3))
    grams = ar1.gram(ar1.blockwise_products(gaps, cols), gaps, np.array([0.6]))
    for k in range(4):
        white = ar1.whiten(cols[:, k, :], gaps, 0.6)
        np.testing.assert_allclose(grams[0, k], white.T @ white, atol=1e-10)


def test_it_refuses_days_out_of_order():
    with pytest.raises(ValueError):
        Gaps.of(np.array([3, 2, 5]))
