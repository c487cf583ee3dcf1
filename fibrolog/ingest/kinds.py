"""The import kinds, one entry each: they drive the CLI, the upload form, the loader and the docs.

Adding a kind is adding one `ImportKind` to `KINDS`: its parser, how it is named on the command
line and in the upload form, which files it takes, whether the person confirms a preview (and
which answers she may give on the command line), and the row of the table in docs/importing.md.

Example::

    from fibrolog.ingest.kinds import Context, kind

    records = kind("fitbit").parse("takeout.zip", Context(tz="Europe/London"))
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from fibrolog.ingest.answers import COLUMN, DATE_FORMAT, MOOD, NAME, PERSON, SCALE, Answer
from fibrolog.ingest.apple_health import parse_apple_health
from fibrolog.ingest.bearable import parse_bearable, preview_bearable
from fibrolog.ingest.daylio import parse_daylio, preview_daylio
from fibrolog.ingest.fitbit import parse_fitbit
from fibrolog.ingest.flaredown import parse_flaredown, preview_flaredown
from fibrolog.ingest.generic_csv import ColumnMap, parse_csv
from fibrolog.ingest.google_fit import parse_google_fit
from fibrolog.ingest.oura import parse_oura
from fibrolog.ingest.preview import Choices, Preview
from fibrolog.ingest.records import IngestError, Progress, Record
from fibrolog.ingest.samsung import parse_samsung
from fibrolog.ingest.sources import Input, display_name

__all__ = ["COLUMNS", "CONFIRM", "KINDS", "Context", "ImportKind", "docs_table", "kind"]

CONFIRM = "confirm"  # a preview is shown and the person confirms scales, names, moods, person
COLUMNS = "columns"  # the person says what each column holds


@dataclass(frozen=True)
class Context:
    """What a parser may need besides the file: the person's clock and confirmed answers."""

    tz: str = "UTC"
    day_start_hour: int = 4
    choices: Choices = field(default_factory=Choices)
    mapping: ColumnMap | None = None
    progress: Progress | None = None


Parse = Callable[[Input, Context], Iterator[Record]]
PreviewOf = Callable[[Input, Context], Preview]


@dataclass(frozen=True)
class ImportKind:
    """One kind of file people bring: how it is named, read, confirmed and documented."""

    name: str  # on the command line and in stored jobs: "apple-health"
    title: str  # the source, in the docs table: "Apple Health"
    label: str  # in the upload form
    parse: Parse
    suffixes: tuple[str, ...]  # the file name endings an upload may have
    files: str  # the file to bring (docs)
    gives: str  # what becomes part of the diary (docs)
    step: str = ""  # "", CONFIRM or COLUMNS: what the person answers before the import runs
    preview: PreviewOf | None = None  # for CONFIRM: the questions and the proposed answers
    answers: tuple[Answer, ...] = ()  # the answers the command line takes for this kind

    def accepts(self, filename: str) -> bool:
        """Return True when an uploaded file's name has one of this kind's endings."""
        return filename.lower().endswith(self.suffixes)


def _garmin(src: Input, ctx: Context) -> Iterator[Record]:
    from fibrolog.ingest.garmin import parse_garmin  # its decoder loads only when needed

    return parse_garmin(src, progress=ctx.progress)


def _csv(src: Input, ctx: Context) -> Iterator[Record]:
    if ctx.mapping is None:
        raise IngestError(display_name(src), "say which column holds what before importing")
    return parse_csv(src, ctx.mapping, progress=ctx.progress)


_CONFIRMED = (SCALE, NAME)

KINDS: dict[str, ImportKind] = {
    k.name: k
    for k in (
        ImportKind(
            "apple-health",
            "Apple Health",
            "Apple Health (export.zip or export.xml)",
            lambda src, ctx: parse_apple_health(src, progress=ctx.progress),
            (".zip", ".xml"),
            "`export.zip` (or the `export.xml` inside it)",
            "sleep and its stages, steps, resting heart rate, HRV (SDNN), exercise minutes, "
            "workouts, mindful minutes; heart rate, breathing rate, blood oxygen and wrist "
            "temperature are kept as readings",
        ),
        ImportKind(
            "fitbit",
            "Fitbit",
            "Fitbit / Google Takeout (zip)",
            lambda src, ctx: parse_fitbit(src, tz=ctx.tz, progress=ctx.progress),
            (".zip", ".json", ".csv"),
            "the account archive zip, or Google Takeout's `Fitbit` folder",
            "sleep stages, heart rate, steps, resting heart rate, HRV (RMSSD), sleep score",
        ),
        ImportKind(
            "oura",
            "Oura",
            "Oura (CSV or zip)",
            lambda src, ctx: parse_oura(src, progress=ctx.progress),
            (".zip", ".csv"),
            "the export zip of CSVs, or the older trends CSV (2020 layout included)",
            "sleep hours and stages, naps, time in bed, HRV (RMSSD), lowest heart rate, steps, "
            "sleep score",
        ),
        ImportKind(
            "samsung",
            "Samsung Health",
            "Samsung Health (zip)",
            lambda src, ctx: parse_samsung(src, progress=ctx.progress),
            (".zip", ".csv"),
            "the export zip or folder (`com.samsung...csv` files)",
            "sleep stages and sessions, heart rate, daily steps, stress score, exercise",
        ),
        ImportKind(
            "google-fit",
            "Google Fit",
            "Google Fit (Takeout zip)",
            lambda src, ctx: parse_google_fit(src, progress=ctx.progress),
            (".zip", ".csv"),
            "Takeout (`Daily activity metrics.csv`)",
            "steps, move minutes, sleep",
        ),
        ImportKind(
            "garmin",
            "Garmin",
            "Garmin (.fit files or zip)",
            _garmin,
            (".fit", ".zip"),
            "`.fit` files (one, or a zip or folder of them), or the Garmin Connect account export",
            "heart rate, all-day steps, workouts; from the account export: sleep and its stages, "
            "daily steps, resting heart rate, intensity minutes",
        ),
        ImportKind(
            "bearable",
            "Bearable",
            "Bearable (CSV)",
            lambda src, ctx: parse_bearable(src, choices=ctx.choices, progress=ctx.progress),
            (".csv",),
            "the CSV export (either layout)",
            "mood, energy (as fatigue), sleep hours and quality, symptoms, medication, factors "
            "as tags, notes",
            CONFIRM,
            lambda src, ctx: preview_bearable(src),
            _CONFIRMED,
        ),
        ImportKind(
            "flaredown",
            "Flaredown",
            "Flaredown (CSV)",
            lambda src, ctx: parse_flaredown(src, choices=ctx.choices, progress=ctx.progress),
            (".csv",),
            "the in-app CSV, or a research dump",
            "conditions and symptoms, treatments (with doses, and days not taken), tags, foods (as "
            '"food: ..." tags)',
            CONFIRM,
            lambda src, ctx: preview_flaredown(src),
            (*_CONFIRMED, PERSON),
        ),
        ImportKind(
            "daylio",
            "Daylio",
            "Daylio (CSV)",
            lambda src, ctx: parse_daylio(
                src, choices=ctx.choices, day_start_hour=ctx.day_start_hour, progress=ctx.progress
            ),
            (".csv",),
            "the CSV export",
            "mood, activities as tags, notes",
            CONFIRM,
            lambda src, ctx: preview_daylio(src, ctx.day_start_hour),
            (MOOD,),
        ),
        ImportKind(
            "csv",
            "any CSV",
            "Another spreadsheet (CSV): choose the columns next",
            _csv,
            (".csv", ".txt"),
            "a file with a header line",
            "the columns you map",
            COLUMNS,
            answers=(COLUMN, DATE_FORMAT),
        ),
    )
}


def kind(name: str) -> ImportKind:
    """Return the import kind called `name`; raise ValueError naming the kinds there are."""
    try:
        return KINDS[name]
    except KeyError:
        choose = ", ".join(KINDS)
        raise ValueError(f"unknown import kind {name!r}; choose one of {choose}") from None


def docs_table() -> str:
    """Return the Markdown table of docs/importing.md: one row per kind, in registry order."""
    lines = [
        "| kind | source | the file to bring | what becomes part of your diary |",
        "|---|---|---|---|",
    ]
    lines += [f"| `{k.name}` | {k.title} | {k.files} | {k.gives} |" for k in KINDS.values()]
    return "\n".join(lines)
