"""The JSON export holds everything Maya entered, by natural keys, in a stable order."""

import json
from datetime import UTC, datetime

from click.testing import CliRunner

from fibrolog.archive.export.document import document, dumps
from fibrolog.archive.registry import TABLES
from fibrolog.cli import main
from tests.archive_data import RISKY_NOTE, fill


def test_it_holds_a_row_of_every_table_maya_filled(maya):
    fill(maya)
    doc = document(maya)
    assert (doc["format"], doc["version"], doc["account"]) == ("fibrolog", 1, {"username": "maya"})
    for table in TABLES:
        if not table.name.startswith("experiment"):
            assert doc["tables"][table.name], f"{table.name} is empty"
    values = doc["tables"]["daily_values"]
    assert {"day": "2026-01-05", "metric": "pain", "source": "demo", "value": 9.0} in values
    assert doc["tables"]["metrics"][0]["key"] == "maya_secret_knee"
    assert RISKY_NOTE in [n["text"] for n in doc["tables"]["notes"]]
    regimens = doc["tables"]["regimens"]
    assert regimens[1] == {
        "treatment": "LDN",
        "start": "2026-01-09",
        "stop": None,
        "dose": 4.5,
        "note": "titrated",
    }
    phq9 = next(r for r in doc["tables"]["responses"] if r["instrument"] == "phq9")
    assert phq9["started_at"] == "2026-01-06T20:10:00.000000Z"
    assert phq9["completed_at"] == "2026-01-06T20:15:01.250000Z"
    assert phq9["answers"]["q9"] == 1 and phq9["version"] == "PHQ-9 (2001)"


def test_it_writes_no_database_id_and_no_password(maya):
    fill(maya)
    text = dumps(document(maya))
    assert '"id"' not in text and '"user"' not in text and '"owner"' not in text
    assert "argon2" not in text and "password" not in text


def test_it_differs_between_two_exports_only_in_exported_at(maya):
    fill(maya)
    first = document(maya, datetime(2026, 1, 1, tzinfo=UTC))
    second = document(maya, datetime(2027, 6, 1, tzinfo=UTC))
    assert first["exported_at"] != second["exported_at"]
    first.pop("exported_at"), second.pop("exported_at")
    assert dumps(first) == dumps(second)


def test_it_leaves_sams_data_out_of_mayas_export(maya, sam):
    fill(sam, secret="sam-secret")
    fill(maya)
    assert "sam-secret" not in dumps(document(maya))


def test_it_exports_from_the_command_line(maya, tmp_path):
    fill(maya)
    out = tmp_path / "maya.json"
    result = CliRunner().invoke(main, ["export", "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["tables"]["flares"][0]["severity"] == 3
    assert out.stat().st_mode & 0o077 == 0  # health data: readable by its owner only
