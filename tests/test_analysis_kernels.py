"""Treatment onset and offset kernels match the spec's formulas."""

from __future__ import annotations

import numpy as np
import pytest

from fibrolog.analysis.kernels import fraction_reached, kernels, starts


def test_it_rises_as_the_spec_onset_kernel_from_the_first_day():
    # docs/methods.md: g(t) = 1 - 0.5^((t - t0 + 1)/h) for t >= t0, 0 before.
    on = np.r_[np.zeros(10), np.ones(100)]
    g = kernels(on, np.array([21.0]))[:, 0]
    t = np.arange(110)
    expected = np.where(t >= 10, 1 - 0.5 ** ((t - 10 + 1) / 21), 0.0)
    np.testing.assert_allclose(g, expected, atol=1e-12)


def test_it_decays_after_a_stop_from_the_level_reached():
    # After the last day on it (t_stop) the level decays as 0.5^((t - t_stop)/h).
    on = np.r_[np.ones(30), np.zeros(30)]
    g = kernels(on, np.array([7.0]))[:, 0]
    reached = g[29]
    np.testing.assert_allclose(g[30:], reached * 0.5 ** (np.arange(1, 31) / 7), atol=1e-12)


def test_it_counts_a_dose_as_on_and_an_unlogged_day_as_off():
    dose = np.array([0, 1.5, 3.0, np.nan, 4.5])
    assert starts(dose) == [1, 4]
    assert kernels(dose, np.array([1.0]))[3, 0] < kernels(dose, np.array([1.0]))[2, 0]


@pytest.mark.parametrize(("weeks", "half_life", "share"), [(4, 28, 0.5), (12, 21, 0.9375)])
def test_it_reports_the_share_of_the_full_effect_reached(weeks, half_life, share):
    assert fraction_reached(7 * weeks, np.array([half_life]))[0] == pytest.approx(share)
