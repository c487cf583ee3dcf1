"""The one CSV formula guard: risky text is quoted, numbers stay numbers, the quote comes off."""

import pytest

from fibrolog.lib.csvsafe import guard, unguard


@pytest.mark.parametrize(
    "text",
    ["=1+1", "+SUM(A1)", "-abc", "@cmd", "\tx", "\rx", "\0x", "'quoted", "-", "+", "--1", "-1a"],
)
def test_it_quotes_text_a_spreadsheet_would_run(text):
    assert guard(text) == "'" + text
    assert unguard(guard(text)) == text


@pytest.mark.parametrize("text", ["-3", "+1.5", "-0.25", "2e-3", "-.5", "7", "calm day", ""])
def test_it_leaves_numbers_and_plain_text_alone(text):
    assert guard(text) == text
    assert unguard(guard(text)) == text


def test_it_treats_a_number_after_a_tab_or_a_space_as_text():
    assert guard("\t-3") == "'\t-3"
    assert guard(" -3") == " -3"  # spreadsheets do not run a cell that starts with a space


def test_the_export_and_the_score_command_quote_the_same_way(tmp_path):
    from click.testing import CliRunner

    from fibrolog.archive.codec import cell
    from fibrolog.cli import main

    path = tmp_path / "in.csv"
    path.write_text("id,pain,enjoyment,activity\n-abc,6,7,4\n-3,1,2,3\n=1+1,0,0,0\n")
    result = CliRunner().invoke(main, ["score", "peg", str(path)], catch_exceptions=False)
    ids = [line.split(",", 1)[0] for line in result.stdout.splitlines()[1:]]
    assert ids == ["'-abc", "-3", "'=1+1"]
    assert [cell(None, i) for i in ("-abc", "-3", "=1+1")] == ids
