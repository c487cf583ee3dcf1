"""deploy/: docs/server.md shows exactly these files, and systemd accepts the units."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests import deploy

DOCS = deploy.ROOT / "docs" / "server.md"


def _fenced_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```[^\n]*\n(.*?)^```$", markdown, flags=re.M | re.S)


@pytest.mark.parametrize("name", deploy.FILES)
def test_the_server_guide_shows_the_file_exactly(name):
    docs = DOCS.read_text()
    assert f"`deploy/{name}`" in docs, f"docs/server.md does not name deploy/{name}"
    assert deploy.text(name) in _fenced_blocks(docs), (
        f"docs/server.md shows deploy/{name} differently: copy the file into its code block"
    )


def test_every_unit_shown_in_the_guide_is_a_file_in_deploy():
    shown = [b for b in _fenced_blocks(DOCS.read_text()) if "\n[Unit]\n" in f"\n{b}"]
    assert sorted(shown) == sorted(deploy.text(name) for name in deploy.UNITS)


def test_the_units_run_this_checkout_through_the_env_file():
    for name in ("fibrolog-web.service", "fibrolog-worker.service", "fibrolog-backup.service"):
        unit = deploy.text(name)
        assert "EnvironmentFile=/etc/fibrolog/fibrolog.env" in unit
        assert "User=fibrolog" in unit
        for command in deploy.commands(unit, "ExecStartPre", "ExecStart"):
            assert deploy.EXE in " ".join(command), command
    web = deploy.commands(deploy.text("fibrolog-web.service"), "ExecStart")
    assert web == [[deploy.EXE, "serve", "--no-worker", "--host", "127.0.0.1", "--port", "8000"]]
    worker = deploy.commands(deploy.text("fibrolog-worker.service"), "ExecStart")
    assert worker == [[deploy.EXE, "worker"]]
    variables = deploy.environment(deploy.text("fibrolog.env"))
    assert variables["FIBROLOG_PUBLIC_URL"] == f"https://{deploy.SITE}"
    assert variables["FIBROLOG_BEHIND_PROXY"] == "1"


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed")
def test_systemd_accepts_the_units(tmp_path):
    # systemd-analyze wants every ExecStart program to exist: point them at this interpreter.
    for name in deploy.UNITS:
        unit = deploy.text(name)
        if deploy.EXE in unit:
            unit = deploy.render(name, {deploy.EXE: deploy.RUN_HERE})
        (tmp_path / name).write_text(unit)
    done = subprocess.run(
        ["systemd-analyze", "verify", *(str(tmp_path / name) for name in deploy.UNITS)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    # An unknown or misspelt key is only a warning (exit 0): any output at all fails the test.
    assert done.returncode == 0 and not (done.stdout + done.stderr).strip(), done.stderr


def test_a_shell_reads_the_environment_file_as_systemd_does(tmp_path):
    # docs/server.md runs admin commands with `set -a; . /etc/fibrolog/fibrolog.env`.
    script = 'set -a; . "$1"; exec env'
    done = subprocess.run(
        ["sh", "-c", script, "sh", str(deploy.DEPLOY / "fibrolog.env")],
        env={"PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    seen = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
    expected = deploy.environment(deploy.text("fibrolog.env"))
    assert {name: seen.get(name) for name in expected} == expected
