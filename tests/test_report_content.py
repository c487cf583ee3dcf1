"""What Maya's report says: her trends, her scores with honest words, notes only if she asks."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from fibrolog.diary.models import DailyValue, Metric, Note
from fibrolog.questionnaires.models import Response
from fibrolog.reports import sections
from fibrolog.reports.render import render_html
from fibrolog.reports.services import ReportError, Request, build_report
from fibrolog.treatments.models import Intake, Regimen, Treatment

START, END = date(2026, 1, 1), date(2026, 3, 31)


def _report(user, **kwargs):
    return build_report(Request.for_period(user, start=START, end=END, **kwargs))


def _text(report) -> str:
    return " ".join(render_html(report).split())


@pytest.fixture
def diary(maya):
    pain = Metric.objects.get(owner__isnull=True, key="pain")
    for i in range((END - START).days + 1):
        value = 7 if i < 45 else 4  # 3 points better in the second half
        DailyValue.objects.create(user=maya, metric=pain, day=START + timedelta(i), value=value)
    Note.objects.create(user=maya, day=date(2026, 2, 2), text="maya private note")
    return maya


def test_it_calls_a_three_point_fall_in_daily_pain_a_meaningful_improvement(diary):
    rows = _report(diary).parts[0].data["rows"]
    pain = next(r for r in rows if r["name"] == "Pain")
    assert (pain["first"], pain["last"], pain["change"]) == (7, 4, -3)
    assert pain["verdict"] == "meaningful improvement"


def test_it_leaves_notes_out_unless_she_chooses_them(diary):
    assert "maya private note" not in _text(_report(diary))
    chosen = sections.default_keys() | {"notes"}
    assert "maya private note" in _text(_report(diary, sections=chosen))


def test_it_says_phq9_item_9_first_whenever_it_was_answered_above_0(maya):
    answers = {f"q{n}": 0 for n in range(1, 10)} | {"q9": 1}
    Response.objects.create(
        user=maya,
        instrument="phq9",
        version="PHQ-9 (2001)",
        answers=answers,
        completed_at=date(2026, 2, 3).isoformat() + "T10:00Z",
        day=date(2026, 2, 3),
    )
    text = _text(_report(maya))
    assert "PHQ-9 item 9" in text and "3 Feb 2026" in text


def test_it_shows_doses_and_adherence_without_counting_unlogged_days_as_missed(maya):
    ldn = Treatment.objects.create(user=maya, name="LDN", key="ldn", unit="mg")
    Regimen.objects.create(treatment=ldn, start=date(2026, 3, 1), dose=Decimal("4.5"))
    for i in range(10):
        Intake.objects.create(treatment=ldn, day=date(2026, 3, 1 + i), taken=i != 0)
    (row,) = _report(maya).parts[2].data["rows"]
    assert row["doses"][0]["label"] == "LDN 4.5 mg" and row["doses"][0]["stop"] is None
    assert (row["days"], row["taken"], row["not_taken"], row["not_logged"]) == (31, 9, 1, 21)
    assert row["percent"] == 90


def test_it_builds_a_section_added_to_the_list(maya, monkeypatch):
    extra = sections.Section(
        "linked", "What seems linked", "reports/section_notes.html", lambda r: {"notes": []}
    )
    monkeypatch.setattr(sections, "SECTIONS", (*sections.SECTIONS, extra))
    report = _report(maya, sections=frozenset({"symptoms", "linked"}))
    assert [p.key for p in report.parts] == ["symptoms", "linked"]
    assert "What seems linked" in _text(report)


def test_it_refuses_a_period_that_ends_before_it_starts(maya):
    with pytest.raises(ReportError, match="first day is after the last"):
        Request.for_period(maya, start=END, end=START)
