"""CSV export: RFC 4180, formula-like text neutralised, numbers kept as numbers, a wide diary."""

import csv
import io

from fibrolog.archive.export.csv_files import files
from tests.archive_data import RISKY_NOTE, fill


def _table(parts, name):
    return list(csv.reader(io.StringIO(parts[name].decode("utf-8"), newline="")))


def test_it_quotes_a_formula_and_keeps_quotes_commas_and_line_breaks(maya):
    fill(maya)
    parts, _ = files(maya)
    notes = _table(parts, "notes.csv")
    assert notes[0] == ["day", "text"]
    assert notes[1] == ["2026-01-05", "'" + RISKY_NOTE]
    raw = parts["notes.csv"].decode()
    assert raw.startswith("day,text\r\n")
    assert '"\'=HYPERLINK(""http://evil.example"",""click"") and ""quotes"", commas\r\n' in raw


def test_it_keeps_numbers_as_numbers_even_when_negative(maya):
    fill(maya)
    parts, _ = files(maya)
    tags = _table(parts, "tags.csv")
    assert ["'-maya-secret-tag", "false"] in tags  # a text cell starting with - is quoted
    values = parts["daily_values.csv"].decode()
    assert "pain,2026-01-05,9.0,demo\r\n" in values  # an unquoted number
    regimens = _table(parts, "regimens.csv")
    assert regimens[1] == ["LDN", "2026-01-05", "2026-01-08", "1.5", ""]


def test_it_writes_a_wide_diary_with_a_column_per_metric_and_manual_values_first(maya):
    fill(maya)
    parts, counts = files(maya)
    diary = _table(parts, "diary.csv")
    assert diary[0] == ["date", "pain", "maya_secret_knee"]
    assert diary[1] == ["2026-01-05", "0.5", "0.0"]  # the manual 0.5 wins over the demo 9
    assert len(diary) == 11 and counts["daily_values"] == 21
