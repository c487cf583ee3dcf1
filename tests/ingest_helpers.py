"""Shared by the ingest tests: where the shared sample files are, and fixture writers."""

from __future__ import annotations

from pathlib import Path

import pytest

from fibrolog.ingest.fixtures.apple import write_apple_xml, write_apple_zip

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def shared(relative: str) -> Path:
    """Return a shared sample file, or skip the test when the shared folder is absent."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"shared sample data not available ({path}): conformance test skipped")
    return path


def apple_xml(tmp_path: Path, name: str = "export.xml", **options: object) -> Path:
    path = tmp_path / name
    with path.open("w", encoding="utf-8") as out:
        write_apple_xml(out, **options)  # type: ignore[arg-type]
    return path


def apple_zip(tmp_path: Path, name: str = "export.zip", **options: object) -> Path:
    return write_apple_zip(tmp_path / name, **options)
