"""The ingest package is pure: no Django, an explicit public API, and its metrics declared."""

import subprocess
import sys

from fibrolog import ingest
from fibrolog.catalogue import METRIC_KEYS


def test_it_imports_without_loading_django():
    code = (
        "import sys, fibrolog.ingest, fibrolog.ingest.fixtures.apple; "
        "bad = [m for m in sys.modules if m.startswith('django')]; "
        "sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr or "fibrolog.ingest loaded Django"


def test_it_exports_every_name_it_lists():
    for name in ingest.__all__:
        assert getattr(ingest, name) is not None, name


def test_it_offers_a_parser_for_every_import_kind_of_the_cli():
    assert set(ingest.KINDS) == {
        "apple-health", "fitbit", "oura", "samsung", "google-fit", "garmin",
        "bearable", "flaredown", "daylio", "csv",
    }  # fmt: skip
    for name, kind in ingest.KINDS.items():
        assert kind.name == name and callable(kind.parse) and kind.suffixes
        assert (kind.preview is not None) == (kind.step == "confirm"), name


def test_it_declares_new_metrics_without_clashing_with_the_catalogue():
    keys = [m.key for m in ingest.IMPORTED_METRICS]
    assert len(keys) == len(set(keys))
    assert not set(keys) & set(METRIC_KEYS)
    for metric in ingest.IMPORTED_METRICS:
        assert metric.low < metric.high and metric.unit and metric.worse
