"""Write a synthetic Apple Health export for the benchmark: about `mb` MB of XML of one mix.

Mixes: "hr-steps" (the default: heart-rate and step samples dominate, as from a watch worn all
day) and "full" (every kind of record fibrolog reads, with energy and distance samples).

Run with: .venv/bin/python -m bench.make_apple_health [FOLDER] [MB] [MIX]
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from fibrolog.ingest.fixtures.apple import write_apple_xml, write_apple_zip

MB = 64
MIX = "hr-steps"


def days_for(mb: float, mix: str) -> int:
    """Return how many days of `mix` make about `mb` MB of XML (measured on a sample week)."""
    sample = io.StringIO()
    write_apple_xml(sample, days=7, seed=7, mix=mix)
    per_day = len(sample.getvalue().encode()) / 7
    return max(1, round(mb * 1e6 / per_day))


def make(folder: Path, mb: float = MB, mix: str = MIX) -> tuple[Path, Path]:
    """Write export.xml and export.zip into `folder` unless that size and mix are there."""
    folder.mkdir(parents=True, exist_ok=True)
    xml, archive = folder / "export.xml", folder / "export.zip"
    marker = folder / f".{mix}-{mb:g}MB"
    if not marker.exists():
        for old in folder.glob(".*MB"):
            old.unlink()
        days = days_for(mb, mix)
        with xml.open("w", encoding="utf-8") as out:
            write_apple_xml(out, days=days, seed=7, mix=mix)
        write_apple_zip(archive, days=days, seed=7, mix=mix)
        marker.touch()
    return xml, archive


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/fibrolog-bench-apple")
    mb = float(sys.argv[2]) if len(sys.argv) > 2 else MB
    mix = sys.argv[3] if len(sys.argv) > 3 else MIX
    for path in make(folder, mb, mix):
        print(f"{path}: {path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
