"""A person's analysis can take the cohort's predictive distribution as its prior."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from fibrolog.analysis import demo_frame, simulate_diary
from fibrolog.analysis.cohort.personal import compare_priors
from fibrolog.analysis.outcome import Outcome
from fibrolog.analysis.treatment import EffectPrior, fit_treatments


@pytest.fixture(scope="module")
def diary():
    return demo_frame(simulate_diary(years=1, seed=3, end=date(2025, 1, 1)))


def _effect(diary, prior=None):
    model = Outcome.of("pain", diary["pain"].to_numpy(), 1.0, "lower")
    priors = None if prior is None else {"ldn": prior}
    fit = fit_treatments(model, {"ldn": diary["ldn"].to_numpy()}, {"ldn"}, None, priors)
    return fit.fits["ldn"].effect


def test_its_default_prior_is_the_engines_zero_centred_one(diary):
    default, explicit = _effect(diary), _effect(diary, EffectPrior(0.0, 1.0))
    assert default.mean == explicit.mean and default.sd == explicit.sd


def test_a_prior_centred_on_the_cohort_pulls_the_estimate_towards_it(diary):
    default = _effect(diary)
    cohort = _effect(diary, EffectPrior(-1.5, 0.3))
    assert abs(cohort.mean + 1.5) < abs(default.mean + 1.5)
    assert cohort.sd < default.sd


def test_a_wide_prior_lets_the_persons_own_data_speak(diary):
    default, wide = _effect(diary), _effect(diary, EffectPrior(0.0, 10.0))
    assert wide.mean < default.mean < 0  # less shrunk towards zero (true -1.5)
    assert wide.sd > default.sd


def test_the_cohort_prior_improves_slow_onset_peoples_own_estimates():
    result = compare_priors(20, seed=2)
    assert result.rmse_cohort < 0.85 * result.rmse_default
    assert result.coverage_cohort >= 0.85
    assert result.width_cohort < result.width_default
    assert np.isfinite([result.rmse_default, result.rmse_cohort]).all()


def test_the_analysis_core_never_loads_dask():
    import subprocess
    import sys

    code = (
        "import sys, fibrolog.analysis, fibrolog.analysis.cohort, fibrolog.cohort.files; "
        "print(sorted(m for m in ('dask', 'distributed') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
