"""The dashboard's numbers agree with the rest of fibrolog: a day's preferred value, verdicts."""

from __future__ import annotations

from datetime import timedelta

import pytest

from fibrolog.accounts.services import today_for
from fibrolog.clinic.models import ExperimentVerdict
from fibrolog.clinic.services import measures
from fibrolog.diary.models import DailyValue, Metric
from fibrolog.experiments.services import start, stop
from tests._trial import draft, log
from tests.clinic_people import person

pytestmark = pytest.mark.django_db(transaction=True)


def _expected(user, first, last) -> float:
    values = (
        DailyValue.objects.for_user(user)
        .filter(metric__key="pain", metric__owner__isnull=True, day__range=(first, last))
        .preferred()
        .values_list("value", flat=True)
    )
    return sum(values) / len(values)


def test_it_takes_each_days_value_by_the_same_rule_as_preferred(dr_chen):
    alma = person("alma", dr_chen)
    today = today_for(alma)
    pain = Metric.objects.get(key="pain", owner__isnull=True)
    rows = []
    for back in range(120):
        day = today - timedelta(days=back)
        rows.append(DailyValue(user=alma, metric=pain, day=day, value=2, source="fitbit"))
        rows.append(DailyValue(user=alma, metric=pain, day=day, value=8, source="bearable"))
        if back % 3 == 0:
            rows.append(DailyValue(user=alma, metric=pain, day=day, value=5, source="demo"))
        if back % 7 == 0:
            rows.append(DailyValue(user=alma, metric=pain, day=day, value=1, source="manual"))
    DailyValue.objects.bulk_create(rows)
    means = measures.trends([alma.pk], today)[alma.pk]["pain"]
    first_recent = today - timedelta(days=29)
    assert means.recent == pytest.approx(_expected(alma, first_recent, today))
    assert means.before == pytest.approx(
        _expected(alma, first_recent - timedelta(days=90), first_recent - timedelta(days=1))
    )
    assert means.days[-1] == 1  # today: the manual entry wins
    assert means.days[-2] == 8  # yesterday: "bearable" sorts before "fitbit"


def test_it_keeps_an_ended_experiments_verdict_for_the_dashboard(dr_chen):
    alma = person("alma", dr_chen)
    today = today_for(alma)
    exp = draft(alma, today - timedelta(days=70))
    start(exp, today - timedelta(days=70))
    log(alma, today - timedelta(days=70), [4] * 60)
    stop(exp, today - timedelta(days=10), "enough")
    kept = ExperimentVerdict.objects.get(experiment=exp)
    assert kept.person == alma and kept.ended_on == today - timedelta(days=10)
    assert kept.words
    found = measures.verdicts([alma.pk], today)[alma.pk]
    assert found[0].words == kept.words and "Omega-3" in found[0].title
