"""The nof1ins 28-day example through `fibrolog experiment analyze --prior flat --json`.

Reference (docs/methods.md, reference number 1): the nof1ins README example, ABAB in 7-day
periods, days 23 and 27 missing. JAGS with flat coefficient priors, precision ~ Gamma(0.001,
0.001) and rho uniform on (-1, 1) gives, for B - A with AR(1) errors, -1.16 [-2.43, 0.11] and
P(B > A) = 0.036. Tolerance: +-0.02 on means, +-0.03 on interval ends.
(A Welch t-test on the same days says p = 0.0008: the error this avoids.)
"""

import json
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from fibrolog.cli import main

Y = "9 9 10 11 9 7 6 6 6 6 5 5 6 4 6 6 7 7 9 8 8 7 NA 6 6 7 NA 8".split()  # noqa: SIM905 (as in the spec)
ARMS = ["A"] * 7 + ["B"] * 7 + ["A"] * 7 + ["B"] * 7


@pytest.fixture
def nof1ins(tmp_path):
    path = tmp_path / "nof1ins.csv"
    rows = [
        f"{date(2024, 1, 1) + timedelta(days=i):%Y-%m-%d},{arm},{'' if y == 'NA' else y}"
        for i, (y, arm) in enumerate(zip(Y, ARMS, strict=True))
    ]
    path.write_text("date,arm,pain\n" + "\n".join(rows) + "\n")
    return path


def test_it_matches_the_nof1ins_ar1_reference(nof1ins):
    args = ["experiment", "analyze", str(nof1ins), "--design", "fast", "--prior", "flat", "--json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert set(out) == {
        "estimate", "interval80", "interval95", "p_helps", "p_meaningful", "p_negligible",
        "verdict", "weeks_more", "likely_worse",
    }  # fmt: skip
    assert out["verdict"] in ("likely_helps", "no_meaningful_difference", "not_enough_evidence")
    assert out["estimate"] == pytest.approx(-1.16, abs=0.02)
    assert out["interval95"][0] == pytest.approx(-2.43, abs=0.03)
    assert out["interval95"][1] == pytest.approx(0.11, abs=0.03)
    assert out["p_helps"] == pytest.approx(1 - 0.036, abs=0.01)  # lower pain is better
    assert out["interval80"][0] > out["interval95"][0] and out["interval80"][1] < 0.11
    # 96% that B helps at all, but only ~60% that it helps by a meaningful point: not a winner.
    assert out["verdict"] == "not_enough_evidence"
    assert out["weeks_more"] is None or out["weeks_more"] > 0


def test_it_says_the_result_in_words_without_p_values(nof1ins):
    result = CliRunner().invoke(main, ["experiment", "analyze", str(nof1ins), "--design", "fast"])
    assert result.exit_code == 0, result.output
    assert "lower with B than with A" in result.output
    assert "Not enough evidence yet" in result.output
    assert "p-value" not in result.output and "significant" not in result.output


def test_it_reads_the_phase_column_and_leaves_washout_days_out(tmp_path):
    path = tmp_path / "trial.csv"
    lines = ["date,phase,arm,pain"]
    for i, arm in enumerate(["A"] * 7 + ["B"] * 7 + ["A"] * 7 + ["B"] * 7):
        phase = "washout" if i in (7, 14, 21) else "treatment"
        value = 99 if phase == "washout" else (4 if arm == "B" else 6)
        lines.append(f"{date(2024, 1, 1) + timedelta(days=i)},{phase},{arm},{value + i % 2}")
    path.write_text("\n".join(lines) + "\n")
    result = CliRunner().invoke(
        main, ["experiment", "analyze", str(path), "--design", "fast", "--json"]
    )
    assert -3 < json.loads(result.output)["estimate"] < -1  # the 99s were left out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("day,arm,pain\n", "no 'date' column"),
        ("date,arm,pain\n2024-01-01,C,5\n", "arm must be A or B"),
        ("date,arm,pain\n2024-01-01,A,x\n", "is not a number"),
        ("date,arm,pain\n2024-01-01,A,5\n2024-01-01,B,4\n", "appears twice"),
    ],
)
def test_it_refuses_a_bad_file_naming_the_line(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content)
    result = CliRunner().invoke(main, ["experiment", "analyze", str(path), "--design", "fast"])
    assert result.exit_code == 2 and message in result.output
