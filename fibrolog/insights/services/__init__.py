"""Run the engine on a person's diary in a worker and keep the result for the pages."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from fibrolog.diary.services.frame import TAG_PREFIX, diary_frame
from fibrolog.insights import priors
from fibrolog.insights.models import InsightRun
from fibrolog.jobs.services import enqueue, pending

if TYPE_CHECKING:
    from fibrolog.analysis.results import InsightsResult

COUNTERFACTUAL_DAYS = 365  # the treatment page draws the last year of the counterfactual
FULL_SCREEN_DAYS = 7  # a check-in updates the last screen; a full screen at least this often
# A refit waits this long in the queue, so the check-ins of the next moments join it: many
# check-ins by one person in a short while cause one refit.
COALESCE = timedelta(seconds=15)


def request_refresh(user, *, delay: timedelta | None = COALESCE) -> None:
    """Mark the person's insights stale and queue one refit, run after the transaction commits."""
    InsightRun.objects.update_or_create(user=user, defaults={"stale": True})
    queue_refit(user.pk, delay=delay)


def queue_refit(user_id: int, *, delay: timedelta | None = COALESCE) -> None:
    """Queue a refit of the person's insights unless one is already waiting."""
    from fibrolog.insights.tasks import refit

    enqueue(refit, user_id, delay=delay, once=True)


def label(column: str, names: dict[str, str] | None = None) -> str:
    """Return a column as people read it ("tag:poor sleep" -> "poor sleep", "ldn" -> its name)."""
    if names and column in names:
        return names[column]
    return column[len(TAG_PREFIX) :] if column.startswith(TAG_PREFIX) else column.replace("_", " ")


def names_for(user) -> dict[str, str]:
    """Return display names of the person's metric and treatment columns."""
    from fibrolog.diary.models import Metric
    from fibrolog.treatments.models import Treatment

    names = {
        m.key: m.name if m.owner_id else _mid_sentence(m.name)
        for m in Metric.objects.visible_to(user)
    }
    names.update({t.key or t.name: t.name for t in Treatment.objects.filter(user=user)})
    return names


def _mid_sentence(name: str) -> str:
    """Return a built-in name as it reads mid-sentence ("Sleep quality" -> "sleep quality").

    Names a person wrote (their treatments, tags, own metrics) are never re-cased ("LDN").
    """
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def measures_same_thing(factor: str, outcome: str) -> bool:
    """Return whether a factor is another measure of the outcome (a sleep tag and sleep quality).

    Such a link says nothing new, so it is never shown as an insight; the pairs are declared
    once, in the catalogue's `MEASURES`.
    """
    from fibrolog.catalogue import MEASURES

    if not factor.startswith(TAG_PREFIX):
        return False
    tag = factor[len(TAG_PREFIX) :].strip().lower()
    return outcome in MEASURES.get(tag, ())


def shown(result: InsightsResult) -> list:
    """Return what a page shows: the shown insights less links between two measures of one thing."""
    return [i for i in result.shown if not measures_same_thing(i.factor, i.outcome)]


def logged_days(user) -> int:
    """Return on how many days the person has logged anything (insights start at MIN_DAYS)."""
    from fibrolog.diary.models import DailyValue

    return DailyValue.objects.for_user(user).values("day").distinct().count()


def compute(user_id: int) -> InsightRun:
    """Screen the person's diary and store what a page shows (never raises on odd data)."""
    from django.contrib.auth import get_user_model

    from fibrolog.analysis import InsightsModel, InsightsResult

    user = get_user_model().objects.get(pk=user_id)
    started = time.perf_counter()
    run, _ = InsightRun.objects.get_or_create(user=user)
    frame, meta = diary_frame(user)
    previous = _reusable(run, frame)
    sources = priors.for_user(user)
    model = InsightsModel(
        outcomes=tuple(o for o in meta["outcomes"] if o in frame.columns),
        treatments=tuple(meta["treatments"]),
        worse=dict(meta["worse"]),
        scale=dict(meta["scale"]),
        slow=frozenset(meta["slow"]),
        priors={
            key: source.prior
            for key, source in sources.items()
            if key[1] in meta["treatments"] and tuple(meta["scale"].get(key[0], ())) == (0, 10)
        },
    )
    try:
        result = model.fit(frame) if previous is None else model.update(previous, frame)
    except ValueError as exc:  # e.g. an empty diary: a state to show, not a crash
        run.result, run.error = InsightsResult((), (), (), None).to_dict(), str(exc)
    else:
        run.result, run.error = result.to_dict(), ""
    run.computed_at, run.stale = timezone.now(), False
    run.diary_through = frame.index.max().date() if len(frame.index) else None
    run.seconds = round(time.perf_counter() - started, 3)
    run.save()
    return run


def _reusable(run: InsightRun, frame) -> InsightsResult | None:
    """Return the stored result for an update, or None when a full screen is due."""
    previous = run.insights()
    if previous is None or previous.state is None or not len(frame.index):
        return None
    last_full = previous.state.full_screen_window[1]
    return previous if (frame.index.max().date() - last_full).days < FULL_SCREEN_DAYS else None


def latest(user) -> InsightRun | None:
    """Return the stored result, starting a computation when none is on its way.

    A stale result with no refit queued or running (the job failed, or was pruned) is refitted
    again.
    """
    from fibrolog.insights.tasks import refit

    run = InsightRun.objects.filter(user=user).first()
    orphaned = run is not None and run.stale and not pending(refit, user.pk)
    never = run is None or (run.computed_at is None and not run.stale)
    if never or orphaned or (not run.stale and "state" not in run.result):  # or an older format
        request_refresh(user, delay=None)  # a page is waiting: no check-ins to gather
        run = InsightRun.objects.filter(user=user).first()
    return run
