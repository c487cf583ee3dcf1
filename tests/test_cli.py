"""The fibrolog command: user create, log, demo; every command documented with an example."""

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from fibrolog.accounts.services import today_for
from fibrolog.cli import main
from fibrolog.diary.models import DailyValue, Note
from fibrolog.diary.services.checkin import day_state


def _commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


@pytest.mark.parametrize(("path", "command"), list(_commands(main)), ids=lambda x: str(x))
def test_it_documents_every_command_with_an_example(path, command):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output, f"fibrolog {' '.join(path)} --help has no example"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_it_creates_a_user_from_stdin(db):
    result = run("user", "create", "maya", "--password-stdin", input="lavender window quietly\n")
    assert result.exit_code == 0, result.output
    from django.contrib.auth import authenticate

    assert authenticate(username="maya", password="lavender window quietly") is not None


def test_it_refuses_a_short_password_and_a_taken_name(maya):
    assert "too short" in run("user", "create", "al", "--password-stdin", input="abc\n").output
    result = run("user", "create", "maya", "--password-stdin", input="another long passphrase\n")
    assert result.exit_code == 1 and "already exists" in result.output


def test_it_logs_today_for_the_only_account(maya):
    result = run("log", "pain=6", "fatigue=7", "--tag", "poor sleep", "--note", "Bad night")
    assert result.exit_code == 0, result.output
    state = day_state(maya, today_for(maya))
    assert state.values == {"pain": 6, "fatigue": 7}
    assert state.tags == {"poor sleep"} and state.note == "Bad night"


def test_it_logs_a_past_date_and_updates_it_on_a_second_run(maya):
    run("log", "pain=6", "--date", "2026-01-05")
    run("log", "pain=3", "--date", "2026-01-05", "--note", "second thoughts")
    assert DailyValue.objects.get(user=maya).value == 3
    assert Note.objects.get(user=maya).text == "second thoughts"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["pain=11"], "Pain must be between 0 and 10; got 11."),
        (["pain=6", "dose=abc"], "'dose' is not a metric"),
        (["pain"], "write METRIC=VALUE"),
        (["pain=5", "--date", "3000-01-01"], "--date: 3000-01-01 is in the future"),
        (["pain=5", "--taken", "unicorn tears"], "Treatment 'unicorn tears' not found"),
    ],
)
def test_it_refuses_bad_input_and_saves_nothing(maya, args, message):
    result = run("log", *args, "--tag", "should not stay")
    assert result.exit_code == 1
    assert message in result.output
    assert not DailyValue.objects.exists()
    assert day_state(maya, today_for(maya)).tags == frozenset()


def test_it_says_when_there_is_nothing_to_log(maya):
    result = run("log")
    assert result.exit_code == 1 and "Nothing to log" in result.output


def test_it_asks_which_account_when_there_are_several(maya, sam):
    result = run("log", "pain=5")
    assert result.exit_code == 2 and "--user NAME" in result.output
    assert run("log", "pain=5", "--user", "sam").exit_code == 0


def test_it_writes_a_demo_diary_into_a_new_account(db):
    result = run("demo", "--user", "demo", "--years", "1", "--seed", "3")
    assert result.exit_code == 0, result.output
    assert DailyValue.objects.filter(user__username="demo", metric__key="pain").count() > 250
    again = run("demo", "--user", "demo", "--years", "1")
    assert again.exit_code == 1 and "already has diary data" in again.output


def test_it_works_end_to_end_as_a_real_command(tmp_path: Path):
    env = {**os.environ, "FIBROLOG_DATA_DIR": str(tmp_path)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    exe = [sys.executable, "-m", "fibrolog"]

    def sh(*args, input=None):
        return subprocess.run(
            [*exe, *args], env=env, input=input, text=True, capture_output=True, timeout=120
        )

    assert sh("migrate").returncode == 0
    assert (
        sh(
            "user", "create", "maya", "--password-stdin", input="lavender window quietly\n"
        ).returncode
        == 0
    )
    logged = sh("log", "pain=4", "sleep_hours=6.5", "--date", "2026-02-01")
    assert logged.returncode == 0, logged.stderr
    assert "Saved 2026-02-01: pain=4, sleep_hours=6.5" in logged.stdout
    assert (tmp_path / "fibrolog.sqlite3").exists()
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"
