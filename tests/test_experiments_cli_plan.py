"""`fibrolog experiment plan` prints the schedule as CSV; file commands never load Django."""

import hashlib
import subprocess
import sys
from datetime import date, timedelta

from click.testing import CliRunner

from fibrolog.analysis import power
from fibrolog.analysis.trials import make_plan, plan_schedule
from fibrolog.cli import main
from tests._trial import log


def run(*args):
    return CliRunner().invoke(main, ["experiment", *args])


def test_it_prints_the_schedule_as_csv():
    result = run("plan", "--design", "fast", "--pairs", "5", "--start", "2026-03-02", "--seed", "S")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "date,phase,arm"
    expected = plan_schedule("fast", date(2026, 3, 2), "S", pairs=5)
    assert lines[1:] == [f"{d.date.isoformat()},{d.phase},{d.arm}" for d in expected]


def test_it_prints_a_slow_schedule_with_a_withdrawal_block():
    result = run(
        "plan", "--design", "slow", "--baseline", "28", "--treatment-days", "84",
        "--withdrawal", "28", "--start", "2026-03-02", "--seed", "1",
    )  # fmt: skip
    phases = [line.split(",")[1] for line in result.stdout.splitlines()[1:]]
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


def _pairs(output: str) -> int:
    treatment = [line for line in output.splitlines()[1:] if ",baseline," not in line]
    return len(treatment) // (2 * 7)


def _finds(pairs: int, benefit: float) -> float:
    plan = make_plan("fast", date(2026, 3, 2), "7", pairs=pairs)
    se = power.plan_se(plan, power.POPULATION_SD, power.POPULATION_RHO)
    return power.chances(se, benefit, mcid=1.0, rope=0.5).helps_at_all


def test_it_plans_by_default_as_long_as_typical_variability_needs_and_says_why():
    result = run("plan", "--design", "fast", "--start", "2026-03-02", "--seed", "7")
    assert result.exit_code == 0, result.output
    pairs = _pairs(result.stdout)
    # The shortest length that finds a true 1-point benefit 4 times in 5, not the 4-pair minimum.
    assert _finds(pairs, 1.0) >= power.TARGET > _finds(pairs - 1, 1.0)
    assert pairs > 4
    assert f"{pairs} pairs" in result.stderr and "typical" in result.stderr
    four = f"{_finds(4, 1.0):.0%}"
    assert "4 pairs" in result.stderr and four in result.stderr and "could not" in result.stderr


def test_it_keeps_the_schedule_of_an_explicit_length_and_pins_both():
    # Pinned: sha256 of the CSV. `--pairs 4` is what the default printed before it followed the
    # designer; an explicit length must never change.
    def digest(*extra):
        args = ("plan", "--design", "fast", "--start", "2026-03-02", "--seed", "7", *extra)
        return hashlib.sha256(run(*args).stdout.encode()).hexdigest()

    assert digest("--pairs", "4") == (
        "a2811072c5ab41667efec95011e303d9a421ac693b6fb1bad86faf0f4da091c9"
    )
    assert digest() == digest("--pairs", "11")


def test_it_warns_when_an_explicit_length_is_too_short():
    result = run("plan", "--design", "fast", "--pairs", "4", "--start", "2026-03-02", "--seed", "7")
    assert result.exit_code == 0
    assert "4 pairs" in result.stderr and f"{_finds(4, 1.0):.0%}" in result.stderr


def test_it_sizes_the_trial_from_her_own_diary_with_user(maya):
    # Maya's pain swings widely from day to day: her trial must be longer than a typical one.
    today = date.today()
    log(maya, today - timedelta(days=89), [2 + 6 * ((i * 7) % 5 > 2) for i in range(90)])
    args = ("plan", "--design", "fast", "--start", today.isoformat(), "--seed", "7")
    typical, own = run(*args), run(*args, "--user", "maya")
    assert own.exit_code == 0, own.output
    assert "your last 90 logged days" in own.stderr
    assert _pairs(own.stdout) > _pairs(typical.stdout)
