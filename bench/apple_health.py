"""Apple Health parse + daily aggregation: throughput and peak memory against the anchors.

Anchors (issue 6, specs/formats.md): throughput >= 3x healthkit-to-sqlite 1.0.1 on the same
file, >= 25 MB/s, against a bare pyexpat parse (the ceiling); peak RSS < 100 MiB. Each tool runs
in its own process and its peak RSS is read from wait4(). healthkit-to-sqlite is installed into a
throwaway venv under /tmp when it is not importable: it never becomes a project dependency.
The end-to-end import runs into SQLite and, when PostgreSQL's server programs are installed,
into a throwaway PostgreSQL cluster on a Unix socket (tests/postgres.py), removed afterwards.

Run with: make bench BENCH=apple_health
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.make_apple_health import make

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


def measured(command: list[str]) -> tuple[float, float, str]:
    """Run a command; return its wall time (s), peak RSS (MiB) and output."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    out = (child.stdout.read() if child.stdout else "") + (
        child.stderr.read() if child.stderr else ""
    )
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise RuntimeError(f"{command[:3]} failed: {out[-500:]}")
    return seconds, usage.ru_maxrss / 1024, out.strip()


def end_to_end(archive: Path, database_url: str = "") -> tuple[float, float, float, float]:
    """Import the zip with `fibrolog import` into a fresh database (SQLite file), then again."""
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "FIBROLOG_DATA_DIR": data}
        env.pop("DATABASE_URL", None)
        if database_url:
            env["DATABASE_URL"] = database_url
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
        saved = dict(os.environ)
        os.environ.update(env)
        try:
            command = [*cli, "import", "apple-health", str(archive), "--json"]
            first_s, first_rss, out = measured(command)
            again_s, again_rss, again = measured(command)
        finally:
            os.environ.clear()
            os.environ.update(saved)
        print(f"import: {out}")
        print(f"re-import: {again}")
    return first_s, first_rss, again_s, again_rss


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


def main() -> int:
    xml, archive = make(FOLDER)
    size_mb = xml.stat().st_size / 1e6
    print(f"synthetic export: {size_mb:.0f} MB of XML, zip {archive.stat().st_size / 1e6:.0f} MB")
    python = sys.executable
    rows = []
    bare_s, bare_rss, _ = measured([python, "-c", BARE, str(xml)])
    rows.append(("bare pyexpat parse (ceiling)", bare_s, bare_rss, ""))
    ours_s, ours_rss, out = measured([python, "-c", OURS, str(xml)])
    rows.append(("fibrolog parse+aggregate, xml", ours_s, ours_rss, out))
    zip_s, zip_rss, out = measured([python, "-c", OURS, str(archive)])
    rows.append(("fibrolog parse+aggregate, zip", zip_s, zip_rss, out))
    e2e_s, e2e_rss, again_s, again_rss = end_to_end(archive)
    rows.append(("fibrolog import into SQLite, zip", e2e_s, e2e_rss, ""))
    rows.append(("fibrolog re-import (nothing new)", again_s, again_rss, ""))
    pg = on_postgres(archive)
    if pg is not None:
        rows.append(("fibrolog import into PostgreSQL, zip", pg[0], pg[1], ""))
        rows.append(("fibrolog re-import, PostgreSQL", pg[2], pg[3], ""))
    hk = healthkit_to_sqlite()
    hk_s = None
    if hk is not None:
        with tempfile.TemporaryDirectory() as scratch:
            hk_s, hk_rss, _ = measured([hk, str(archive), os.path.join(scratch, "hk.db")])
        rows.append(("healthkit-to-sqlite 1.0.1, zip", hk_s, hk_rss, ""))
    for label, seconds, rss, note in rows:
        extra = f"  (samples, days: {note})" if note else ""
        speed = size_mb / seconds
        print(f"{label:34s} {seconds:7.2f} s {speed:7.1f} MB/s  peak RSS {rss:6.1f} MiB{extra}")
    ours_mbs = size_mb / e2e_s
    failures = 0
    verdicts = [
        (
            f"fibrolog end to end >= {GOAL_MBS:g} MB/s (import into SQLite: {ours_mbs:.1f})",
            ours_mbs >= GOAL_MBS,
        ),
        (
            f"fibrolog peak RSS < {GOAL_RSS_MIB:g} MiB ({max(ours_rss, zip_rss, e2e_rss):.1f})",
            max(ours_rss, zip_rss, e2e_rss) < GOAL_RSS_MIB,
        ),
        (f"share of the pyexpat ceiling: {bare_s / ours_s:.2f}", True),
    ]
    if hk_s is not None:
        ratio = hk_s / e2e_s
        verdicts.append(
            (
                f"end-to-end import vs healthkit-to-sqlite: {ratio:.1f}x (goal >= 3x)",
                ratio >= GOAL_RATIO,
            )
        )
    else:
        verdicts.append(("healthkit-to-sqlite ratio: not measured (could not be installed)", True))
    for text, ok in verdicts:
        failures += not ok
        print(f"{'ok ' if ok else 'MISS'} {text}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
