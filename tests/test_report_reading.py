"""A clinician reads Maya's report: a summary first, honest change words, methods inside it."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest

from fibrolog.accounts.services import today_for
from fibrolog.diary.models import DailyValue, Metric
from fibrolog.instruments.change import daily_change
from fibrolog.questionnaires.models import Response
from fibrolog.reports.render import render_html
from fibrolog.reports.services import DEFAULT_DAYS, Request, build_report
from fibrolog.treatments.models import Regimen, Treatment

START, END = date(2026, 1, 1), date(2026, 3, 31)


def _log(user, key: str, first_half: float, second_half: float) -> None:
    metric = Metric.objects.get(owner__isnull=True, key=key)
    days = (END - START).days + 1
    DailyValue.objects.bulk_create(
        DailyValue(
            user=user,
            metric=metric,
            day=START + timedelta(i),
            value=first_half if i < days // 2 else second_half,
        )
        for i in range(days)
    )


def _report(user, **kwargs):
    return build_report(Request.for_period(user, start=START, end=END, **kwargs))


def _text(report) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", render_html(report).split("<body", 1)[1]).split())


def _rows(report) -> dict[str, dict]:
    return {r["name"]: r for r in report.parts[0].data["rows"]}


def test_it_prefills_the_period_as_iso_dates_a_date_input_reads(maya, maya_client):
    page = maya_client.get("/report/").content.decode()
    end = today_for(maya)
    start = end - timedelta(days=DEFAULT_DAYS - 1)
    assert f'name="start" value="{start.isoformat()}"' in page
    assert f'name="end" value="{end.isoformat()}"' in page


def test_it_reads_the_same_change_the_same_way_for_every_0_to_10_rating(maya):
    # -0.6 on pain and on fatigue: once "no meaningful change" and once "better", before.
    _log(maya, "pain", 6.0, 5.4)
    _log(maya, "fatigue", 6.0, 5.4)
    _log(maya, "mood", 4.0, 5.5)  # higher is better: 1.5 points up is an improvement
    _log(maya, "sleep_hours", 7.0, 6.0)  # no published threshold: direction only
    rows = _rows(_report(maya))
    assert rows["Pain"]["verdict"] == rows["Fatigue"]["verdict"] == "no meaningful change"
    assert rows["Mood"]["verdict"] == "meaningful improvement"
    assert rows["Hours slept"]["verdict"] == "lower; no published threshold"
    assert daily_change("pain").points == daily_change("fatigue").points == 1


def test_it_marks_the_rows_where_higher_is_better(maya):
    _log(maya, "pain", 6, 5)
    _log(maya, "sleep_quality", 4, 5)
    _log(maya, "mood", 4, 5)
    text = _text(_report(maya, sections=frozenset({"symptoms"})))
    assert "Sleep quality (higher is better)" in text and "Mood (higher is better)" in text
    assert "Pain (higher is better)" not in text


def test_it_shows_only_the_questionnaires_answered(maya):
    Response.objects.create(
        user=maya,
        instrument="peg",
        version="PEG (2009)",
        answers={"pain": 6, "enjoyment": 7, "activity": 4},
        completed_at="2026-02-03T10:00Z",
        day=date(2026, 2, 3),
    )
    text = _text(_report(maya, sections=frozenset({"questionnaires"})))
    section = text.split("Questionnaires and criteria")[1].split("Appendix: methods")[0]
    assert "PEG" in section and "FIQR" not in section
    assert "none in this period" not in text
    Response.objects.filter(user=maya).delete()
    text = _text(_report(maya, sections=frozenset({"questionnaires"})))
    assert (
        "None answered in this period." in text
        and "<table"
        not in render_html(_report(maya, sections=frozenset({"questionnaires"})))
        .split("Questionnaires and criteria")[1]
        .split("</section>")[0]
    )


def test_it_opens_with_a_summary_line(maya):
    _log(maya, "pain", 7, 5)
    ldn = Treatment.objects.create(user=maya, name="LDN", key="ldn", unit="mg")
    Regimen.objects.create(treatment=ldn, start=date(2026, 2, 15), dose=Decimal("4.5"))
    report = _report(maya)
    text = _text(report)
    summary = text.split("Summary:", 1)[1].split("Symptom trends")[0]
    assert "pain averaged 6.0" in summary.lower()
    assert "7.0 to 5.0" in summary and "meaningful improvement" in summary
    assert "LDN" in summary and "15 Feb 2026" in summary
    assert text.index("Summary:") < text.index("Symptom trends")


def test_it_carries_its_methods_in_an_appendix_not_a_path(maya):
    _log(maya, "pain", 6, 5)
    text = _text(_report(maya))
    assert "docs/methods.md" not in text
    appendix = text.split("Appendix: methods", 1)[1]
    for words in ("80% range", "chance", "1 point", "14%", "5 points", "Farrar", "Löwe"):
        assert words in appendix, words


def test_it_reaches_back_to_the_latest_treatment_start_by_default(maya):
    today = today_for(maya)
    started = today - timedelta(days=300)
    ldn = Treatment.objects.create(user=maya, name="LDN", key="ldn", unit="mg")
    Regimen.objects.create(treatment=ldn, start=started, dose=Decimal("1.5"))
    request = Request.for_period(maya)
    assert request.start < started  # the weeks before it, to compare with
    assert request.end == today


@pytest.mark.parametrize("ago", [10, 100])
def test_it_keeps_six_months_when_the_latest_start_is_well_inside(maya, ago):
    today = today_for(maya)
    tai_chi = Treatment.objects.create(user=maya, name="Tai chi", key="tai_chi")
    Regimen.objects.create(treatment=tai_chi, start=today - timedelta(days=ago))
    assert Request.for_period(maya).days == DEFAULT_DAYS
