"""Operating characteristics of the self-experiment designs, by simulation.

Anchor (issue: self-experiments): with no effect the default fast design says "likely helps" in
<= 5% of runs; with a true 1.5-point benefit it says so in most runs. Prints, per design and
true benefit, the share of runs ending in each verdict, beside the normal approximation of
fibrolog.analysis.power (the figures in docs/methods.md, "Self-experiments").

Noise: AR(1), marginal SD 1.5 points, rho 0.6 (the spec's population values); every day logged,
full adherence; MCID 1, ROPE 0.5. Slow designs: the true effect builds up (and wears off) with a
14-day half-life and is analysed with the engine's onset kernel (30% as many runs: slower fit).

Run with: make bench BENCH=experiments   (or python -m bench.experiments [RUNS])
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from datetime import date

import numpy as np

from fibrolog.analysis import power
from fibrolog.analysis.trial_analysis import analyze_trial
from fibrolog.analysis.trial_sim import simulate_trial
from fibrolog.analysis.trials import Plan, make_plan

SD, RHO = power.POPULATION_SD, power.POPULATION_RHO
BENEFITS = (0.0, 0.5, 1.0, 1.5, 2.0)
START = date(2026, 1, 5)


def designs() -> list[tuple[str, Plan, float | None]]:
    fast = make_plan("fast", START, "bench")
    need = power.needed(fast, SD, RHO)
    assert need is not None
    return [
        ("fast, 4 pairs (the minimum)", fast, None),
        ("fast, 8 pairs", make_plan("fast", START, "bench", pairs=8), None),
        (f"fast, {need.plan.pairs} pairs (recommended)", need.plan, None),
        ("fast, 8 pairs, no washout", make_plan("fast", START, "bench", pairs=8, washout=0), None),
        ("slow, 4 + 12 weeks", make_plan("slow", START, "bench"), 14.0),
        ("slow, 4 + 24 weeks", make_plan("slow", START, "bench", treatment_days=168), 14.0),
    ]


def run(plan: Plan, benefit: float, half_life: float | None, runs: int, seed: int) -> Counter[str]:
    if plan.design == "slow":
        runs = max(1, runs * 3 // 10)  # the onset-kernel fit is ~100x slower
    rng = np.random.default_rng(seed)
    verdicts: Counter[str] = Counter()
    for _ in range(runs):
        days = simulate_trial(plan, rng, effect=-benefit, sd=SD, rho=RHO, half_life=half_life)
        verdicts[analyze_trial(days, design=plan.design).verdict] += 1
    return verdicts


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    started = time.perf_counter()
    print(
        f"{runs} simulated trials per cell (slow: {runs * 3 // 10}); AR(1) noise SD {SD}, rho {RHO}"
    )
    print("P(verdict) by true benefit of B (points of pain); approx = power.py's normal approx")
    ok = True
    for d, (name, plan, half_life) in enumerate(designs()):
        se = power.plan_se(plan, SD, RHO)
        print(f"\n{name}: {plan.days} days, planning SE {se:.2f}")
        print("  benefit  likely_helps (approx)  no_meaningful_diff (approx)  not_enough  worse")
        for b, benefit in enumerate(BENEFITS):
            counts = run(plan, benefit, half_life, runs, seed=1000 * d + b)
            c = power.chances(se, benefit)
            share = {k: v / counts.total() for k, v in counts.items()}
            none_approx = f"{c.no_difference:.2f}" if benefit == 0 else "  - "
            print(
                f"  {benefit:7.1f}  {share.get('likely_helps', 0):12.3f} ({c.likely_helps:.2f})"
                f"  {share.get('no_meaningful_difference', 0):18.3f} ({none_approx})"
                f"  {share.get('not_enough_evidence', 0):10.3f}"
                f"  {share.get('likely_worse', 0):5.3f}"
            )
            if benefit == 0 and share.get("likely_helps", 0) > 0.05:
                ok = False
    print(f"\nno effect -> 'likely helps' <= 5% in every design: {'yes' if ok else 'NO'}")
    print(f"{time.perf_counter() - started:.1f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
