"""The full pipeline's calibration over many simulated cohorts (slow: every person is fitted).

Each cohort: PEOPLE slow-onset diaries (`simulate_people`: true full effects N(-1, 0.5^2),
21-day half-life, a year each), every person's week-12 effect from the engine
(`person_effect`), then `pool`. Printed: the per-person bias and the sd of the z-scores
``(estimate - truth)/se`` over all people, and how often the pooled mean's and tau's 95%
intervals hold the truth (the week-12 effect: 0.9375 x the full effect). Anchor: the mean's
interval covers in 90-99% of cohorts.

Back to the person (`--person`): the app's own path, end to end. Simulated slow-onset people
(true full effects N(-1.5, 0.5^2), 21-day half-life, 180 days with the last 12 weeks on the
treatment, as `fibrolog.analysis.cohort.personal.compare_priors`), everyone's week-12 effect
pooled once (the stored clinic result), then for each person the prior the app gives them
(`leave_out` their own summary, `person_prior`) through the engine's one prior hook
(`InsightsModel(priors=...)`): the insight's "together" estimate against the "your own data"
estimate it carries (`TreatmentInsight.prior`). Printed: RMSE, 95% coverage and width of the
person's full effect, own data alone -> together.

Run with: make bench BENCH=cohort_pipeline   (or python -m bench.cohort_pipeline [--quick]:
--quick is 20 cohorts of 30 people instead of 100 of 40; about 10 ms of CPU per person;
python -m bench.cohort_pipeline --person [--quick]: 100 people, or 40)
"""

from __future__ import annotations

import sys
import time

import numpy as np

from fibrolog.analysis.cohort import PersonEffect, person_effect, pool
from fibrolog.analysis.cohort.simulate import pooled_truth, simulate_people

MEAN, TAU = -1.0, 0.5


def one_cohort(people: int, seed: int) -> tuple[bool, bool, list[float], list[float]]:
    """Return whether mean and tau are covered, and each person's error and z-score."""
    cohort = simulate_people(people, MEAN, TAU, days=365, seed=seed)
    fitted = [person_effect(p.id, p.diary, treatment="ldn", outcome="pain", slow=True)
              for p in cohort]  # fmt: skip
    kept = [(f, pooled_truth(p.effect)) for f, p in zip(fitted, cohort, strict=True)
            if isinstance(f, PersonEffect)]  # fmt: skip
    result = pool([f for f, _ in kept], treatment="ldn", outcome="pain", draws=200)
    errors = [f.estimate - t for f, t in kept]
    z = [(f.estimate - t) / f.se for f, t in kept]
    return (result.mean.covers(pooled_truth(MEAN)), result.tau.covers(pooled_truth(TAU)),
            errors, z)  # fmt: skip


def back_to_person(people: int, seed: int = 3) -> dict[str, float]:
    """Return error, coverage and width of people's own estimates alone and with the cohort."""
    from fibrolog.analysis import InsightsModel
    from fibrolog.analysis.cohort import leave_out, person_prior
    from fibrolog.analysis.cohort.simulate import simulate_person

    rng = np.random.default_rng(seed)
    truth = -1.5 + 0.5 * rng.standard_normal(people)
    diaries = [simulate_person(float(t), days=180, start=96, seed=seed * 7919 + i)
               for i, t in enumerate(truth)]  # fmt: skip
    fitted = [person_effect(f"p{i}", d, treatment="ldn", outcome="pain", slow=True)
              for i, d in enumerate(diaries)]  # fmt: skip
    stored = pool([f for f in fitted if isinstance(f, PersonEffect)], treatment="ldn",
                  outcome="pain", draws=200)  # fmt: skip
    rows = []
    for i, diary in enumerate(diaries):
        others = leave_out(stored, f"p{i}")
        assert others is not None
        model = InsightsModel(outcomes=("pain",), treatments=("ldn",), slow=frozenset({"ldn"}),
                              priors={("pain", "ldn"): person_prior(others)})  # fmt: skip
        item = next(x for x in model.fit(diary).all if x.kind == "treatment")
        note = item.prior
        assert note is not None
        t = truth[i]
        rows.append((note.own_estimate - t, note.own_low <= t <= note.own_high,
                     note.own_high - note.own_low, item.estimate - t,
                     item.interval95[0] <= t <= item.interval95[1],
                     item.interval95[1] - item.interval95[0]))  # fmt: skip
    a = np.array(rows, dtype=float)
    return {
        "rmse_own": float(np.sqrt(np.mean(a[:, 0] ** 2))),
        "rmse_together": float(np.sqrt(np.mean(a[:, 3] ** 2))),
        "coverage_own": float(a[:, 1].mean()),
        "coverage_together": float(a[:, 4].mean()),
        "width_own": float(a[:, 2].mean()),
        "width_together": float(a[:, 5].mean()),
    }


def main() -> int:
    quick = "--quick" in sys.argv
    if "--person" in sys.argv:
        people = 40 if quick else 100
        start = time.perf_counter()
        r = back_to_person(people)
        print(f"back to the person through the app's path, {people} slow-onset people "
              f"({time.perf_counter() - start:.0f} s): RMSE {r['rmse_own']:.2f} -> "
              f"{r['rmse_together']:.2f}, 95% coverage {r['coverage_own']:.0%} -> "
              f"{r['coverage_together']:.0%}, width {r['width_own']:.2f} -> "
              f"{r['width_together']:.2f} (own data alone -> together)")  # fmt: skip
        better = r["rmse_together"] < r["rmse_own"] and r["coverage_together"] >= 0.9
        return 0 if better else 1
    cohorts, people = (20, 30) if quick else (100, 40)
    start = time.perf_counter()
    rows = [one_cohort(people, 1000 + seed) for seed in range(cohorts)]
    mean_hit = float(np.mean([r[0] for r in rows]))
    tau_hit = float(np.mean([r[1] for r in rows]))
    errors = np.concatenate([r[2] for r in rows])
    z = np.concatenate([r[3] for r in rows])
    print(f"{cohorts} cohorts of {people} simulated people in {time.perf_counter() - start:.0f} s")
    print(f"per person (week-12 effect, truth 0.9375 x full): bias {errors.mean():+.3f} points, "
          f"RMSE {np.sqrt(np.mean(errors**2)):.3f}, sd of z-scores {z.std():.2f} (1 if the "
          f"sd is the error's), mean z {z.mean():+.2f}")  # fmt: skip
    good = 0.90 <= mean_hit <= 0.99
    print(f"{'ok  ' if good else 'MISS'} the pooled mean's 95% interval covers the truth in "
          f"{mean_hit:.0%} of cohorts (anchor 90-99%); tau's in {tau_hit:.0%} (reported, no "
          "anchor: too-wide per-person sds make tau err low)")  # fmt: skip
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
