"""`fibrolog score`: a researcher scores a CSV of responses from a file or standard input."""

import csv
import io
import subprocess
import sys

import pytest
from click.testing import CliRunner

from fibrolog.cli import main
from fibrolog.instruments.acr import SITE_KEYS

PHQ9_HEADER = "participant,visit,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10"


def run(*args, input=None):
    return CliRunner().invoke(main, ["score", *args], input=input, catch_exceptions=False)


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def write(tmp_path, text, name="in.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_it_adds_score_columns_after_the_passed_through_columns(tmp_path):
    # Rows 1 and 2 are docs/instruments.md PHQ-9 examples (10 moderate + flag; 0 minimal).
    path = write(tmp_path, f"{PHQ9_HEADER}\nP1,1,3,0,1,2,0,0,1,0,3,1\nP2,1,0,0,0,0,0,0,0,0,0,\n")
    result = run("phq9", path)
    assert result.exit_code == 0 and result.stderr == ""
    header = result.stdout.splitlines()[0].split(",")
    added = ["total", "band", "valid", "missing", "flags", "meets_criteria"]
    assert header == [*PHQ9_HEADER.split(","), *added]
    first, second = rows(result.stdout)
    assert (first["participant"], first["visit"], first["q10"]) == ("P1", "1", "1")
    assert (first["total"], first["band"], first["valid"]) == ("10", "moderate", "true")
    assert (first["flags"], first["missing"], first["meets_criteria"]) == ("self_harm_risk", "", "")
    assert (second["total"], second["band"], second["flags"]) == ("0", "minimal", "")


def test_it_reads_standard_input_with_a_byte_order_mark():
    text = "\ufeffid,pain,enjoyment,activity\nA,6,7,4\n"
    result = run("peg", "-", input=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    (row,) = rows(result.stdout)
    assert row["id"] == "A" and float(row["total"]) == pytest.approx(17 / 3)
    assert row["band"] == ""


def test_it_writes_rfc_4180_line_ends():
    result = run("peg", "-", input="pain,enjoyment,activity\n1,2,3\n")
    assert result.stdout_bytes.endswith(b"1,2,3,2.0,,true,,,\r\n")


def test_it_lists_missing_items_and_keeps_unscorable_rows(tmp_path):
    text = f"{PHQ9_HEADER}\nP3,1,1,1,,1,1,1,,1,2,\n"
    result = run("phq9", write(tmp_path, text))
    assert result.exit_code == 0
    (row,) = rows(result.stdout)
    assert (row["valid"], row["total"], row["missing"]) == ("false", "", "q3;q7")
    assert row["flags"] == "self_harm_risk"  # item 9 above 0, even though not scorable


def test_it_treats_trimmed_trailing_cells_as_unanswered(tmp_path):
    result = run("peg", write(tmp_path, "id,pain,enjoyment,activity\nA,6,7\n"))
    assert result.exit_code == 0, result.output
    (row,) = rows(result.stdout)
    assert (row["activity"], row["valid"], row["missing"]) == ("", "false", "activity")


def test_it_adds_the_acr_subscores_and_whether_the_thresholds_are_met(tmp_path):
    # docs/instruments.md ACR worked example 3 (shoulders and neck): 2011 yes, 2016 no.
    ticked = {"shoulder_left", "shoulder_right", "neck"}
    rest = {"fatigue": 3, "unrefreshed": 3, "cognitive": 2, "headaches": 1, "lower_abdominal": 1}
    rest |= {"depression": 0, "duration_months": 6}
    header = [*SITE_KEYS, *rest]
    values = ["true" if s in ticked else "0" for s in SITE_KEYS] + [str(v) for v in rest.values()]
    path = write(tmp_path, ",".join(header) + "\n" + ",".join(values) + "\n")
    for name, meets in (("acr2011", "true"), ("acr2016", "false")):
        result = run(name, path)
        assert result.exit_code == 0, result.output
        (row,) = rows(result.stdout)
        assert (row["wpi"], row["sss"], row["regions"]) == ("3", "10", "3")
        assert (row["total"], row["band"], row["meets_criteria"]) == ("13", "severe", meets)


def test_it_scores_fiqr_with_one_missing_function_item(tmp_path):
    keys = [f"q{n}" for n in range(1, 22)]
    values = ["8"] * 8 + [""] + ["0"] * 12
    path = write(tmp_path, ",".join(keys) + "\n" + ",".join(values) + "\n")
    (row,) = rows(run("fiqr", path).stdout)
    assert (row["total"], row["valid"], row["missing"]) == ("24.0", "true", "q9")
    assert (row["function"], row["overall"], row["symptoms"]) == ("24.0", "0.0", "0.0")


def test_it_reports_bad_rows_by_number_and_line_and_still_scores_the_others(tmp_path):
    text = (
        "id,pain,enjoyment,activity\n"
        "A,1,2,3\n"
        'B,abc,11,"2"\n'
        '"C\nsecond line",4,4,4\n'
        "D,5,5,-1\n"
        "E,1,1,1,extra\n"
    )
    result = run("peg", write(tmp_path, text))
    assert result.exit_code == 1
    assert [row["id"] for row in rows(result.stdout)] == ["A", "C\nsecond line"]
    assert result.stderr.splitlines() == [
        "row 2 (line 3): pain: 'abc' is not a whole number",
        "row 2 (line 3): enjoyment: 11 is outside 0-10",
        "row 4 (line 6): activity: -1 is outside 0-10",
        "row 5 (line 7): 5 cells, but the header has 4",
        "3 bad rows left out.",
    ]


def test_it_neutralises_cells_a_spreadsheet_would_run_but_keeps_numbers(tmp_path):
    text = "id,note,pain,enjoyment,activity\n=cmd(),@SUM(A1),1,2,3\n-3,+44 20 7946,1,2,3\n"
    result = run("peg", write(tmp_path, text))
    first, second = rows(result.stdout)
    assert (first["id"], first["note"]) == ("'=cmd()", "'@SUM(A1)")
    assert (second["id"], second["note"]) == ("-3", "'+44 20 7946")


def test_it_passes_through_columns_that_belong_to_another_instrument(tmp_path):
    header = "q1,q2,q3,q4,q5,q6,q7,q8,q9"
    path = write(tmp_path, f"{header}\n3,0,1,2,0,0,1,3,3\n")
    result = run("gad7", path)
    (row,) = rows(result.stdout)
    assert (row["q8"], row["q9"], row["total"], row["band"]) == ("3", "3", "7", "mild")


def test_it_warns_when_a_required_item_has_no_column(tmp_path):
    result = run("peg", write(tmp_path, "pain,enjoyment\n1,2\n"))
    assert result.exit_code == 0
    assert "warning: no column for activity" in result.stderr
    assert rows(result.stdout)[0]["valid"] == "false"


@pytest.mark.parametrize(
    ("args", "text", "message"),
    [
        (["promis29"], "q1\n1\n", "Invalid value for 'NAME'"),
        (["peg"], None, "cannot read"),
        (["peg"], "", "has no header row"),
        (["peg"], "id,note\n1,2\n", "no column of"),
        (["peg"], "pain,enjoyment,activity,total\n1,2,3,6\n", "clash with a score column"),
        (["peg"], "pain,PAIN\n1,2\n", "column pain appears twice"),
    ],
)
def test_it_exits_2_with_a_clear_message_for_input_it_cannot_use(tmp_path, args, text, message):
    path = str(tmp_path / "absent.csv") if text is None else write(tmp_path, text)
    result = run(*args, path)
    assert result.exit_code == 2
    assert message in result.stderr


def test_it_exits_2_for_a_file_that_is_not_utf8(tmp_path):
    path = write(tmp_path, "id,pain,enjoyment,activity\nJosé,1,2,3\n", encoding="latin-1")
    result = run("peg", path)
    assert result.exit_code == 2 and "is not UTF-8" in result.stderr


def test_it_scores_a_file_as_a_real_command(tmp_path):
    path = write(tmp_path, "id,q1,q2,q3,q4,q5,q6,q7\nA,3,0,1,2,0,0,1\nB,3,3,3,3,3,3,9\n")
    out = tmp_path / "scored.csv"
    with out.open("wb") as handle:
        done = subprocess.run(
            [sys.executable, "-m", "fibrolog", "score", "gad7", path],
            stdout=handle,
            stderr=subprocess.PIPE,
            text=False,
        )
    assert done.returncode == 1
    assert done.stderr.decode().startswith("row 2 (line 3): q7: 9 is outside 0-3")
    with out.open(newline="", encoding="utf-8") as handle:
        (row,) = list(csv.DictReader(handle))
    assert (row["id"], row["total"], row["band"], row["valid"]) == ("A", "7", "mild", "true")
