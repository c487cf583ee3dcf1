"""The dashboard's numbers for many people at once: one aggregate query per column, not per person.

Every function takes the ids of the people whose part allows it (the caller asks the sharing
rules first) and returns a dict keyed by person id; a person with nothing has no key.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Avg, CharField, Count, Max, Min, OuterRef, Q, Subquery
from django.db.models.functions import Cast

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
    """Return each person's last day with a check-in (typed or demo, not imported).

    A correlated subquery per person walks the (person, day) index backwards and stops at the
    first row, so this reads a few rows a person rather than their whole diary.
    """
    last = DailyValue.objects.filter(user=OuterRef("pk"), source__in=(MANUAL, DEMO))
    rows = (
        get_user_model()
        .objects.filter(pk__in=ids)
        .annotate(last=Subquery(last.order_by("-day").values("day")[:1]))
        .values_list("pk", "last")
    )
    return {pk: day for pk, day in rows if day is not None}


@dataclass(frozen=True)
class Means:
    recent: float | None
    before: float | None
    days: tuple[float | None, ...]  # the last RECENT days, oldest first


def trends(ids: list[int], today: date) -> dict[int, dict[str, Means]]:
    """Return pain and fatigue per person: the last 30 days' mean and days, the previous 90's mean.

    Which value counts for a day is `DailyValue.objects.preferred()`'s rule (manual, then demo,
    then the import whose source sorts first bytewise). The last 30 days come back as rows (at
    most 30 a person, metric and source) and `_preferred` applies the rule; the 90 days before
    are averaged in SQL, which is exact wherever a person's metric has a single source (one row
    a day, by the natural key). Only pairs with several sources are averaged again through
    `preferred()` itself: three queries at most, whatever the number of people.
    """
    keys = dict(Metric.objects.filter(owner__isnull=True, key__in=TRENDS).values_list("id", "key"))
    if not ids or not keys:
        return {}
    first_recent = today - timedelta(days=RECENT - 1)
    first_before = first_recent - timedelta(days=BEFORE)
    mine = DailyValue.objects.filter(user_id__in=ids, metric_id__in=keys)
    recent = (
        mine.filter(day__range=(first_recent, today))
        .annotate(day_text=Cast("day", CharField()))
        .values_list("user_id", "metric_id", "day_text", "source", "value")
    )
    # Read the rows through the cursor, each day as text (cast, so no driver converts it): the
    # 30 distinct days are parsed once each rather than once a row (thousands on a big clinic).
    sql, params = recent.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    offsets: dict[object, int] = {}
    series: dict[tuple[int, int], list[float | None]] = defaultdict(lambda: [None] * RECENT)
    for (user_id, metric_id, day), value in _preferred(rows).items():
        if day not in offsets:
            offsets[day] = (_as_date(day) - first_recent).days
        series[(user_id, metric_id)][offsets[day]] = value
    earlier = mine.filter(day__range=(first_before, first_recent - timedelta(days=1)))
    before: dict[tuple[int, int], float | None] = {}
    mixed: set[tuple[int, int]] = set()
    for r in earlier.values("user_id", "metric_id").annotate(
        mean=Avg("value"), first=Min("source"), last=Max("source")
    ):
        pair = (r["user_id"], r["metric_id"])
        if r["first"] == r["last"]:
            before[pair] = r["mean"]
        else:
            mixed.add(pair)
    if mixed:
        before |= _exact_means(earlier.filter(user_id__in={u for u, _ in mixed}), mixed)
    out: dict[int, dict[str, Means]] = defaultdict(dict)
    for pair in set(series) | set(before) | mixed:
        days = series.get(pair, [None] * RECENT)
        logged = [v for v in days if v is not None]
        mean = sum(logged) / len(logged) if logged else None
        out[pair[0]][keys[pair[1]]] = Means(mean, before.get(pair), tuple(days))
    return dict(out)


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _rank(source: str) -> tuple[int, bytes]:
    """Return a source's place in `preferred()`'s order (lower wins)."""
    order = 0 if source == MANUAL else 1 if source == DEMO else 2
    return order, source.encode()


def _preferred(rows) -> dict[tuple[int, int, object], float]:
    """Return the winning value of each (person, metric, day) among (.., source, value) rows."""
    best: dict[tuple[int, int, object], tuple[tuple[int, bytes], float]] = {}
    ranks: dict[str, tuple[int, bytes]] = {}  # a handful of sources, thousands of rows
    for user_id, metric_id, day, source, value in rows:
        rank = ranks.get(source) or ranks.setdefault(source, _rank(source))
        key = (user_id, metric_id, day)
        if key not in best or rank < best[key][0]:
            best[key] = (rank, value)
    return {key: value for key, (_rank_, value) in best.items()}


def _exact_means(values, pairs: set[tuple[int, int]]) -> dict[tuple[int, int], float]:
    """Average the preferred values of the few (person, metric) pairs with several sources."""
    sums: dict[tuple[int, int], list[float]] = defaultdict(list)
    for user_id, metric_id, value in values.preferred().values_list(
        "user_id", "metric_id", "value"
    ):
        if (user_id, metric_id) in pairs:
            sums[(user_id, metric_id)].append(value)
    return {pair: sum(v) / len(v) for pair, v in sums.items()}


@dataclass(frozen=True)
class Scored:
    instrument: str
    day: date
    total: float | None


def latest_scores(ids: list[int]) -> dict[int, dict[str, list[Scored]]]:
    """Return the latest two completed FIQR and PHQ-9 per person, newest first, scored.

    Raw answers are scored here (scores are never stored). One query finds the two latest
    response ids per person and instrument (correlated subqueries on the person's index), one
    more reads just those responses: the work is bounded by people, not years of responses.
    """
    done = Response.objects.filter(user=OuterRef("pk"), completed_at__isnull=False)
    picks = {}
    for name in SCORED:
        newest = done.filter(instrument=name).order_by("-day", "-completed_at").values("pk")
        picks[f"{name}_1"] = Subquery(newest[:1])
        picks[f"{name}_2"] = Subquery(newest[1:2])
    wanted = set()
    for row in get_user_model().objects.filter(pk__in=ids).annotate(**picks).values(*picks):
        wanted |= {pk for pk in row.values() if pk is not None}
    rows = (
        Response.objects.filter(pk__in=wanted)
        .order_by("user_id", "instrument", "-day", "-completed_at")
        .values_list("user_id", "instrument", "day", "answers")
    )
    out: dict[int, dict[str, list[Scored]]] = defaultdict(lambda: defaultdict(list))
    items = {name: frozenset(instruments.get(name).keys) for name in SCORED}
    for user_id, name, day, answers in rows:
        known = items[name]
        total = _total(name, tuple(sorted((k, v) for k, v in answers.items() if k in known)))
        out[user_id][name].append(Scored(name, day, total))
    return {k: dict(v) for k, v in out.items()}


@lru_cache(maxsize=8192)
def _total(name: str, answers: tuple[tuple[str, int], ...]) -> float | None:
    """Score raw answers (a pure function of them, so the same answers are scored once)."""
    score = instruments.get(name).score(dict(answers))
    return score.total if score.valid else None


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
