"""Write a synthetic Apple Health export (~200 MB of XML by default) for the benchmark.

Run with: .venv/bin/python -m bench.make_apple_health [FOLDER] [DAYS]
"""

from __future__ import annotations

import sys
from pathlib import Path

from fibrolog.ingest.fixtures.apple import write_apple_xml, write_apple_zip

DAYS = 250  # about 0.8 MB of XML a day


def make(folder: Path, days: int = DAYS) -> tuple[Path, Path]:
    """Write export.xml and export.zip into `folder` unless they are there already."""
    folder.mkdir(parents=True, exist_ok=True)
    xml, archive = folder / "export.xml", folder / "export.zip"
    marker = folder / f".days-{days}"
    if not marker.exists():
        with xml.open("w", encoding="utf-8") as out:
            write_apple_xml(out, days=days, seed=7)
        write_apple_zip(archive, days=days, seed=7)
        marker.touch()
    return xml, archive


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/fibrolog-bench-apple")
    days = int(sys.argv[2]) if len(sys.argv) > 2 else DAYS
    for path in make(folder, days):
        print(f"{path}: {path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
