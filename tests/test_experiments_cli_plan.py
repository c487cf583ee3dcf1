"""`fibrolog experiment plan` prints the schedule as CSV; file commands never load Django."""

import subprocess
import sys
from datetime import date

from click.testing import CliRunner

from fibrolog.analysis.trials import plan_schedule
from fibrolog.cli import main


def run(*args):
    return CliRunner().invoke(main, ["experiment", *args])


def test_it_prints_the_schedule_as_csv():
    result = run("plan", "--design", "fast", "--pairs", "5", "--start", "2026-03-02", "--seed", "S")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "date,phase,arm"
    expected = plan_schedule("fast", date(2026, 3, 2), "S", pairs=5)
    assert lines[1:] == [f"{d.date.isoformat()},{d.phase},{d.arm}" for d in expected]


def test_it_prints_a_slow_schedule_with_a_withdrawal_block():
    result = run(
        "plan", "--design", "slow", "--baseline", "28", "--treatment-days", "84",
        "--withdrawal", "28", "--start", "2026-03-02", "--seed", "1",
    )  # fmt: skip
    phases = [line.split(",")[1] for line in result.output.splitlines()[1:]]
    assert phases == ["baseline"] * 28 + ["treatment"] * 84 + ["withdrawal"] * 28


def test_it_refuses_an_invalid_design_with_the_reason():
    result = run("plan", "--design", "fast", "--pairs", "2", "--start", "2026-03-02", "--seed", "1")
    assert result.exit_code == 2 and "4 to 26 pairs" in result.output
    result = run("plan", "--design", "slow", "--pairs", "5", "--start", "2026-03-02", "--seed", "1")
    assert result.exit_code == 2 and "--pairs does not apply to a slow design" in result.output


def test_it_works_on_files_without_loading_django(tmp_path):
    trial = tmp_path / "trial.csv"
    trial.write_text("date,arm,pain\n2026-01-01,A,5\n2026-01-02,B,4\n")
    code = (
        "import sys; from fibrolog.cli import main\n"
        "for args in (['experiment', 'plan', '--design', 'fast', '--start', '2026-01-05',"
        " '--seed', '1'], ['experiment', 'analyze', sys.argv[1], '--design', 'fast', '--json']):\n"
        "    try:\n        main(args)\n    except SystemExit as exc:\n        assert not exc.code\n"
        "bad = [m for m in sys.modules if m == 'django' or m.startswith('django.')]\n"
        "sys.exit(3 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(trial)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert '"verdict": "not_enough_evidence"' in result.stdout
