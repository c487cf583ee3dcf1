"""Starting locks the plan; later edits lock new versions; pause, stop and adherence."""

import hashlib
import json
from datetime import timedelta

import pytest

from fibrolog.accounts.services import today_for
from fibrolog.analysis.trials import Plan
from fibrolog.experiments import services
from fibrolog.experiments.models import Deviation, Experiment, ScheduleDay
from fibrolog.experiments.services.lifecycle import paused_days
from tests._trial import draft


def test_it_locks_the_plan_with_its_hash_and_time_when_it_starts(maya):
    today = today_for(maya)
    exp = draft(maya, today)
    version = services.start(exp, today)
    assert exp.status == Experiment.RUNNING
    assert version.number == 1 and version.locked_at is not None
    assert version.sha256 == hashlib.sha256(version.plan.encode()).hexdigest()
    plan = Plan.from_json(version.plan)
    assert plan.sha256() == version.sha256 and plan.seed == exp.seed
    assert json.loads(version.plan)["schedule"]["order"] == list(plan.order)
    rows = list(ScheduleDay.objects.filter(experiment=exp).values_list("day", "phase", "arm"))
    assert rows == [tuple(d) for d in plan.schedule()]


def test_it_starts_today_a_draft_whose_first_day_has_passed(maya):
    today = today_for(maya)
    exp = draft(maya, today)
    Experiment.objects.filter(pk=exp.pk).update(start=today - timedelta(days=3))
    exp.refresh_from_db()
    services.start(exp, today)
    assert exp.start == today


def test_it_refuses_to_start_twice_or_to_edit_a_started_draft(maya):
    today = today_for(maya)
    exp = draft(maya, today)
    services.start(exp, today)
    with pytest.raises(services.ExperimentError, match="already started"):
        services.start(exp, today)
    with pytest.raises(services.ExperimentError, match="change its plan"):
        services.save_draft(exp)


def test_it_locks_a_new_version_for_a_later_edit_and_records_the_deviation(maya):
    today = today_for(maya)
    exp = draft(maya, today - timedelta(days=20))
    first = services.start(exp, today - timedelta(days=20))
    before = list(ScheduleDay.objects.filter(experiment=exp, day__lt=today).values_list())
    second = services.change_plan(exp, today, "Want more certainty", pairs=6, mcid=1.5)
    assert second.number == 2 and second.sha256 != first.sha256
    assert Plan.from_json(second.plan).pairs == 6
    first.refresh_from_db()
    assert Plan.from_json(first.plan).sha256() == first.sha256  # v1 untouched
    assert list(ScheduleDay.objects.filter(experiment=exp, day__lt=today).values_list()) == before
    assert exp.days.count() == 7 + 6 * 14
    deviation = Deviation.objects.get(experiment=exp, kind="plan")
    assert "pairs 4 -> 6" in deviation.text and "Want more certainty" in deviation.text


@pytest.mark.parametrize(
    ("changes", "reason", "message"),
    [
        ({"pairs": 6}, " ", "Say why"),
        ({"period": 5}, "shorter", "cannot change once started"),
        ({"pairs": 3}, "fewer", "4 to 26 pairs"),
    ],
)
def test_it_refuses_a_plan_change_that_is_unexplained_or_not_allowed(
    maya, changes, reason, message
):
    today = today_for(maya)
    exp = draft(maya, today)
    services.start(exp, today)
    with pytest.raises(services.ExperimentError, match=message):
        services.change_plan(exp, today, reason, **changes)
    assert exp.versions.count() == 1


def test_it_leaves_paused_days_out_and_records_the_stop(maya):
    today = today_for(maya)
    start = today - timedelta(days=30)
    exp = draft(maya, start)
    services.start(exp, start)
    services.pause(exp, start + timedelta(days=10), "flu")
    services.resume(exp, start + timedelta(days=13))
    assert paused_days(exp, today) == {start + timedelta(days=d) for d in (10, 11, 12)}
    services.stop(exp, today, "moving house")
    assert exp.status == Experiment.STOPPED and exp.stopped_on == today
    assert [d.kind for d in exp.deviations.all()] == ["pause", "resume", "stop"]


def test_it_records_taken_only_on_days_of_the_schedule(maya):
    today = today_for(maya)
    exp = draft(maya, today)
    services.start(exp, today)
    services.record_taken(exp, today, False)
    services.record_taken(exp, today, True)
    assert exp.adherence.get().taken is True
    with pytest.raises(services.ExperimentError, match="not a day"):
        services.record_taken(exp, today - timedelta(days=1), True)


def test_it_completes_once_the_last_day_has_passed(maya):
    today = today_for(maya)
    exp = draft(maya, today)
    services.start(exp, today)
    services.refresh_status(exp, exp.days.last().day)
    assert exp.status == Experiment.RUNNING
    services.refresh_status(exp, exp.days.last().day + timedelta(days=1))
    assert exp.status == Experiment.COMPLETED
