"""`fibrolog experiment`: plan a self-experiment's schedule, analyse one from a CSV (no Django)."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date, timedelta

import click

from fibrolog.analysis import power
from fibrolog.analysis.power import Variability
from fibrolog.analysis.trial_analysis import TrialDay, analyze_trial
from fibrolog.analysis.trial_bounds import (
    FAST_BASELINE,
    PAIRS,
    PERIOD,
    SLOW_BASELINE,
    TREATMENT_DAYS,
    WASHOUT,
    WITHDRAWAL,
)
from fibrolog.analysis.trial_length import Recommendation, recommend, shortfall
from fibrolog.analysis.trials import PHASES, make_plan
from fibrolog.catalogue import LOWER, METRICS

MISSING = {"", "na", "nan", "none", "null", "."}
FAST_ONLY = ("pairs", "period", "washout")
SLOW_ONLY = ("treatment_days", "withdrawal")


class InputError(click.ClickException):
    """Input that cannot be read."""

    exit_code = 2


@click.group()
def experiment() -> None:
    """Plan and analyse self-experiments (n-of-1 trials) from files, without a database.

    Arm A is the comparison (usual care, nothing, or the current option) and B what is tested;
    effects are B minus A.

    Example: fibrolog experiment plan --design fast --start 2026-03-02 --seed 7 > plan.csv
    """


@experiment.command()
@click.option("--design", type=click.Choice(["fast", "slow"]), required=True)
@click.option(
    "--pairs",
    type=int,
    help=f"Fast: pairs of periods, {PAIRS.text()} (default: as many as the variability needs).",
)
@click.option(
    "--period", type=int, help=f"Fast: days per period, {PERIOD.text()} (default {PERIOD.default})."
)
@click.option(
    "--baseline",
    type=int,
    help=f"Baseline days (fast {FAST_BASELINE.text()}, default {FAST_BASELINE.default}; "
    f"slow {SLOW_BASELINE.text()}, default {SLOW_BASELINE.default}).",
)
@click.option(
    "--washout",
    type=int,
    help=f"Fast: days analysed out after each switch, {WASHOUT.text()} "
    f"(default {WASHOUT.default}).",
)
@click.option(
    "--treatment-days",
    type=int,
    help=f"Slow: days on treatment, {TREATMENT_DAYS.text()} (default: what the variability needs).",
)
@click.option(
    "--withdrawal",
    type=int,
    help=f"Slow: days back off it at the end, 0 or {WITHDRAWAL.text()} (default 0).",
)
@click.option("--start", required=True, type=click.DateTime(["%Y-%m-%d"]), help="First day.")
@click.option("--seed", required=True, help="Randomisation seed: the same seed, the same order.")
@click.option(
    "--user",
    "username",
    help="Size the trial from this person's diary (pain) instead of typical values.",
)
def plan(design: str, start, seed: str, username: str | None, **lengths: int | None) -> None:
    """Print the schedule as CSV: date,phase,arm (phase: baseline, washout, treatment,
    withdrawal). Fast designs randomise the order within each pair from the seed.

    Without --pairs (fast) or --treatment-days (slow) the trial is as long as the app's designer
    would suggest: long enough to find a true 1-point benefit 4 times in 5, for typical
    day-to-day variability or, with --user, the person's own. What a shorter trial could not
    show is printed on stderr, so the CSV can be redirected to a file.

    Example: fibrolog experiment plan --design fast --pairs 6 --start 2026-03-02 --seed 7
    """
    other = SLOW_ONLY if design == "fast" else FAST_ONLY
    for name in other:
        if lengths[name] is not None:
            flag = "--" + name.replace("_", "-")
            raise click.UsageError(f"{flag} does not apply to a {design} design")
    given = {k: v for k, v in lengths.items() if v is not None}
    variability = _variability(username, start.date())
    length = "pairs" if design == "fast" else "treatment_days"
    recommended = recommend(design, variability, start.date())
    chosen = length in given
    if not chosen:
        given |= recommended.lengths()
    try:
        schedule = make_plan(design, start.date(), seed, **given)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo("date,phase,arm")
    for row in schedule.schedule():
        click.echo(f"{row.date.isoformat()},{row.phase},{row.arm}")
    for sentence in _why(recommended, chosen) + shortfall(schedule, variability):
        click.echo(sentence, err=True)


def _variability(username: str | None, today: date) -> Variability:
    """Return the person's pain variability (with --user) or the typical values."""
    if username is None:
        return power.variability([])
    from fibrolog.cli._django import person, setup

    setup()
    from fibrolog.experiments.services.data import daily_series

    user = person(username)
    return power.variability(daily_series(user, "pain", today - timedelta(days=730), today))


def _why(recommended: Recommendation, chosen: bool) -> list[str]:
    """Return where the plan's length comes from."""
    var = recommended.variability
    source = (
        f"your last {var.days} logged days (spread {var.sd:.1f} points, carry-over {var.rho:.0%})"
        if var.own
        else f"typical day-to-day variability (spread {var.sd:g} points, carry-over {var.rho:.0%};"
        " --user NAME uses a diary's own)"
    )
    need = recommended.needed
    if need is None:
        advice = f"For {source}, even a year would not reliably find a true 1-point benefit."
    else:
        size = recommended.lengths()
        words = f"{size['pairs']} pairs" if "pairs" in size else f"{size['treatment_days']} days"
        advice = f"For {source}, the designer recommends {words} (about {round(need.weeks)} weeks)."
    return [advice if not chosen else advice.replace("recommends", "would recommend")]


@experiment.command()
@click.argument("file", metavar="FILE.csv", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--design", type=click.Choice(["fast", "slow"]), required=True)
@click.option("--outcome", default="pain", show_default=True, help="The outcome column.")
@click.option("--mcid", type=float, default=1.0, show_default=True, help="Meaningful change.")
@click.option("--prior", type=click.Choice(["default", "flat"]), default="default")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def analyze(file: str, design: str, outcome: str, mcid: float, prior: str, as_json: bool) -> None:
    """Analyse a self-experiment: B - A with AR(1) errors, the three chances and the verdict.

    FILE.csv has a header with `date` (YYYY-MM-DD), `arm` (A or B), optionally `phase`, and
    the outcome column; an empty cell or NA is a day not logged. Washout days are analysed
    out, and for a fast design the baseline too; a slow design is analysed with the onset
    kernel. `--prior flat` (fast designs) reproduces published analyses. With --json it prints
    estimate, interval80, interval95, p_helps, p_meaningful, p_negligible, verdict
    (likely_helps, no_meaningful_difference or not_enough_evidence), weeks_more, and
    likely_worse (true when B is clearly worse). Never a p-value.

    Example: fibrolog experiment analyze trial.csv --design fast --outcome pain --json
    """
    if mcid <= 0:
        raise click.UsageError("--mcid must be above 0")
    days = _days(_read(file), file, outcome)
    spec = {m.key: m for m in METRICS}.get(outcome)
    better = "higher" if spec is not None and spec.worse == LOWER else "lower"
    scale = (spec.high - spec.low) / 10 if spec is not None else 1.0
    result = analyze_trial(
        days,
        design=design,
        outcome=outcome,
        better=better,
        mcid=mcid,
        rope=min(0.5 * scale, mcid),
        prior=prior,
    )
    if as_json:
        click.echo(json.dumps(result.to_json()))
        return
    for line in result.summary():
        click.echo(line)
    click.echo(f"Rule: {result.rule()}")
    if result.estimate is not None:
        click.echo(
            f"Days analysed: {result.n} (A {result.n_a}, B {result.n_b}); effective "
            f"{result.n_eff:.0f} after autocorrelation {result.rho:.2f}. Method: {result.method}."
        )


def _read(file: str) -> str:
    try:
        if file == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(file, "rb") as handle:
                data = handle.read()
        return data.decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read {file}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{file} is not UTF-8 (byte {exc.start})") from None


def _days(text: str, file: str, outcome: str) -> list[TrialDay]:
    """Return the file's rows as TrialDays; raise InputError naming the line of a bad row."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    for need in ("date", "arm", outcome.lower()):
        if need not in header:
            raise InputError(f"{file} has no {need!r} column (columns: {', '.join(header)})")
    out, seen = [], set()
    for row in reader:
        cells = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if not any(cells.values()):
            continue
        where = f"{file} line {reader.line_num}"
        try:
            day = date.fromisoformat(cells["date"])
        except ValueError:
            raise InputError(f"{where}: date {cells['date']!r} is not YYYY-MM-DD") from None
        arm = cells["arm"].upper()
        if arm not in ("A", "B"):
            raise InputError(f"{where}: arm must be A or B, not {cells['arm']!r}")
        if day in seen:
            raise InputError(f"{where}: {day.isoformat()} appears twice")
        seen.add(day)
        raw = cells[outcome.lower()]
        try:
            value = None if raw.lower() in MISSING else float(raw)
        except ValueError:
            raise InputError(f"{where}: {outcome} {raw!r} is not a number") from None
        phase = cells.get("phase", "").lower() or "treatment"
        if phase not in PHASES:
            raise InputError(f"{where}: phase must be one of {', '.join(PHASES)}, not {phase!r}")
        out.append(TrialDay(day, arm, phase, value))
    return out
