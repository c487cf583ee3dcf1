"""The dashboard's numbers for many people at once: one aggregate query per column, not per person.

Every function takes the ids of the people whose part allows it (the caller asks the sharing
rules first) and returns a dict keyed by person id; a person with nothing has no key.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Avg, Case, Count, F, Max, Min, Q, When, Window
from django.db.models.functions import RowNumber

from fibrolog import instruments
from fibrolog.diary.models import DEMO, MANUAL, DailyValue, Metric
from fibrolog.experiments.models import Experiment
from fibrolog.questionnaires.models import Response
from fibrolog.treatments.models import Treatment

RECENT = 30  # days: "the last 30 days"
BEFORE = 90  # days before those: "their own previous 90"
TRENDS = ("pain", "fatigue")
SCORED = ("fiqr", "phq9")


def last_checkins(ids: list[int]) -> dict[int, date]:
    """Return each person's last day with a check-in (typed or demo, not imported)."""
    rows = (
        DailyValue.objects.filter(user_id__in=ids, source__in=(MANUAL, DEMO))
        .values("user_id")
        .annotate(last=Max("day"))
    )
    return {r["user_id"]: r["last"] for r in rows}


@dataclass(frozen=True)
class Means:
    recent: float | None
    before: float | None
    days: tuple[float | None, ...]  # the last RECENT days, oldest first


def trends(ids: list[int], today: date) -> dict[int, dict[str, Means]]:
    """Return pain and fatigue per person: the last 30 days' mean and days, the previous 90's mean.

    Two queries: the means are averaged in SQL over the preferred value of each day; only the
    last 30 days' values (at most 60 a person) come back for the sparklines.
    """
    keys = dict(Metric.objects.filter(owner__isnull=True, key__in=TRENDS).values_list("id", "key"))
    first_recent = today - timedelta(days=RECENT - 1)
    first_before = first_recent - timedelta(days=BEFORE)
    values = DailyValue.objects.filter(
        user_id__in=ids, metric_id__in=keys, day__range=(first_before, today)
    ).preferred()
    # Aggregating straight over `preferred()` would group by its window's partition (each day):
    # the preferred rows are picked in a subquery, then averaged.
    picked = DailyValue.objects.filter(pk__in=values.values("pk"))
    means = picked.values("user_id", "metric_id").annotate(
        recent=Avg(Case(When(day__gte=first_recent, then=F("value")))),
        before=Avg(Case(When(day__lt=first_recent, then=F("value")))),
    )
    days: dict[tuple[int, int], list[float | None]] = defaultdict(lambda: [None] * RECENT)
    for user_id, metric_id, day, value in values.filter(day__gte=first_recent).values_list(
        "user_id", "metric_id", "day", "value"
    ):
        days[(user_id, metric_id)][(day - first_recent).days] = value
    out: dict[int, dict[str, Means]] = defaultdict(dict)
    for r in means:
        series = days.get((r["user_id"], r["metric_id"]), [None] * RECENT)
        out[r["user_id"]][keys[r["metric_id"]]] = Means(r["recent"], r["before"], tuple(series))
    return dict(out)


@dataclass(frozen=True)
class Scored:
    instrument: str
    day: date
    total: float | None


def latest_scores(ids: list[int]) -> dict[int, dict[str, list[Scored]]]:
    """Return the latest two completed FIQR and PHQ-9 per person, newest first, scored.

    Raw answers are scored here (scores are never stored); a window function keeps two rows per
    person and instrument, so the work is bounded by people, not by years of responses.
    """
    rank = Window(
        RowNumber(),
        partition_by=[F("user_id"), F("instrument")],
        order_by=[F("day").desc(), F("completed_at").desc()],
    )
    rows = (
        Response.objects.filter(user_id__in=ids, instrument__in=SCORED, completed_at__isnull=False)
        .alias(rank=rank)
        .filter(rank__lte=2)
        .order_by("user_id", "instrument", "-day", "-completed_at")
        .values_list("user_id", "instrument", "day", "answers")
    )
    out: dict[int, dict[str, list[Scored]]] = defaultdict(lambda: defaultdict(list))
    for user_id, name, day, answers in rows:
        instrument = instruments.get(name)
        known = set(instrument.keys)
        score = instrument.score({k: v for k, v in answers.items() if k in known})
        out[user_id][name].append(Scored(name, day, score.total if score.valid else None))
    return {k: dict(v) for k, v in out.items()}


def item9_days(since: dict[int, date]) -> dict[int, date]:
    """Return, per person, the latest day a PHQ-9 item 9 answer above 0 was given on or after
    their own `since` day (one query: the earliest `since` bounds it, each person's is applied
    to the few rows that come back)."""
    if not since:
        return {}
    rows = Response.objects.filter(
        user_id__in=list(since),
        instrument="phq9",
        completed_at__isnull=False,
        day__gte=min(since.values()),
        answers__q9__gt=0,
    ).values_list("user_id", "day")
    out: dict[int, date] = {}
    for user_id, day in rows:
        if day >= since[user_id] and (user_id not in out or day > out[user_id]):
            out[user_id] = day
    return out


@dataclass(frozen=True)
class TreatmentChange:
    name: str
    started: date | None
    stopped: date | None


def treatment_changes(
    ids: list[int], today: date, days: int = 90
) -> dict[int, list[TreatmentChange]]:
    """Return the treatments each person started or stopped in the last `days` days."""
    since = today - timedelta(days=days - 1)
    rows = (
        Treatment.objects.filter(user_id__in=ids)
        .annotate(
            first=Min("regimens__start"),
            last_stop=Max("regimens__stop"),
            open_=Count("regimens", filter=Q(regimens__stop__isnull=True)),
        )
        .filter(Q(first__gte=since) | Q(open_=0, last_stop__gte=since))
        .order_by("user_id", "name")
        .values_list("user_id", "name", "first", "last_stop", "open_")
    )
    out: dict[int, list[TreatmentChange]] = defaultdict(list)
    for user_id, name, first, last_stop, open_ in rows:
        started = first if first is not None and first >= since else None
        stopped = last_stop if not open_ and last_stop is not None and last_stop >= since else None
        out[user_id].append(TreatmentChange(name, started, stopped))
    return dict(out)


@dataclass(frozen=True)
class Verdict:
    title: str
    ended_on: date
    words: str


def verdicts(ids: list[int], today: date, days: int = 90) -> dict[int, list[Verdict]]:
    """Return the kept verdicts of self-experiments that ended in the last `days` days."""
    from fibrolog.clinic.models import ExperimentVerdict

    since = today - timedelta(days=days - 1)
    rows = (
        ExperimentVerdict.objects.filter(person_id__in=ids, ended_on__gte=since)
        .exclude(experiment__status=Experiment.DRAFT)
        .order_by("person_id", "-ended_on")
        .values_list(
            "person_id", "experiment__tested", "experiment__comparison", "ended_on", "words"
        )
    )
    out: dict[int, list[Verdict]] = defaultdict(list)
    for person_id, tested, comparison, ended_on, words in rows:
        out[person_id].append(Verdict(f"{tested} vs {comparison}", ended_on, words))
    return dict(out)
