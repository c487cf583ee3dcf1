"""Partial pooling across a person's associations: nulls shrink to nothing, clear links stay.

Reference: the adaptive-shrinkage model of Stephens (2017, Biostatistics 18:275), a mixture of
a point mass at zero and zero-centred normals, fitted by EM with a null-favouring penalty.
"""

from __future__ import annotations

import numpy as np

from fibrolog.analysis.pool import pool


def test_it_learns_that_almost_everything_is_null_when_it_is():
    rng = np.random.default_rng(1)
    s = np.full(500, 0.2)
    pooled = pool(rng.normal(0, s), s)
    assert pooled.pi[0] > 0.95
    risk = 1 - np.maximum(pooled.prob_less(0.0), 1 - pooled.cdf(np.zeros(500)))
    assert risk.min() > 0.3  # not one null looks directional


def test_it_keeps_a_clear_effect_among_nulls_and_shrinks_the_rest():
    rng = np.random.default_rng(2)
    s = np.full(300, 0.1)
    d = rng.normal(0, s)
    d[0] = 1.5
    pooled = pool(d, s)
    assert abs(pooled.mean[0] - 1.5) < 0.02
    assert np.abs(pooled.mean[1:]).max() < 0.15
    low, high = pooled.quantiles(np.array([0.1, 0.9]))[0]
    assert low < 1.5 < high


def test_it_returns_an_empty_result_for_no_effects():
    pooled = pool(np.zeros(0), np.zeros(0))
    assert pooled.weights.shape == (0, 1)
