"""The demo diary: a plausible person's years of check-ins, with effects we know are there.

The recovery checks fit ordinary least squares by numpy on a long simulation; the reference is
the generator's own `TRUE_EFFECTS` (docs/demo-data.md), with loose tolerances because the data
are rounded, clipped and autocorrelated.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import numpy as np
import pytest

from fibrolog.analysis import TRUE_EFFECTS, DemoDiary, simulate_diary
from fibrolog.analysis.simulate import true_effect

END = date(2025, 6, 30)
# The diary's scales as the catalogue promises them: key -> (lowest, highest, step).
RANGES = {
    **{key: (0, 10, 1) for key in ("pain", "fatigue", "fog", "sleep_quality", "stiffness")},
    **{key: (0, 10, 1) for key in ("mood", "anxiety", "exertion", "stress")},
    "sleep_hours": (0, 16, 0.25),
    "unrefreshed": (0, 3, 1),
    "caffeine": (0, 20, 1),
}
TAGS = {
    "poor sleep", "overdid it", "stressful day", "weather change", "period", "travel", "alcohol",
    "ate gluten", "illness", "social event",
}  # fmt: skip


@pytest.fixture(scope="module")
def diary() -> DemoDiary:
    return simulate_diary(years=5, seed=7, end=END)


@pytest.fixture(scope="module")
def long_diary() -> DemoDiary:
    return simulate_diary(years=20, seed=11, end=END)


def series(d: DemoDiary, key: str) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in d.values[key]])


def slopes(y: np.ndarray, *xs: np.ndarray) -> np.ndarray:
    """Least-squares slopes of y on xs (with an intercept) over days where all are present."""
    ok = ~np.isnan(y) & np.all([~np.isnan(x) for x in xs], axis=0)
    design = np.column_stack([np.ones(ok.sum()), *(x[ok] for x in xs)])
    coef, *_ = np.linalg.lstsq(design, y[ok], rcond=None)
    return coef[1:]


def lagged(x: np.ndarray, lag: int) -> np.ndarray:
    return np.concatenate([np.full(lag, np.nan), x[: len(x) - lag]])


def test_it_gives_the_same_diary_for_the_same_seed(diary: DemoDiary) -> None:
    assert simulate_diary(years=5, seed=7, end=END) == diary


def test_it_gives_a_different_diary_for_a_different_seed(diary: DemoDiary) -> None:
    other = simulate_diary(years=5, seed=8, end=END)
    assert other.values["pain"] != diary.values["pain"]
    assert other.seed == 8


def test_it_covers_every_calendar_day_oldest_first_up_to_the_end(diary: DemoDiary) -> None:
    assert len(diary.days) == round(5 * 365.25) == (END - diary.days[0]).days + 1
    assert diary.days[-1] == END
    assert all(b - a == timedelta(days=1) for a, b in pairwise(diary.days))
    assert all(len(v) == len(diary.days) for v in diary.values.values())


def test_it_ends_today_when_no_end_is_given() -> None:
    before = date.today()
    d = simulate_diary(years=0.2)
    assert before <= d.days[-1] <= date.today()


def test_it_refuses_a_span_shorter_than_four_weeks() -> None:
    with pytest.raises(ValueError, match="at least 28"):
        simulate_diary(years=0.05, end=END)


def test_it_keeps_every_metric_in_range_and_on_its_step(diary: DemoDiary) -> None:
    assert set(diary.values) == set(RANGES)
    for key, (low, high, step) in RANGES.items():
        present = [v for v in diary.values[key] if v is not None]
        assert all(low <= v <= high for v in present), key
        assert all(float(v / step).is_integer() for v in present), key


def test_it_leaves_about_one_day_in_seven_unlogged_with_some_holidays(diary: DemoDiary) -> None:
    unlogged = np.isnan(series(diary, "pain"))
    assert 0.10 <= unlogged.mean() <= 0.18
    runs, current = [], 0
    for missing in unlogged:
        current = current + 1 if missing else 0
        runs.append(current)
    assert 5 <= max(runs) <= 14


def test_it_leaves_every_metric_empty_on_a_day_without_a_check_in(diary: DemoDiary) -> None:
    for i, pain in enumerate(diary.values["pain"]):
        if pain is None:
            assert all(v[i] is None for v in diary.values.values())


def test_it_skips_caffeine_on_about_a_fifth_of_logged_days(diary: DemoDiary) -> None:
    logged = ~np.isnan(series(diary, "pain"))
    skipped = np.isnan(series(diary, "caffeine"))[logged].mean()
    assert 0.15 <= skipped <= 0.25


def test_it_ticks_tags_in_order_and_only_on_logged_days(diary: DemoDiary) -> None:
    assert set(diary.tags) == TAGS
    logged = {
        day for day, pain in zip(diary.days, diary.values["pain"], strict=True) if pain is not None
    }
    for name, days in diary.tags.items():
        assert list(days) == sorted(set(days)), name
        assert set(days) <= logged, name
    assert all(diary.tags[name] for name in TAGS)


def test_it_ticks_overdid_it_on_hard_days_and_poor_sleep_on_short_nights(
    diary: DemoDiary,
) -> None:
    overdid, poor = set(diary.tags["overdid it"]), set(diary.tags["poor sleep"])
    for day, exertion, sleep in zip(
        diary.days, diary.values["exertion"], diary.values["sleep_hours"], strict=True
    ):
        if exertion is not None:
            assert (day in overdid) == (exertion >= 7)
        if sleep is not None:
            assert (day in poor) == (sleep < 5.5)


def test_it_gives_consecutive_regimens_with_only_the_last_one_ongoing(diary: DemoDiary) -> None:
    assert [t.key for t in diary.treatments] == ["ldn", "vitamin_d", "yoga"]
    for treatment in diary.treatments:
        for (_, stop, _), (start, _, _) in pairwise(treatment.regimens):
            assert stop is not None
            assert start == stop + timedelta(days=1)
        assert all(start in diary.days for start, _, _ in treatment.regimens)


def test_it_starts_ldn_57_percent_through_and_titrates_over_four_weeks(diary: DemoDiary) -> None:
    ldn = diary.treatments[0]
    assert (ldn.name, ldn.unit) == ("Low-dose naltrexone", "mg")
    start = ldn.regimens[0][0]
    assert start == diary.days[round(0.57 * len(diary.days))]
    assert [dose for _, _, dose in ldn.regimens] == [1.5, 3.0, 4.5]
    assert ldn.regimens[2][0] - start == timedelta(days=28)
    assert ldn.regimens[2][1] is None


def test_it_keeps_120_days_of_ldn_in_a_short_diary() -> None:
    d = simulate_diary(years=0.6, seed=3, end=END)
    start = d.treatments[0].regimens[0][0]
    assert (END - start).days + 1 == 120
    assert (start - d.days[0]).days >= 0.4 * len(d.days)


def test_it_logs_intakes_only_on_logged_days_within_a_regimen(diary: DemoDiary) -> None:
    logged = {
        day for day, pain in zip(diary.days, diary.values["pain"], strict=True) if pain is not None
    }
    for treatment in diary.treatments:
        first, last = treatment.regimens[0][0], treatment.regimens[-1][1] or END
        assert set(treatment.taken) <= logged
        assert all(first <= day <= last for day in treatment.taken)
        assert treatment.taken[first] is True
    ldn_taken = list(diary.treatments[0].taken.values())
    assert 0.85 <= np.mean(ldn_taken) <= 0.95


def test_it_puts_a_few_flares_a_year_inside_the_span(diary: DemoDiary) -> None:
    assert 2 * 5 <= len(diary.flares) <= 6 * 5
    for flare, following in zip(diary.flares, (*diary.flares[1:], None), strict=True):
        assert diary.days[0] <= flare.start <= flare.end <= END
        assert flare.severity in (1, 2, 3)
        assert (flare.end - flare.start).days + 1 <= 10
        if following is not None:
            assert (flare.end - flare.start).days + 1 >= 3
            assert following.start > flare.end


def test_it_writes_a_note_when_ldn_starts(diary: DemoDiary) -> None:
    assert diary.notes[diary.treatments[0].regimens[0][0]] == "Started LDN 1.5 mg"
    assert 10 <= len(diary.notes) <= 200


def test_it_recovers_the_sleep_effect_on_pain(long_diary: DemoDiary) -> None:
    hours_short = 7.0 - series(long_diary, "sleep_hours")
    (estimate,) = slopes(series(long_diary, "pain"), hours_short)
    assert estimate == pytest.approx(-true_effect("pain", "sleep_hours").per_unit, abs=0.1)


def test_it_shows_no_link_between_caffeine_and_pain(long_diary: DemoDiary) -> None:
    (estimate,) = slopes(series(long_diary, "pain"), series(long_diary, "caffeine"))
    assert abs(estimate) < 0.08


def test_it_raises_pain_one_and_two_days_after_a_hard_day(long_diary: DemoDiary) -> None:
    hard = (series(long_diary, "exertion") >= 7).astype(float)
    hard[np.isnan(series(long_diary, "exertion"))] = np.nan
    same_day, next_day, two_days = slopes(
        series(long_diary, "pain"), hard, lagged(hard, 1), lagged(hard, 2)
    )
    assert same_day == pytest.approx(0.0, abs=0.25)
    assert next_day == pytest.approx(true_effect("pain", "overdid it", 1).per_unit, abs=0.25)
    assert two_days == pytest.approx(true_effect("pain", "overdid it", 2).per_unit, abs=0.25)


def test_it_raises_anxiety_with_stress_but_not_pain(long_diary: DemoDiary) -> None:
    stress = series(long_diary, "stress")
    (on_anxiety,) = slopes(series(long_diary, "anxiety"), stress)
    (on_pain,) = slopes(series(long_diary, "pain"), stress)
    assert on_anxiety == pytest.approx(true_effect("anxiety", "stress").per_unit, abs=0.1)
    assert abs(on_pain) < 0.08


def test_it_lowers_pain_by_about_the_full_ldn_effect_once_it_has_set_in(diary: DemoDiary) -> None:
    pain = series(diary, "pain")
    start = diary.days.index(diary.treatments[0].regimens[0][0])
    change = np.nanmean(pain[start + 120 : start + 485]) - np.nanmean(pain[start - 365 : start])
    assert change == pytest.approx(true_effect("pain", "ldn").per_unit, abs=0.5)


def test_it_lists_every_effect_once_with_a_description() -> None:
    keys = [(e.outcome, e.factor, e.lag_days) for e in TRUE_EFFECTS]
    assert len(keys) == len(set(keys))
    assert all(e.description and e.outcome in RANGES for e in TRUE_EFFECTS)
    assert {e.factor for e in TRUE_EFFECTS}.isdisjoint({"caffeine", "alcohol", "ate gluten"})
    assert not any(e.factor in ("vitamin_d", "yoga") for e in TRUE_EFFECTS)
