"""Any other CSV: Maya maps its columns; wrong encodings, columns and values are refused clearly."""

import pytest

from fibrolog.ingest import ColumnMap, DayEntry, DayTag, IngestError, Scale, csv_header, parse_csv
from fibrolog.ingest.fixtures import diaries

MAPPING = ColumnMap(
    date="Day",
    metrics={"Pain (1-5)": "pain", "Slept": "sleep_hours"},
    scales={"Pain (1-5)": Scale(1, 5)},
    tags="Triggers",
    note="Comment",
)


def values(records):
    return {(r.day.isoformat(), r.metric): r.value for r in records if isinstance(r, DayEntry)}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_it_reads_utf8_with_or_without_bom_and_utf16(tmp_path, encoding):
    path = diaries.write(tmp_path / "diary.csv", diaries.GENERIC, encoding)
    assert csv_header(path)[0] == "Day"
    records = list(parse_csv(path, MAPPING))
    assert values(records) == {
        ("2025-03-01", "pain"): 7.5,
        ("2025-03-01", "sleep_hours"): 7.5,
        ("2025-03-02", "sleep_hours"): 6.0,
        ("2025-03-02", "pain"): 2.5,
    }
    tags = {r.tag for r in records if isinstance(r, DayTag)}
    assert tags == {"stressful day", "rain", "travel"}


def test_it_names_the_line_of_bytes_that_are_not_utf8(tmp_path):
    path = diaries.write(
        tmp_path / "diary.csv", diaries.GENERIC.replace("rough", "rôugh"), "cp1252"
    )
    with pytest.raises(IngestError) as caught:
        list(parse_csv(path, MAPPING))
    assert (caught.value.line, caught.value.column) == (2, 31)  # the "ô" of "rôugh"
    assert "not UTF-8" in caught.value.message


def test_it_lists_the_missing_and_present_columns_before_reading_any_row(tmp_path):
    path = diaries.write(tmp_path / "diary.csv", diaries.GENERIC)
    wrong = ColumnMap(date="Date", metrics={"Pain": "pain"})
    with pytest.raises(IngestError) as caught:
        list(parse_csv(path, wrong))
    assert caught.value.line == 1
    assert "Date, Pain" in caught.value.message and "Day, Pain (1-5), Slept" in caught.value.message


def test_it_refuses_a_mapping_to_an_unknown_metric(tmp_path):
    path = diaries.write(tmp_path / "diary.csv", diaries.GENERIC)
    with pytest.raises(IngestError, match="unknown metric"):
        list(parse_csv(path, ColumnMap(date="Day", metrics={"Slept": "naps"})))


@pytest.mark.parametrize(("cell", "column"), [("40", 3), ("lots", 3), ("-1", 3)])
def test_it_refuses_absurd_values_with_their_row_and_column(tmp_path, cell, column):
    text = diaries.GENERIC.replace("2025-03-02,,6,,", f"2025-03-02,,{cell},,")
    path = diaries.write(tmp_path / "diary.csv", text)
    with pytest.raises(IngestError) as caught:
        list(parse_csv(path, MAPPING))
    assert (caught.value.line, caught.value.column) == (3, column)
    assert "Slept" in caught.value.message and "0-16" in caught.value.message


def test_it_refuses_a_row_with_more_cells_than_the_header(tmp_path):
    path = diaries.write(tmp_path / "diary.csv", diaries.GENERIC + "2025-03-04,1,2,3,4,5\n")
    with pytest.raises(IngestError, match="6 cells where the header has 5") as caught:
        list(parse_csv(path, MAPPING))
    assert caught.value.line == 5


def test_it_puts_an_entry_after_midnight_on_the_evening_before(tmp_path):
    path = diaries.write(tmp_path / "d.csv", "When,Pain\n2025-03-02 01:30,6\n2025-03-02 09:00,2\n")
    got = values(parse_csv(path, ColumnMap(date="When", metrics={"Pain": "pain"})))
    assert got == {("2025-03-01", "pain"): 6.0, ("2025-03-02", "pain"): 2.0}


def test_it_reads_dates_in_the_format_it_is_told(tmp_path):
    path = diaries.write(tmp_path / "d.csv", "Date;Mood\n03/02/2025;7\n")
    mapping = ColumnMap(date="Date", metrics={"Mood": "mood"}, date_format="%d/%m/%Y")
    assert values(parse_csv(path, mapping)) == {("2025-02-03", "mood"): 7.0}
