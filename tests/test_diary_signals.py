"""Saving a day is announced (`day_saved`); insights and experiments listen from their apps.py."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import F

from fibrolog.accounts.services import today_for
from fibrolog.diary.models import Tag
from fibrolog.diary.services.checkin import DayChanges, save_day
from fibrolog.diary.services.cli_log import log_day
from fibrolog.diary.signals import day_saved
from fibrolog.experiments import services as experiments
from fibrolog.experiments.models import Experiment, ScheduleDay
from fibrolog.insights.models import InsightRun
from fibrolog.insights.services import compute
from tests._trial import draft


def _log_pain(user, value: str) -> None:
    log_day(
        user, values=(f"pain={value}",), day="today", tags=(), note=None, flare=None,
        taken=(), skipped=(),
    )  # fmt: skip


def test_it_announces_the_saved_day_with_the_person(maya):
    heard = []

    def listen(sender, user, day, **kwargs):
        heard.append((user.username, day))

    day_saved.connect(listen)
    try:
        save_day(maya, today_for(maya), DayChanges(values={"pain": 4.0}))
    finally:
        day_saved.disconnect(listen)
    assert heard == [("maya", today_for(maya))]


def test_it_marks_insights_stale_when_a_day_is_logged_from_the_command_line(maya):
    InsightRun.objects.create(user=maya, stale=False)
    _log_pain(maya, "5")
    assert InsightRun.objects.get(user=maya).stale


def test_it_completes_an_experiment_whose_last_day_has_passed_when_a_day_is_saved(maya):
    today = today_for(maya)
    exp = draft(maya, today)
    experiments.start(exp, today)
    ScheduleDay.objects.filter(experiment=exp).update(day=F("day") - timedelta(days=400))
    _log_pain(maya, "3")
    exp.refresh_from_db()
    assert exp.status == Experiment.COMPLETED


def test_it_leaves_a_running_experiment_running_when_a_day_is_saved(maya):
    today = today_for(maya)
    exp = experiments.start(draft(maya, today), today).experiment
    _log_pain(maya, "3")
    exp.refresh_from_db()
    assert exp.status == Experiment.RUNNING


def test_it_gives_a_new_account_the_diary_starter_tags(maya):
    assert "poor sleep" in set(Tag.objects.filter(user=maya).values_list("name", flat=True))


def test_it_refits_on_the_next_visit_when_the_refit_of_a_logged_day_never_ran(
    maya, maya_client, django_capture_on_commit_callbacks
):
    compute(maya.pk)
    _log_pain(maya, "5")  # its refit never runs here, like a command that exited first
    assert InsightRun.objects.get(user=maya).stale
    with django_capture_on_commit_callbacks(execute=True):
        maya_client.get("/insights/")
    assert not InsightRun.objects.get(user=maya).stale
