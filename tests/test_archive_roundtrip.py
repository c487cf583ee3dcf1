"""Export, erase, import, export again: the same files, except the moment of export."""

import json
import zipfile

import pytest
from click.testing import CliRunner

from fibrolog.accounts.services import create_account
from fibrolog.cli import main
from tests.archive_data import fill
from tests.conftest import PASSPHRASE


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _recreate_maya(out):
    assert run("erase", "--user", "maya", "--yes").exit_code == 0
    create_account("maya", PASSPHRASE)
    result = run("import", "fibrolog", str(out), "--user", "maya")
    assert result.exit_code == 0, result.output
    assert "Imported" in result.output


def _without_exported_at(text: str) -> str:
    doc = json.loads(text)
    doc.pop("exported_at")
    return json.dumps(doc, sort_keys=True)


def test_it_gives_back_an_identical_json_export(maya, sam, tmp_path):
    fill(maya)
    fill(sam, secret="sam-secret")
    before = tmp_path / "before.json"
    run("export", "--format", "json", "--out", str(before), "--user", "maya")
    _recreate_maya(before)
    after = tmp_path / "after.json"
    run("export", "--format", "json", "--out", str(after), "--user", "maya")
    assert _without_exported_at(after.read_text()) == _without_exported_at(before.read_text())
    old, new = before.read_text().splitlines(), after.read_text().splitlines()
    assert len(old) == len(new)
    differ = [a for a, b in zip(old, new, strict=True) if a != b]
    assert all(line.startswith(' "exported_at": ') for line in differ)


@pytest.mark.parametrize("name", ["export.zip", "export-folder"])
def test_it_gives_back_identical_csv_files(maya, tmp_path, name):
    fill(maya)
    before = tmp_path / f"before-{name}"
    run("export", "--format", "csv", "--out", str(before), "--user", "maya")
    _recreate_maya(before)
    after = tmp_path / f"after-{name}"
    run("export", "--format", "csv", "--out", str(after), "--user", "maya")

    def files(path):
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                return {n: archive.read(n) for n in archive.namelist()}
        return {p.name: p.read_bytes() for p in sorted(path.iterdir())}

    old, new = files(before), files(after)
    assert old.keys() == new.keys()
    changed = [n for n in old if old[n] != new[n]]
    assert changed in ([], ["fibrolog.json"])  # the manifest holds exported_at
    assert _without_exported_at(old["fibrolog.json"].decode()) == _without_exported_at(
        new["fibrolog.json"].decode()
    )
