"""Stored Apple Health rows keep the keys and instants earlier versions wrote (issue 15, item 9).

The import's hot path was rewritten for speed; a person's database holds rows keyed by the
earlier code, so a re-import of the same file must still find them. The expected values are
computed here from the documented key recipe, independently of the parser.
"""

from __future__ import annotations

from datetime import UTC, datetime
from hashlib import blake2b
from pathlib import Path

from fibrolog.imports.loader import run_import
from fibrolog.imports.models import RawSample

RECORDS = (
    # type, source, start, end, value, unit
    ("HeartRate", "Maya\u2019s Apple\u00a0Watch", "2024-03-31 01:59:58 +0100",
     "2024-03-31 01:59:58 +0100", "71", "count/min"),
    ("StepCount", "Maya\u2019s iPhone", "2024-03-31 03:01:00 +0200",
     "2024-03-31 03:02:30 +0200", "42", "count"),
    ("StepCount", "Maya\u2019s iPhone", "2023-12-31 23:59:59 -0500",
     "2024-01-01 00:00:59 -0500", "7", "count"),
)  # fmt: skip


def _export(tmp_path: Path) -> Path:
    rows = "".join(
        f'<Record type="HKQuantityTypeIdentifier{hk}" sourceName="{source}" unit="{unit}" '
        f'startDate="{start}" endDate="{end}" value="{value}"/>\n'
        for hk, source, start, end, value, unit in RECORDS
    )
    path = tmp_path / "export.xml"
    path.write_text(f'<?xml version="1.0"?>\n<HealthData locale="en_GB">\n{rows}</HealthData>\n')
    return path


def _expected_key(hk: str, source: str, start: str, end: str, value: str) -> str:
    first, last = datetime.fromisoformat(start), datetime.fromisoformat(end)
    recipe = f"HKQuantityTypeIdentifier{hk}|{source}|{first.timestamp():.0f}|"
    recipe += f"{last.timestamp():.0f}|{value}"
    digest = blake2b(recipe.encode(), digest_size=12).hexdigest()
    utc = first.astimezone(UTC).replace(tzinfo=None).isoformat(" ")
    return f"{utc[:19]}.{digest}"


def test_rows_keep_the_keys_and_instants_of_earlier_versions(maya, tmp_path):
    summary = run_import(maya, "apple-health", str(_export(tmp_path)))
    assert summary.records_new == len(RECORDS)
    stored = {r.natural_key: r for r in RawSample.objects.filter(user=maya)}
    for hk, source, start, end, value, _ in RECORDS:
        row = stored[_expected_key(hk, source, start, end, value)]
        assert row.start == datetime.fromisoformat(start)
        assert row.end == datetime.fromisoformat(end)
        assert row.value == float(value)
    again = run_import(maya, "apple-health", str(_export(tmp_path)))
    assert again.records_new == 0
