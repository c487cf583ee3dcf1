"""Apple Health import end to end, as a person runs it, against healthkit-to-sqlite.

Anchors: `fibrolog import apple-health export.zip --json` as a new process into a fresh data
directory (process start included) is >= 3x faster than healthkit-to-sqlite 1.0.1 writing a fresh
database from the same zip, on a 64 MB export dominated by heart-rate and step samples; >= 25
MB/s; peak RSS < 100 MiB. A bare pyexpat parse is the ceiling. Each tool runs in its own process
(peak RSS and CPU time from wait4()); the tools alternate and the medians of `--runs` runs are
compared. Wall time is what a person waits for; on a shared, loaded machine it is inflated by
waiting for a core, so the CPU-time ratio is printed too. healthkit-to-sqlite is installed into a
throwaway venv under /tmp: it never becomes a project dependency. `--baseline DIR` times another
fibrolog source tree (e.g. `git archive` of main) in the same runs, for before/after figures.

Run with: make bench BENCH=apple_health (or python -m bench.apple_health --mb 64 --runs 3)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.make_apple_health import MB, MIX, make
from fibrolog.ingest.fixtures.apple import MIXES

FOLDER = Path(tempfile.gettempdir()) / "fibrolog-bench-apple"
HK_VENV = Path(tempfile.gettempdir()) / "fibrolog-bench-hk-venv"
GOAL_MBS, GOAL_RATIO, GOAL_RSS_MIB = 25.0, 3.0, 100.0

BARE = """
import pyexpat, sys
parser = pyexpat.ParserCreate()
parser.StartElementHandler = lambda name, attrs: None
with open(sys.argv[1], "rb") as f:
    while chunk := f.read(1 << 20):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)
"""

OURS = """
import sys
from fibrolog.ingest import ParseStats, aggregate, parse_apple_health
stats = ParseStats()
days = aggregate(parse_apple_health(sys.argv[1], stats=stats), "Europe/Berlin")
print(stats.yielded, len(days))
"""


@dataclass(frozen=True)
class Run:
    """One timed process: wall and CPU seconds, peak RSS (MiB) and its output."""

    wall: float
    cpu: float
    rss: float
    out: str


def measured(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """Run a command to its end; return its times, peak RSS and output."""
    started = time.perf_counter()
    child = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    out = (child.stdout.read() if child.stdout else "") + (
        child.stderr.read() if child.stderr else ""
    )
    if os.waitstatus_to_exitcode(status):
        raise RuntimeError(f"{command[:3]} failed: {out[-500:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(wall, cpu, usage.ru_maxrss / 1024, out.strip())


def fresh_data_dir(scratch: Path) -> Path:
    """Return a migrated data directory with one account, made once per bench run (untimed)."""
    template = scratch / "template"
    env = {**os.environ, "FIBROLOG_DATA_DIR": str(template)}
    env.pop("DATABASE_URL", None)
    cli = [sys.executable, "-m", "fibrolog"]
    subprocess.run([*cli, "migrate"], env=env, check=True, capture_output=True)
    subprocess.run(
        [*cli, "user", "create", "bench", "--password-stdin"],
        env=env,
        input="a long bench passphrase\n",
        text=True,
        check=True,
        capture_output=True,
    )
    return template


def import_once(archive: Path, data: Path, tree: str = "") -> Run:
    """Time `fibrolog import apple-health ZIP --json` as a person runs it (from `tree` if set)."""
    env = {**os.environ, "FIBROLOG_DATA_DIR": str(data)}
    env.pop("DATABASE_URL", None)
    if tree:
        env["PYTHONPATH"] = tree
    command = [sys.executable, "-m", "fibrolog", "import", "apple-health", str(archive), "--json"]
    # Run from the scratch folder: `-m` puts the working directory first on sys.path, which
    # would shadow PYTHONPATH when the bench is started from a checkout.
    return measured(command, env, cwd=data.parent)


def fresh_copy(template: Path, target: Path) -> Path:
    """Replace `target` with a copy of the template data directory."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(template, target)
    return target


def end_to_end(archive: Path, hk: str | None, runs: int, baseline: str) -> dict[str, list[Run]]:
    """Alternate fresh imports by this tree, the baseline tree and healthkit-to-sqlite."""
    results: dict[str, list[Run]] = {"ours": [], "base": [], "hk": [], "again": []}
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        template = fresh_data_dir(scratch)
        for _ in range(runs):
            results["ours"].append(import_once(archive, fresh_copy(template, scratch / "data")))
            if baseline:
                base = fresh_copy(template, scratch / "base")
                results["base"].append(import_once(archive, base, baseline))
            if hk is not None:
                database = scratch / "hk.db"
                database.unlink(missing_ok=True)
                results["hk"].append(measured([hk, str(archive), str(database)]))
        print(f"import: {results['ours'][-1].out}")
        again = import_once(archive, scratch / "data")
        results["again"].append(again)
        print(f"re-import: {again.out}")
        if json.loads(again.out)["records_new"] != 0:
            raise RuntimeError("a re-import added records")
    return results


def on_postgres(archive: Path) -> tuple[float, float, float, float] | None:
    """Run `end_to_end` on a throwaway PostgreSQL cluster; None when PostgreSQL is not installed."""
    from tests import postgres

    try:
        folder = postgres.start()
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        print(f"PostgreSQL import: not measured ({exc})")
        return None
    try:
        return end_to_end(archive, postgres.database_url(folder))
    finally:
        postgres.stop(folder)


def healthkit_to_sqlite() -> str | None:
    """Return the healthkit-to-sqlite command, installing it in a throwaway venv if needed."""
    script = HK_VENV / "bin" / "healthkit-to-sqlite"
    if not script.exists():
        subprocess.run([sys.executable, "-m", "venv", str(HK_VENV)], check=True)
        install = subprocess.run(
            [str(HK_VENV / "bin" / "pip"), "install", "--quiet", "healthkit-to-sqlite==1.0.1"],
            capture_output=True,
            text=True,
        )
        if install.returncode:
            print(f"healthkit-to-sqlite could not be installed: {install.stderr.strip()[-300:]}")
            return None
    return str(script)


def median(runs: list[Run]) -> Run:
    """Return the medians of wall time and CPU time, and the highest peak RSS."""
    return Run(
        statistics.median(r.wall for r in runs),
        statistics.median(r.cpu for r in runs),
        max(r.rss for r in runs),
        runs[-1].out,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Apple Health import against its anchors.")
    parser.add_argument("--mb", type=float, default=MB, help="size of the XML (default 64)")
    parser.add_argument("--mix", default=MIX, choices=sorted(MIXES), help="record mix")
    parser.add_argument("--runs", type=int, default=3, help="timed runs; medians are reported")
    parser.add_argument("--baseline", default="", help="another fibrolog source tree to time")
    args = parser.parse_args(argv)
    xml, archive = make(FOLDER, args.mb, args.mix)
    size_mb = xml.stat().st_size / 1e6
    print(
        f"synthetic export ({args.mix}): {size_mb:.0f} MB of XML, "
        f"zip {archive.stat().st_size / 1e6:.1f} MB; medians of {args.runs} runs"
    )
    bare = measured([sys.executable, "-c", BARE, str(xml)])
    parse = measured([sys.executable, "-c", OURS, str(archive)])
    hk = healthkit_to_sqlite()
    results = end_to_end(archive, hk, args.runs, args.baseline)
    ours = median(results["ours"])
    rows = [
        ("bare pyexpat parse (ceiling)", bare),
        ("fibrolog parse+aggregate, zip", parse),
        ("fibrolog import into SQLite, zip", ours),
        ("fibrolog re-import (nothing new)", results["again"][0]),
    ]
    base = median(results["base"]) if results["base"] else None
    if base is not None:
        rows.append(("baseline tree, import into SQLite", base))
    anchor = median(results["hk"]) if results["hk"] else None
    if anchor is not None:
        rows.append(("healthkit-to-sqlite 1.0.1, zip", anchor))
    for label, run in rows:
        print(
            f"{label:34s} {run.wall:7.2f} s wall {run.cpu:7.2f} s CPU "
            f"{size_mb / run.wall:6.1f} MB/s  peak RSS {run.rss:6.1f} MiB"
        )
    peak = max(parse.rss, ours.rss)
    verdicts = [
        (
            f"end to end >= {GOAL_MBS:g} MB/s ({size_mb / ours.wall:.1f})",
            size_mb / ours.wall >= GOAL_MBS,
        ),
        (f"peak RSS < {GOAL_RSS_MIB:g} MiB ({peak:.1f})", peak < GOAL_RSS_MIB),
        (f"parse+aggregate, share of the pyexpat ceiling: {bare.cpu / parse.cpu:.2f}", True),
    ]
    if anchor is not None:
        ratio = anchor.wall / ours.wall
        verdicts.append(
            (
                f"end to end, process start included, vs healthkit-to-sqlite: {ratio:.2f}x wall, "
                f"{anchor.cpu / ours.cpu:.2f}x CPU (goal >= {GOAL_RATIO:g}x)",
                ratio >= GOAL_RATIO,
            )
        )
        if base is not None:
            verdicts.append(
                (
                    f"baseline tree vs healthkit-to-sqlite: {anchor.wall / base.wall:.2f}x wall, "
                    f"{anchor.cpu / base.cpu:.2f}x CPU",
                    True,
                )
            )
    else:
        verdicts.append(("healthkit-to-sqlite ratio: not measured (could not be installed)", True))
    if base is not None:
        verdicts.append(
            (
                f"this tree vs the baseline: {base.wall / ours.wall:.2f}x wall, "
                f"{base.cpu / ours.cpu:.2f}x CPU",
                True,
            )
        )
    failures = 0
    for text, ok in verdicts:
        failures += not ok
        print(f"{'ok ' if ok else 'MISS'} {text}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
