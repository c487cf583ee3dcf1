"""The report's "What seems linked" section is as current as the diary, even from the terminal."""

from __future__ import annotations

import pytest

from fibrolog.diary.services.demo import create_demo_account
from fibrolog.insights.models import InsightRun
from fibrolog.reports.sections import evidence
from fibrolog.reports.services import Request

pytestmark = pytest.mark.django_db


def test_it_fits_the_insights_when_none_were_ever_computed():
    demo = create_demo_account("demo", years=1, seed=1)
    InsightRun.objects.filter(user=demo).delete()  # as after `fibrolog demo` with no page view
    section = evidence.build(Request.for_period(demo, sections=frozenset({"evidence"})))
    assert section["computed_at"] is not None
    assert section["associations"] or section["treatments"]


def test_it_refits_a_stale_result_before_reporting_it():
    demo = create_demo_account("demo", years=1, seed=1)
    evidence.build(Request.for_period(demo, sections=frozenset({"evidence"})))
    InsightRun.objects.filter(user=demo).update(stale=True)
    evidence.build(Request.for_period(demo, sections=frozenset({"evidence"})))
    assert not InsightRun.objects.get(user=demo).stale
