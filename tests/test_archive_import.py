"""Import goes into an empty account only, all or nothing, and says clearly what is wrong."""

import json
import zipfile

import pytest
from click.testing import CliRunner

from fibrolog.archive.export.document import document, dumps
from fibrolog.archive.restore.document import ArchiveError, import_document
from fibrolog.cli import main
from fibrolog.cli.import_ import IMPORTERS, import_
from fibrolog.diary.models import DailyValue, Note, Tag
from tests.archive_data import fill


def _export_of_a_filled_account(sam):
    fill(sam, secret="sam-secret")
    return json.loads(dumps(document(sam)))


def test_it_refuses_an_account_that_already_has_data(maya, sam, tmp_path):
    path = tmp_path / "sam.json"
    path.write_text(dumps(_export_of_a_filled_account(sam)))
    DailyValue.objects.create(user=maya, metric_id=1, day="2026-02-01", value=3)
    result = CliRunner().invoke(main, ["import", "fibrolog", str(path), "--user", "maya"])
    assert result.exit_code == 1
    assert "already has data (daily values)" in result.output
    assert "an import goes into an empty account only" in result.output
    assert DailyValue.objects.filter(user=maya).count() == 1


def test_it_counts_an_untouched_new_account_as_empty(maya, sam):
    doc = _export_of_a_filled_account(sam)
    counts = import_document(maya, doc)
    assert counts["daily_values"] == DailyValue.objects.filter(user=maya).count() == 21
    assert set(Tag.objects.filter(user=maya).values_list("name", flat=True)) == set(
        Tag.objects.filter(user=sam).values_list("name", flat=True)
    )


def test_it_changes_nothing_when_a_row_is_wrong(maya, sam):
    doc = _export_of_a_filled_account(sam)
    doc["tables"]["daily_values"][-1]["value"] = 42
    with pytest.raises(ArchiveError, match=r"daily_values row 21: value 42 is outside \S+ 0-10"):
        import_document(maya, doc)
    assert not Note.objects.filter(user=maya).exists()
    assert Tag.objects.filter(user=maya).count() == 10  # the starter tags are still there


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="other"), "not a fibrolog export"),
        (lambda d: d.update(version=99), "export version 99"),
        (lambda d: d["tables"].update(secrets=[]), "does not know"),
        (lambda d: d["tables"]["notes"][0].update(mood="x"), "notes row 1: unknown field 'mood'"),
        (lambda d: d["tables"]["notes"][0].update(day="5 Jan"), "notes row 1: day"),
        (lambda d: d["tables"]["intakes"][0].update(treatment="Nope"), "refers to 'Nope'"),
        (lambda d: d["tables"]["flares"][0].update(severity=7), "flares row 1: severity"),
    ],
)
def test_it_names_the_table_row_and_field_of_a_bad_file(maya, sam, change, message):
    doc = _export_of_a_filled_account(sam)
    change(doc)
    with pytest.raises(ArchiveError, match=message):
        import_document(maya, doc)


def test_it_refuses_a_zip_with_entries_fibrolog_never_writes(maya, tmp_path):
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("fibrolog.json", "{}")
        archive.writestr("../../etc/cron.d/x", "boom")
    result = CliRunner().invoke(main, ["import", "fibrolog", str(path)])
    assert result.exit_code == 1 and "unexpected entry '../../etc/cron.d/x'" in result.output


def test_it_offers_import_kinds_from_one_table_others_can_extend():
    assert "fibrolog" in IMPORTERS
    kind = next(p for p in import_.params if p.name == "kind")
    assert list(kind.type.choices) == sorted(IMPORTERS)
