"""Streaming importers: files people bring become plain records with a source and natural key.

Pure Python, no Django. Each `parse_KIND(path_or_file, ...)` yields frozen records (`Sample`,
`DayEntry`, `DayTag`, `DayNote`, `Intake`) in a stable order with keys that are identical when
the same export is imported again; `aggregate()` turns samples into daily values. `KINDS` names
every kind of file (`fibrolog.ingest.kinds`: its parser, label and what is asked first). Diary apps
whose scales the file does not state are previewed first (`preview_KIND`) and parsed with the
person's confirmed `Choices`. Broken or hostile files raise `IngestError(file, message, line,
column)`.

Example::

    from fibrolog import ingest

    samples = ingest.parse_apple_health("export.zip", progress=print)
    days = ingest.aggregate(samples, tz="Europe/London", day_start_hour=4)
"""

from __future__ import annotations

from fibrolog.catalogue import IMPORTED_METRICS
from fibrolog.ingest.apple_health import parse_apple_health
from fibrolog.ingest.bearable import parse_bearable, preview_bearable
from fibrolog.ingest.daily import DailyAggregator, aggregate
from fibrolog.ingest.daylio import parse_daylio, preview_daylio
from fibrolog.ingest.fitbit import parse_fitbit
from fibrolog.ingest.flaredown import parse_flaredown, preview_flaredown
from fibrolog.ingest.generic_csv import ColumnMap, csv_header, parse_csv
from fibrolog.ingest.google_fit import parse_google_fit
from fibrolog.ingest.kinds import KINDS, ImportKind
from fibrolog.ingest.metrics import ParseStats
from fibrolog.ingest.oura import parse_oura
from fibrolog.ingest.preview import (
    Choices,
    LabelQuestion,
    NameQuestion,
    Preview,
    Scale,
    ScaleQuestion,
)
from fibrolog.ingest.records import DayEntry, DayNote, DayTag, IngestError, Intake, Record, Sample
from fibrolog.ingest.safezip import SafeZip, ZipLimits
from fibrolog.ingest.samsung import parse_samsung
from fibrolog.ingest.weather import (
    ATTRIBUTION,
    RateLimited,
    WeatherError,
    archive_url,
    daily_weather,
    fetch_weather,
    urllib_fetcher,
)

__all__ = [
    "ATTRIBUTION",
    "IMPORTED_METRICS",
    "KINDS",
    "Choices",
    "ColumnMap",
    "DailyAggregator",
    "DayEntry",
    "DayNote",
    "DayTag",
    "ImportKind",
    "IngestError",
    "Intake",
    "LabelQuestion",
    "NameQuestion",
    "ParseStats",
    "Preview",
    "RateLimited",
    "Record",
    "SafeZip",
    "Sample",
    "Scale",
    "ScaleQuestion",
    "WeatherError",
    "ZipLimits",
    "aggregate",
    "archive_url",
    "csv_header",
    "daily_weather",
    "fetch_weather",
    "parse_apple_health",
    "parse_bearable",
    "parse_csv",
    "parse_daylio",
    "parse_fitbit",
    "parse_flaredown",
    "parse_garmin",
    "parse_google_fit",
    "parse_oura",
    "parse_samsung",
    "preview_bearable",
    "preview_daylio",
    "preview_flaredown",
    "urllib_fetcher",
]


def __getattr__(name: str) -> object:
    # Garmin's decoder is imported only when asked for: most imports never need it.
    if name == "parse_garmin":
        from fibrolog.ingest.garmin import parse_garmin

        return parse_garmin
    raise AttributeError(name)
