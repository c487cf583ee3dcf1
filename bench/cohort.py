"""Many people on Dask: speed, memory, and the cohort model's checks at scale.

Anchors (issue 14): 2,000 people x 1 year fitted with 2 workers at least 1.7x as fast as with
1 (on this 2-core machine), memory per worker bounded (a worker holds one person's diary at a
time); the pooling step's 95% intervals of the mean and tau cover the truth in 93-97% of
simulated cohorts. Prints the figures in docs/methods.md ("Many people") and the
extrapolation to 100,000 people on a 64-core cluster.

Each Dask task fits a batch of people (`fibrolog.cohort.engine.batches`), reading their files
inside the worker. On a shared machine the wall-clock ratio is noisy: the worker CPU seconds
and the parallel efficiency (1-worker wall time / (2 x 2-worker wall time)) are printed beside
it so the figure can be judged.

Run with: make bench BENCH=cohort   (or python -m bench.cohort [PEOPLE] [--quick]; --quick:
200 people, fewer calibration cohorts, no 100,000-person pooling). The full pipeline's
calibration over many cohorts is bench/cohort_pipeline.py.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

import numpy as np
from statsmodels.stats.meta_analysis import combine_effects

from fibrolog.analysis.cohort import CohortResult, PersonEffect, pool
from fibrolog.analysis.cohort.grid import fit_grid
from fibrolog.analysis.cohort.model import population
from fibrolog.analysis.cohort.personal import compare_priors
from fibrolog.analysis.cohort.simulate import (
    pooled_truth,
    simulate_estimates,
    simulate_people,
    write_cohort,
)
from fibrolog.cohort.engine import (
    BATCHES_PER_WORKER,
    MAX_BATCH,
    analyze_folder,
    connect,
    worker_memory,
)

MEAN, TAU = -1.0, 0.5


def _cpu() -> float:
    import psutil

    times = psutil.Process().cpu_times()
    return float(times.user + times.system)


def _peak() -> int:
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024  # Linux: kB


def timed_run(folder: str, workers: int) -> tuple[float, float, dict[str, int], CohortResult]:
    """Fit and pool on a fresh local cluster: wall seconds, worker CPU seconds, peak memory."""
    with connect(workers) as client:
        before = client.run(_cpu)  # also: workers up before the clock starts
        start = time.perf_counter()
        result, _ = analyze_folder(folder, treatment="ldn", outcome="pain", slow=True,
                                   client=client)  # fmt: skip
        seconds = time.perf_counter() - start
        after = client.run(_cpu)
        cpu = sum(after[w] - before[w] for w in after)
        peak: dict[str, int] = client.run(_peak)
        worker_memory(client)  # the scheduler's view, kept for the CLI's --json users
        return seconds, cpu, peak, result


def calibration(runs: int = 1000) -> tuple[float, float, float]:
    """Return coverage of the mean and tau (truth -1, 0.8) and of zero (null), 30 people."""
    hit_mean = hit_tau = hit_null = 0
    for seed in range(runs):
        people, _ = simulate_estimates(30, -1.0, 0.8, seed=seed)
        mean, tau, _ = population(_grid(people))
        hit_mean += mean.covers(-1.0)
        hit_tau += tau.covers(0.8)
        null, _ = simulate_estimates(30, 0.0, 0.0, seed=50_000 + seed)
        hit_null += population(_grid(null))[0].covers(0.0)
    return hit_mean / runs, hit_tau / runs, hit_null / runs


def _grid(people: list[PersonEffect]):
    return fit_grid(np.array([p.estimate for p in people]), np.array([p.se for p in people]))


def main() -> int:
    quick = "--quick" in sys.argv
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    n = int(numbers[0]) if numbers else (200 if quick else 2000)
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        write_cohort(folder, simulate_people(n, MEAN, TAU, days=365, seed=14))
        print(f"wrote {n} diaries x 365 days in {time.perf_counter() - start:.1f} s")
        one, cpu_one, memory_one, _ = timed_run(folder, 1)
        two, cpu_two, memory_two, result = timed_run(folder, 2)
    load = os.getloadavg()[0]
    print(f"this machine: {os.cpu_count()} cores, load average {load:.1f} during the runs "
          f"(other jobs share the cores); worker CPU {cpu_one:.1f} s (1 worker), "
          f"{cpu_two:.1f} s (2 workers, total)")  # fmt: skip
    speedup = one / two
    efficiency = speedup / 2
    print(f"parallel efficiency {efficiency:.0%} (wall 1 worker / (2 x wall 2 workers)); work "
          f"inflation with 2 workers: {cpu_two / cpu_one:.2f}x the CPU of 1 worker, so on two "
          f"idle cores the speedup would be about {2 * cpu_one / cpu_two:.2f}x")  # fmt: skip
    ok &= speedup >= 1.7
    print(f"{'ok  ' if speedup >= 1.7 else 'MISS'} {n} people x 365 days: 1 worker {one:.1f} s, "
          f"2 workers {two:.1f} s: {speedup:.2f}x (anchor >= 1.7x; noisy on a shared "
          "machine)")  # fmt: skip
    worst = max(memory_two.values()) / 2**20
    ok &= worst < 1024
    print(f"{'ok  ' if worst < 1024 else 'MISS'} peak memory per worker: 1 worker "
          f"{max(memory_one.values()) / 2**20:.0f} MiB, 2 workers "
          f"{', '.join(f'{v / 2**20:.0f}' for v in memory_two.values())} MiB "
          "(anchor < 1 GiB)")  # fmt: skip
    r = result
    print(f"full pipeline, {r.people} people (truth: week-12 mean {pooled_truth(MEAN):.3f}, tau "
          f"{pooled_truth(TAU):.3f}, i.e. 0.9375 x full effect N({MEAN}, {TAU}^2)): mean "
          f"{r.mean.estimate:+.2f} [{r.mean.low:+.2f}, {r.mean.high:+.2f}], tau "
          f"{r.tau.estimate:.2f} [{r.tau.low:.2f}, {r.tau.high:.2f}], responders "
          f"{r.responders.estimate:.0%} [{r.responders.low:.0%}, {r.responders.high:.0%}]; "
          f"{len(r.collecting)} collecting")  # fmt: skip
    per_person = cpu_one / n
    start = time.perf_counter()
    big, _ = simulate_estimates(10_000 if quick else 100_000, MEAN, TAU, seed=1)
    pool(big, treatment="ldn", outcome="pain")
    pooling = (time.perf_counter() - start) * (10 if quick else 1)
    fits = 100_000 * per_person / 64
    size = min(MAX_BATCH, -(-100_000 // (BATCHES_PER_WORKER * 64)))
    tasks = -(-100_000 // size)
    overhead = tasks * 0.001  # 1 ms of scheduler work per task, an upper figure
    print(f"extrapolation: {per_person * 1000:.0f} ms of worker CPU per person-year; 100,000 "
          f"people on 64 cores: {fits:.0f} s of fits (CPU-bound, no shared data) + "
          f"{tasks} tasks of {size} people (about {overhead:.0f} s of scheduler work) + "
          f"{pooling:.0f} s pooling ({'10x 10,000' if quick else '100,000'} simulated estimates "
          f"pooled here) = about {(fits + overhead + pooling) / 60:.1f} min at 100% "
          f"efficiency; memory per worker as above (one diary at a time); the gathered "
          f"summaries are about 100 bytes per person (10 MB)")  # fmt: skip
    covered = calibration(200 if quick else 1000)
    low, high = (0.90, 0.99) if quick else (0.93, 0.97)  # 200 cohorts: binomial sd 1.5%
    good = all(low <= c <= high for c in covered[:2])
    ok &= good
    print(f"{'ok  ' if good else 'MISS'} {200 if quick else 1000} cohorts of 30: 95% "
          f"intervals cover the mean {covered[0]:.1%}, tau {covered[1]:.1%} (anchor "
          f"{low:.0%}-{high:.0%}); null: mean covers 0 {covered[2]:.1%}")  # fmt: skip
    gaps = []
    for seed in range(20):
        people, _ = simulate_estimates(40, -1.2, 0.6, seed=seed)
        y = np.array([p.estimate for p in people])
        var = np.array([p.se for p in people]) ** 2
        mine = population(fit_grid(y, np.sqrt(var)))[0].estimate
        for method in ("dl", "pm"):
            gaps.append(abs(mine - combine_effects(y, var, method_re=method).mean_effect_re))
    print(f"{'ok  ' if max(gaps) < 0.1 else 'MISS'} vs statsmodels DL/PM, 20 cohorts of 40: "
          f"largest difference in pooled mean {max(gaps):.3f} (anchor < 0.1)")  # fmt: skip
    ok &= max(gaps) < 0.1
    c = compare_priors(30 if quick else 100, seed=3)
    print(f"back to the person, {c.people} slow-onset people, 12 weeks on (true N(-1.5, 0.5^2)): "
          f"RMSE {c.rmse_default:.2f} -> {c.rmse_cohort:.2f}, 95% coverage "
          f"{c.coverage_default:.0%} -> {c.coverage_cohort:.0%}, width "
          f"{c.width_default:.2f} -> {c.width_cohort:.2f} "
          "(engine prior -> cohort prior)")  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
