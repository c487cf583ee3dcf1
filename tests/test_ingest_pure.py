"""The ingest package: an explicit public API, a parser per import kind, its metrics declared."""

import inspect

from fibrolog import ingest
from fibrolog.catalogue import METRIC_KEYS


def test_it_lists_only_names_ingest_defines():
    for name in ingest.__all__:
        value = getattr(ingest, name)  # a listed name that does not load raises here
        if inspect.isclass(value) or inspect.isfunction(value):
            assert value.__module__.startswith("fibrolog.ingest."), (name, value.__module__)


def test_it_lists_every_parser_and_type_it_imports():
    defined_here = {
        name
        for name, value in vars(ingest).items()
        if (inspect.isclass(value) or inspect.isfunction(value))
        and value.__module__.startswith("fibrolog.ingest.")
    }
    assert defined_here <= set(ingest.__all__)


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
