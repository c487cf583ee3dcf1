"""The import loader: writes records once, derives daily values, adds nothing the second time."""

from __future__ import annotations

from pathlib import Path

from fibrolog.diary.models import DailyValue, DayTag, Note
from fibrolog.imports.loader import run_import
from fibrolog.imports.models import RawSample
from fibrolog.imports.options import choices_to_json
from fibrolog.ingest import preview_bearable
from fibrolog.ingest.fixtures.apple import write_apple_xml
from fibrolog.ingest.fixtures.diaries import BEARABLE_V2, write
from fibrolog.treatments.models import Intake


def _apple(tmp_path: Path, days: int = 3) -> str:
    path = tmp_path / "export.xml"
    with path.open("w", encoding="utf-8") as out:
        write_apple_xml(out, days=days)
    return str(path)


def test_it_imports_apple_health_and_derives_daily_values(maya, tmp_path):
    summary = run_import(maya, "apple-health", _apple(tmp_path)).to_dict()
    assert summary["records_read"] > 1000
    assert summary["records_new"] == summary["records_read"]
    assert summary["errors"] == [] and summary["days_affected"] >= 3
    assert RawSample.objects.filter(user=maya).count() == summary["records_new"]
    keys = set(
        DailyValue.objects.filter(user=maya, source="apple-health").values_list(
            "metric__key", flat=True
        )
    )
    assert {"sleep_hours", "steps", "resting_hr"} <= keys


def test_it_adds_nothing_when_the_same_export_comes_again(maya, tmp_path):
    path = _apple(tmp_path)
    first = run_import(maya, "apple-health", path)
    values = DailyValue.objects.filter(user=maya).count()
    second = run_import(maya, "apple-health", path).to_dict()
    assert second["records_new"] == 0
    assert second["records_duplicate"] == first.records_read
    assert second["days_affected"] == 0
    assert DailyValue.objects.filter(user=maya).count() == values


def test_it_adds_only_the_new_days_of_a_longer_export(maya, tmp_path):
    run_import(maya, "apple-health", _apple(tmp_path, days=2))
    longer = tmp_path / "longer"
    longer.mkdir()
    summary = run_import(maya, "apple-health", _apple(longer, days=3)).to_dict()
    assert 0 < summary["records_new"] < summary["records_read"]


def test_it_never_lets_an_import_overwrite_what_she_logged(maya, tmp_path):
    from fibrolog.diary.services.checkin import day_state

    run_import(maya, "apple-health", _apple(tmp_path))
    day = DailyValue.objects.filter(user=maya, metric__key="sleep_hours").first().day
    from fibrolog.diary.services.checkin import DayChanges, save_day

    save_day(maya, day, DayChanges(values={"sleep_hours": 9.5}))
    run_import(maya, "apple-health", _apple(tmp_path))
    assert day_state(maya, day).values["sleep_hours"] == 9.5  # her own entry wins


def test_it_imports_a_bearable_export_with_the_confirmed_scales(maya, tmp_path):
    path = write(tmp_path / "bearable.csv", BEARABLE_V2)
    choices = preview_bearable(path).proposed
    summary = run_import(
        maya, "bearable", str(path), options={"choices": choices_to_json(choices)}
    ).to_dict()
    assert summary["records_new"] > 0
    assert DailyValue.objects.filter(user=maya, source="bearable", metric__key="pain").exists()
    assert DayTag.objects.filter(user=maya).exists()
    assert Intake.objects.filter(treatment__user=maya).exists()
    again = run_import(maya, "bearable", str(path), options={"choices": choices_to_json(choices)})
    assert again.records_new == 0
    assert Note.objects.filter(user=maya).count() <= 2


def test_it_stores_datetimes_that_read_back_and_match_as_the_orm_s_own(maya):
    # The import writes raw rows without the ORM: what it stores must be what the ORM reads and
    # what an ORM lookup compares against, to the microsecond and whatever the zone.
    from datetime import UTC, datetime, timedelta, timezone

    from fibrolog.imports.models import RawSample
    from fibrolog.imports.writers import samples
    from fibrolog.ingest import Sample

    moments = (
        datetime(2024, 1, 1, 0, 0, 30, tzinfo=timezone(timedelta(hours=1))),
        datetime(2024, 5, 1, 12, 3, 4, 123456, tzinfo=UTC),
    )
    batch = [
        Sample("apple-health", f"hr-{i}", "heart_rate", moment, moment + timedelta(seconds=1),
               60.0 + i, "count/min")
        for i, moment in enumerate(moments)
    ]  # fmt: skip
    assert samples(maya, batch) == 2
    for i, moment in enumerate(moments):
        row = RawSample.objects.get(user=maya, start=moment)
        assert (row.start, row.end, row.value) == (moment, moment + timedelta(seconds=1), 60 + i)
    assert RawSample.objects.filter(start__lt=moments[1]).count() == 1
