"""`fibrolog score`: score a CSV of questionnaire answers, one row per response (no Django)."""

from __future__ import annotations

import csv
import io
import re
import sys

import click

from fibrolog import instruments
from fibrolog.instruments import Instrument, Score
from fibrolog.lib.csvsafe import guard

FIXED_COLUMNS = ("total", "band", "valid", "missing", "flags")
INTEGER = re.compile(r"[+-]?\d+")


class InputError(click.ClickException):
    """Input that cannot be read at all."""

    exit_code = 2


@click.command()
@click.argument(
    "name", metavar="NAME", type=click.Choice(instruments.names(), case_sensitive=False)
)
@click.argument("file", metavar="FILE.csv", type=click.Path(dir_okay=False, allow_dash=True))
def score(name: str, file: str) -> None:
    """Score a CSV of answers to NAME: one row per response, one column per item key.

    NAME is one of: acr2010 acr2011 acr2016 fiqr phq9 gad7 phq15 peg (docs/instruments.md
    lists their item keys).

    FILE.csv is UTF-8 (a BOM is fine) with a header row; "-" reads standard input. An empty
    cell is an unanswered item; yes/no items take 0/1 or true/false. Other columns (ids) are
    passed through. The rows are written to standard output with the columns total, band,
    valid, missing, flags, the subscores and meets_criteria added. A row with an impossible
    answer is reported on standard error and left out; the exit status is then 1.

    Example: fibrolog score phq9 responses.csv > scored.csv
    """
    instrument = instruments.get(name)
    header, records = _parse(_read(file), file)
    columns = _item_columns(instrument, header, file)
    out = _Out()
    writer = csv.writer(out)
    writer.writerow([guard(cell) for cell in header] + _score_header(instrument))
    bad = 0
    for number, (line, cells) in enumerate(records, start=1):
        problems = _problems(instrument, columns, cells, len(header))
        if problems:
            bad += 1
            for problem in problems:
                click.echo(f"row {number} (line {line}): {problem}", err=True)
            continue
        padded = cells + [""] * (len(header) - len(cells))  # trimmed trailing cells: unanswered
        answers = {key: _value(padded[index]) for index, key in columns.items()}
        writer.writerow([guard(cell) for cell in padded] + _score_cells(instrument, answers))
    out.stream.flush()
    if bad:
        click.echo(f"{bad} bad row{'s' if bad > 1 else ''} left out.", err=True)
        raise SystemExit(1)


def _read(file: str) -> str:
    try:
        if file == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(file, "rb") as handle:
                data = handle.read()
    except OSError as exc:
        raise InputError(f"cannot read {file}: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{file} is not UTF-8 (byte {exc.start})") from None


def _parse(text: str, file: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Return the header and the non-blank rows, each with the CSV line it starts on."""
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[tuple[int, list[str]]] = []
    try:
        header = next(reader, None)
        line = reader.line_num + 1
        for cells in reader:
            if cells:
                records.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(f"{file} line {reader.line_num}: {exc}") from None
    if not header:
        raise InputError(f"{file} has no header row")
    return header, records


def _item_columns(instrument: Instrument, header: list[str], file: str) -> dict[int, str]:
    """Map column index to item key; every other column is passed through."""
    keys = set(instrument.keys)
    columns: dict[int, str] = {}
    for index, column in enumerate(header):
        key = column.strip().lower()
        if key in columns.values():
            raise InputError(f"column {key} appears twice in {file}")
        if key in keys:
            columns[index] = key
        elif key in _score_header(instrument):
            raise InputError(f"column {column!r} would clash with a score column; rename it")
    if not columns:
        expected = " ".join(instrument.keys)
        raise InputError(f"no column of {file} is a {instrument.name} item; expected: {expected}")
    absent = [i.key for i in instrument.items if not i.optional and i.key not in columns.values()]
    if absent:
        click.echo(f"warning: no column for {', '.join(absent)}: no row can be scored", err=True)
    return columns


def _problems(
    instrument: Instrument, columns: dict[int, str], cells: list[str], width: int
) -> list[str]:
    if len(cells) > width:
        return [f"{len(cells)} cells, but the header has {width}"]
    problems = []
    for index, key in columns.items():
        try:
            instrument.item(key).check(_value(cells[index] if index < len(cells) else ""))
        except ValueError as exc:
            problems.append(f"{key}: {exc}")
    return problems


def _value(cell: str) -> int | bool | None:
    """Return a cell as an answer: empty is None, true/false a bool, else a whole number."""
    text = cell.strip()
    if not text:
        return None
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    if INTEGER.fullmatch(text):
        return int(text)
    raise ValueError(f"{text!r} is not a whole number")


def _score_header(instrument: Instrument) -> list[str]:
    return [*FIXED_COLUMNS, *instrument.subscores, "meets_criteria"]


def _score_cells(instrument: Instrument, answers: dict[str, int | bool | None]) -> list[str]:
    result: Score = instrument.score(answers)
    subscores = [_text(result.subscores.get(name)) for name in instrument.subscores]
    return [
        _text(result.total),
        result.band or "",
        _text(result.valid),
        ";".join(result.missing),
        ";".join(result.flags),
        *subscores,
        _text(result.meets_criteria),
    ]


def _text(value: float | bool | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


class _Out:
    """Standard output as bytes, so the CSV's CRLF line ends reach it untranslated."""

    def __init__(self) -> None:
        self.stream = sys.stdout.buffer

    def write(self, text: str) -> int:
        self.stream.write(text.encode("utf-8"))
        return len(text)
