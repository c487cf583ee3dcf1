"""One registry of import kinds: the CLI, the upload form, the loader and the docs all follow it."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fibrolog.cli.import_ import import_
from fibrolog.imports.forms import UploadForm
from fibrolog.ingest import KINDS, IngestError, Scale, preview_bearable
from fibrolog.ingest.answers import MOOD, NAME, SCALE, answer_preview, column_map, missing
from fibrolog.ingest.daylio import preview_daylio
from fibrolog.ingest.fixtures.diaries import BEARABLE_V2, write
from fibrolog.ingest.kinds import Context, docs_table, kind

DOCS = Path(__file__).resolve().parents[1] / "docs" / "importing.md"

DAYLIO = """full_date,date,weekday,time,mood,activities,note_title,note
2025-04-03,April 3,Thursday,20:15,super,walk,,
2025-04-02,April 2,Wednesday,09:30,good,,,
"""


def test_it_documents_exactly_the_kinds_it_has():
    lines = DOCS.read_text(encoding="utf-8").splitlines()
    start = lines.index(docs_table().splitlines()[0])
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith("|"))
    assert "\n".join(lines[start:end]) == docs_table(), (
        "docs/importing.md's table of sources is not the registry's: paste the output of "
        "fibrolog.ingest.kinds.docs_table() into it"
    )
    listed = [row.split("`")[1] for row in lines[start + 2 : end]]
    assert listed == list(KINDS)


def test_it_offers_every_kind_on_the_command_line_and_nothing_else():
    argument = next(p for p in import_.params if p.name == "kind")
    assert set(argument.type.choices) == {*KINDS, "fibrolog"}  # fibrolog: the app's own export


def test_it_offers_every_kind_in_the_upload_form_with_its_label():
    field = UploadForm().fields["kind"]
    assert list(field.choices) == [(k.name, k.label) for k in KINDS.values()]


def test_it_refuses_an_upload_whose_name_does_not_fit_the_kind(db):
    upload = SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff")
    form = UploadForm({"kind": "daylio"}, {"file": upload})
    assert not form.is_valid()
    assert form.errors["file"] == ["Daylio files end in .csv."]
    fits = UploadForm({"kind": "apple-health"}, {"file": SimpleUploadedFile("Export.ZIP", b"PK")})
    assert fits.is_valid(), fits.errors


def test_it_names_the_kinds_there_are_when_asked_for_another():
    with pytest.raises(ValueError, match="unknown import kind 'myfitnesspal'; choose one of apple"):
        kind("myfitnesspal")


def test_it_will_not_read_a_csv_before_its_columns_are_given(tmp_path):
    path = tmp_path / "diary.csv"
    path.write_text("Day,Pain\n2025-03-01,4\n")
    with pytest.raises(IngestError, match="which column holds what"):
        list(kind("csv").parse(str(path), Context()))


def test_it_reads_daylio_with_the_clock_of_the_context(tmp_path):
    path = tmp_path / "daylio.csv"
    path.write_text(DAYLIO)
    preview = kind("daylio").preview(str(path), Context(day_start_hour=10))
    assert preview.first_day.isoformat() == "2025-04-01"  # 09:30 is before a 10:00 day start


def test_it_changes_the_proposal_only_where_an_answer_is_given(tmp_path):
    path = tmp_path / "daylio.csv"
    path.write_text(DAYLIO)
    preview = preview_daylio(str(path))
    assert missing(preview, preview.proposed) == [
        "place each mood on 0-10 with --map mood:LABEL=N ('super')"
    ]
    choices = answer_preview(preview, (MOOD,), ["mood:SUPER=8.5"])
    assert dict(choices.labels) == {"good": 7.5, "super": 8.5}
    assert missing(preview, choices) == []
    with pytest.raises(ValueError, match="this file takes --map mood:LABEL=N"):
        answer_preview(preview, (MOOD,), ["Fatigue=fatigue"])
    with pytest.raises(ValueError, match="--map 'mood:super': write --map mood:LABEL=N"):
        answer_preview(preview, (MOOD, NAME), ["mood:super"])


def test_it_reads_a_column_map_whose_column_names_hold_an_equals_sign():
    mapping = column_map(["date=Day", "Pain (0=none)=pain", "tags=Triggers"], "%d/%m/%Y")
    assert mapping == {
        "date": "Day",
        "metrics": {"Pain (0=none)": "pain"},
        "tags": "Triggers",
        "date_format": "%d/%m/%Y",
    }


def test_it_takes_a_scale_and_a_symptom_name_for_bearable(tmp_path):
    path = write(tmp_path / "bearable.csv", BEARABLE_V2)
    preview = preview_bearable(path)
    pairs = ["scale:energy=0-4 reversed", "Itchy eyes=tag", "Neck pain=stiffness"]
    choices = answer_preview(preview, (SCALE, NAME), pairs)
    assert choices.scales["Energy"] == Scale(0, 4, reverse=True)
    assert choices.scales["Mood"] == preview.proposed.scales["Mood"]
    assert choices.metrics["Itchy eyes"] is None and choices.metrics["Neck pain"] == "stiffness"
    with pytest.raises(
        ValueError, match="--map 'scale:Mood=10-1': write --map scale:NAME=LOW-HIGH"
    ):
        answer_preview(preview, (SCALE, NAME), ["scale:Mood=10-1"])
    with pytest.raises(ValueError, match="no scale 'Pain' \\(it has 'Mood', 'Energy'"):
        answer_preview(preview, (SCALE, NAME), ["scale:Pain=0-10"])
