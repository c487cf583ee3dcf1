"""The cohort model pools people's own effects honestly: checked against statsmodels and truth.

The references: statsmodels' `combine_effects` (DerSimonian-Laird and Paule-Mandel
random-effects meta-analysis) on the same per-person estimates, and simulated cohorts from
`fibrolog.analysis.cohort.simulate` whose true mean and spread are known.
"""

from __future__ import annotations

import numpy as np
import pytest
from statsmodels.stats.meta_analysis import combine_effects

from fibrolog.analysis.cohort import CohortResult, PersonEffect, person_prior, pool
from fibrolog.analysis.cohort.grid import fit_grid
from fibrolog.analysis.cohort.model import population
from fibrolog.analysis.cohort.simulate import simulate_estimates

COHORTS = 200
#: The interval checks run on five times the issue's 200 cohorts: with 200 a perfectly
#: calibrated 95% interval lands outside 93-97% about one time in seven (binomial sd 1.5%).
MANY = 1_000


def _pool(people, **options):
    return pool(people, treatment="ldn", outcome="pain", draws=400, **options)


@pytest.fixture(scope="module")
def with_effect():
    """200 cohorts of 30 people: mean -1, between-person sd 0.8."""
    runs = []
    for seed in range(COHORTS):
        people, truth = simulate_estimates(30, -1.0, 0.8, seed=seed)
        runs.append((_pool(people), truth))
    return runs


@pytest.fixture(scope="module")
def without_effect():
    """200 cohorts of 30 people in whom the treatment does nothing."""
    return [_pool(simulate_estimates(30, 0.0, 0.0, seed=10_000 + s)[0]) for s in range(COHORTS)]


@pytest.mark.parametrize("method", ["dl", "pm"])
def test_it_agrees_with_statsmodels_random_effects(method):
    for seed in range(5):
        people, _ = simulate_estimates(40, -1.2, 0.6, seed=seed)
        y = np.array([p.estimate for p in people])
        var = np.array([p.se for p in people]) ** 2
        reference = combine_effects(y, var, method_re=method)
        result = _pool(people)
        assert abs(result.mean.estimate - reference.mean_effect_re) < 0.1
        assert result.tau.covers(float(np.sqrt(reference.tau2)))


def _population(people):
    y = np.array([p.estimate for p in people])
    se = np.array([p.se for p in people])
    return population(fit_grid(y, se))


def test_its_mean_and_tau_intervals_cover_the_truth_at_the_nominal_rate():
    runs = [_population(simulate_estimates(30, -1.0, 0.8, seed=s)[0]) for s in range(MANY)]
    mean = np.mean([m.covers(-1.0) for m, _, _ in runs])
    tau = np.mean([t.covers(0.8) for _, t, _ in runs])
    assert 0.93 <= mean <= 0.97, mean
    assert 0.93 <= tau <= 0.97, tau


def test_its_mean_interval_covers_zero_at_the_nominal_rate_when_nothing_works():
    runs = [_population(simulate_estimates(30, 0.0, 0.0, seed=s)[0]) for s in range(MANY)]
    mean = np.mean([m.covers(0.0) for m, _, _ in runs])
    assert 0.93 <= mean <= 0.99, mean


def test_its_responder_share_includes_zero_when_nothing_works(without_effect):
    responders = np.mean([r.responders.low == 0.0 for r in without_effect])
    assert responders >= 0.95, responders


def test_its_shrunken_estimates_are_closer_to_the_truth_than_the_raw_ones(with_effect):
    raw, shrunk = [], []
    for result, truth in with_effect:
        raw.append(np.mean((np.array([p.raw.estimate for p in result.per_person]) - truth) ** 2))
        shrunk.append(
            np.mean((np.array([p.shrunk.estimate for p in result.per_person]) - truth) ** 2)
        )
    assert np.mean(shrunk) < 0.8 * np.mean(raw)


def test_its_shrunken_intervals_cover_each_persons_truth(with_effect):
    covered = [
        p.shrunk.covers(t)
        for result, truth in with_effect[:50]
        for p, t in zip(result.per_person, truth, strict=True)
    ]
    assert 0.93 <= np.mean(covered) <= 0.97


def test_its_responder_share_tracks_the_share_who_truly_respond(with_effect):
    covered = [r.responders.covers(float(np.mean(t <= -1.0))) for r, t in with_effect]
    assert np.mean(covered) >= 0.9


def test_it_round_trips_through_a_dict_and_speaks_without_p_values(with_effect):
    result = with_effect[0][0]
    again = CohortResult.from_dict(result.to_dict())
    assert again == result
    words = result.summary()
    assert "30 people analysed" in words
    assert "p-value" not in words and "p =" not in words and "significant" not in words


def test_it_finds_who_responds_as_an_exploratory_term():
    people, _ = simulate_estimates(60, -1.0, 0.3, seed=7)
    sex = {p.id: {"sex": "male" if i % 3 == 0 else "female"} for i, p in enumerate(people)}
    shifted = [
        PersonEffect(p.id, p.estimate + (1.5 if sex[p.id]["sex"] == "male" else 0.0), p.se, 365, 1)
        for p in people
    ]
    result = _pool(shifted, covariates=sex)
    (term,) = result.terms
    assert (term.covariate, term.level, term.reference) == ("sex", "male", "female")
    assert term.difference.covers(1.5) and term.difference.low > 0
    assert "exploratory" in result.summary()


def test_it_leaves_out_a_covariate_that_could_point_at_one_person():
    people, _ = simulate_estimates(20, -1.0, 0.3, seed=8)
    rare = {p.id: {"sex": "male" if i == 0 else "female"} for i, p in enumerate(people)}
    result = _pool(people, covariates=rare)
    assert result.terms == ()
    assert "sex left out" in (result.terms_note or "")


def test_it_turns_the_cohort_into_a_prior_with_the_predictive_interval(with_effect):
    result = with_effect[0][0]
    prior = person_prior(result)
    p = result.predictive
    assert prior.mean == p.estimate
    assert prior.sd * 2 * 1.96 == pytest.approx(p.high - p.low, rel=1e-3)


def test_it_refuses_to_pool_fewer_than_three_people():
    people, _ = simulate_estimates(2, -1.0, 0.3, seed=9)
    with pytest.raises(ValueError, match="needs 3"):
        _pool(people)
