"""Many people using one `fibrolog serve` at once: latency, errors, CPU, and no lost write.

Anchor (issue 11, "Load, measured"): 200 logged-in people, each doing a check-in and two page
views every ~10 s for 60 s against `fibrolog serve` in server mode on PostgreSQL with its
worker, then 50 people on SQLite. Goal on a 2-core machine: 0 errors, p95 <= 250 ms on
PostgreSQL, and every acknowledged check-in in the database afterwards.

Everything is on loopback: a throwaway PostgreSQL cluster on a Unix socket (tests/postgres.py),
the server on 127.0.0.1, and a light load generator (bench/_load_client.py). Logins (an Argon2
hash each) are timed apart, before the clock starts; the steady figures are the three kinds of
request people make afterwards.

Run with: make bench BENCH=server_load            (50 people for 20 s on PostgreSQL, 20 on SQLite)
          python -m bench.server_load --full     (50 then 200 people for 60 s, then 50 on SQLite)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from bench import _load_server as server
from bench._load_client import Person, Tally, run_people

GOAL_P95_MS = 250.0
PERIOD_S = 10.0
PASSWORD = "lavender window quietly"
KINDS = ("page: today", "check-in", "page: timeline")


def percentiles(values: list[float]) -> tuple[float, float, float]:
    """Return p50, p95 and p99 (nearest rank) of `values` in ms."""
    if not values:
        return (float("nan"),) * 3  # type: ignore[return-value]
    ordered = sorted(values)

    def rank(p: float) -> float:
        return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]

    return rank(50), rank(95), rank(99)


def run_case(database: str, people: int, seconds: float) -> dict[str, float]:
    """Run one case and print its figures; return p95 (ms), errors and lost writes."""
    data = Path(tempfile.mkdtemp(prefix="fibrolog-load-"))
    cluster = server.start_postgres() if database == "postgres" else None
    env = server.environment(data, cluster)
    try:
        names = [f"load{i:03d}" for i in range(people)]
        server.create_people(env, names, PASSWORD)
        with server.Serving(env) as serving:
            headers = server.request_headers(env, serving.port)
            crowd = [Person(name, PASSWORD, serving.port, headers) for name in names]
            tally = Tally()
            before: list = []

            def mark() -> None:  # once everyone is logged in
                before.extend([os.getloadavg()[0], server.own_cpu(), serving.cpu(cluster)])

            started = run_people(crowd, tally, seconds, PERIOD_S, 4, on_start=mark)
            load_before, own_before, cpu_before = before
            cpu_after, own_after = serving.cpu(cluster), server.own_cpu()
            elapsed = time.monotonic() - started
            load_after = os.getloadavg()[0]
            how = serving.how
        stored = server.stored_days(env)
    finally:
        if cluster is not None:
            server.stop_postgres(cluster)
    print(f"\n{database}: {people} people for {seconds:.0f} s ({how})")
    print(f"  load average {load_before:.1f} at start, {load_after:.1f} at end (2 cores)")
    print(f"  {'kind':16s} {'n':>6s} {'p50':>8s} {'p95':>8s} {'p99':>8s} {'errors':>7s}")
    steady = [s for s in tally.samples if s.kind != "login"]
    for kind in ("login", *KINDS, "all but login"):
        chosen = steady if kind == "all but login" else [s for s in tally.samples if s.kind == kind]
        p50, p95, p99 = percentiles([s.ms for s in chosen])
        errors = sum(not s.ok for s in chosen)
        print(f"  {kind:16s} {len(chosen):6d} {p50:6.0f}ms {p95:6.0f}ms {p99:6.0f}ms {errors:7d}")
    statuses = sorted({s.status for s in tally.samples if not s.ok})
    if statuses:
        print(f"  failed requests answered: {statuses} (0: no answer)")
    reconnects = sum(p.reconnects for p in crowd)
    print(f"  idle connections the server closed, sent again on a new one: {reconnects}")
    web, worker, db = (after - before for after, before in zip(cpu_after, cpu_before, strict=True))
    print(
        f"  CPU over {elapsed:.0f} s (% of one core): web {100 * web / elapsed:.0f}%, "
        f"job worker {100 * worker / elapsed:.0f}%, PostgreSQL {100 * db / elapsed:.0f}%, "
        f"load generator {100 * (own_after - own_before) / elapsed:.0f}%; "
        f"{len(steady) / elapsed:.1f} requests/s, "
        f"web CPU per request {1000 * web / max(len(steady), 1):.0f} ms"
    )
    lost, half = server.check_acks(tally.acks, stored)
    print(
        f"  acknowledged check-ins {len(tally.acks)}, found whole in the database "
        f"{len(tally.acks) - lost}, lost {lost}; half-written days {half}"
    )
    _, p95, _ = percentiles([s.ms for s in steady])
    return {"p95": p95, "errors": sum(not s.ok for s in tally.samples), "lost": lost + half}


def verdict(database: str, people: int, figures: dict[str, float]) -> bool:
    """Print the goal, the ratio and MISS or ok; return True when met."""
    ok = figures["errors"] == 0 and figures["lost"] == 0
    line = f"goal {database} {people} people: 0 errors ({figures['errors']:.0f}), nothing lost ("
    line += f"{figures['lost']:.0f})"
    if database == "postgres":
        ratio = figures["p95"] / GOAL_P95_MS
        ok = ok and ratio <= 1
        line += f", p95 {figures['p95']:.0f} ms / {GOAL_P95_MS:.0f} ms = {ratio:.2f}"
    print(f"{line}  {'ok' if ok else 'MISS'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="the issue's figures (minutes)")
    parser.add_argument("--people", type=int, help="people on PostgreSQL (default 50)")
    parser.add_argument("--sqlite-people", type=int, help="people on SQLite (default 20)")
    parser.add_argument("--seconds", type=float, help="seconds of load (default 20)")
    args = parser.parse_args(argv)
    if not server.postgres_available():
        print("PostgreSQL is not installed (make system-deps): SQLite only")
    seconds = args.seconds or (60.0 if args.full else 20.0)
    cases = [("postgres", n) for n in ([50, 200] if args.full else [args.people or 50])]
    cases = cases if server.postgres_available() else []
    cases.append(("sqlite", args.sqlite_people or (50 if args.full else 20)))
    results = {case: run_case(*case, seconds) for case in cases}
    print()
    met = [verdict(db, n, figures) for (db, n), figures in results.items()]
    if ("postgres", 50) in results and ("postgres", 200) in results:
        small, big = results[("postgres", 50)]["p95"], results[("postgres", 200)]["p95"]
        print(
            f"p95 grows from {small:.0f} ms (50 people) to {big:.0f} ms (200): x{big / small:.1f}"
        )
    return 0 if all(met) else 1


if __name__ == "__main__":
    sys.exit(main())
