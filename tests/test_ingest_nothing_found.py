"""A file that gives nothing is an error that says what was expected and what the file holds."""

import zipfile

import pytest

from fibrolog.ingest import (
    Choices,
    ColumnMap,
    IngestError,
    Scale,
    parse_apple_health,
    parse_bearable,
    parse_csv,
    parse_daylio,
    parse_fitbit,
    parse_flaredown,
    parse_garmin,
    parse_google_fit,
    parse_oura,
    parse_samsung,
)
from fibrolog.ingest.fixtures import diaries

CONFIRMED = Choices(scales={"Mood": Scale(1, 10), "Symptom": Scale(0, 4)})


def zipped(path, **members):
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name.replace("__", "/"), text)
    return path


def test_it_names_the_columns_of_an_oura_file_it_cannot_read(tmp_path):
    path = diaries.write(tmp_path / "oura.csv", "date,Readiness Score,Temperature Deviation\n")
    with pytest.raises(IngestError) as caught:
        list(parse_oura(path))
    message = caught.value.message
    assert message.startswith("nothing to import: expected Oura's sleepmodel.csv")
    assert "Total Sleep Time" in message  # what was expected
    assert "date,Readiness Score,Temperature Deviation" in message  # what the file holds


def test_it_lists_the_files_of_a_zip_that_holds_nothing_it_reads(tmp_path):
    path = zipped(tmp_path / "fitbit.zip", Fitbit__profile_json="{}", Fitbit__badges_json="[]")
    with pytest.raises(IngestError, match=r"expected Fitbit files.*the zip holds Fitbit/profile"):
        list(parse_fitbit(path, tz="UTC"))


@pytest.mark.parametrize(
    ("parse", "text"),
    [
        (lambda p: parse_oura(p), "day;score\n2025-03-04;80\n"),
        (lambda p: parse_samsung(p), "a,b\n1,2\n"),
        (lambda p: parse_google_fit(p), "Date,Calories (kcal)\n2025-03-04,1800\n"),
        (
            lambda p: parse_bearable(p, choices=CONFIRMED),
            "date,date formatted,weekday,time of day,category,rating/amount,detail,notes\n"
            '"3rd Mar 2025","2025-03-03","Monday","pm","Gratitude","","my cat",""\n',
        ),
        (
            lambda p: parse_daylio(p, choices=CONFIRMED),
            "full_date,date,weekday,time,mood,activities,note_title,note\n",
        ),
        (lambda p: parse_flaredown(p, choices=CONFIRMED), "Date\n2025-03-04\n"),
        (lambda p: parse_csv(p, ColumnMap(date="Day", metrics={"Pain": "pain"})), "Day,Pain\n"),
    ],
)
def test_every_importer_refuses_a_file_that_gives_nothing(tmp_path, parse, text):
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        list(parse(path))
    assert caught.value.message.startswith("nothing to import: expected ")
    assert "holds" in caught.value.message or "not text" in caught.value.message


def test_it_refuses_an_apple_health_export_without_a_single_record_it_reads(tmp_path):
    path = tmp_path / "export.xml"
    path.write_text('<?xml version="1.0"?>\n<HealthData locale="en_GB">\n<Me/>\n</HealthData>\n')
    with pytest.raises(IngestError, match="nothing to import: expected Apple Health records"):
        list(parse_apple_health(path))


def test_it_refuses_a_garmin_zip_without_fit_files(tmp_path):
    path = zipped(tmp_path / "garmin.zip", DI_CONNECT__summary_json="[]")
    with pytest.raises(IngestError, match=r"expected Garmin .*the zip holds DI_CONNECT/summary"):
        list(parse_garmin(path))
