"""Run the engine on a person's diary in the background and keep the result for the pages."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from django.utils import timezone

from fibrolog.diary.services.frame import TAG_PREFIX, diary_frame
from fibrolog.insights.models import InsightRun
from fibrolog.lib.background import busy, run_later

if TYPE_CHECKING:
    from fibrolog.analysis.results import InsightsResult

COUNTERFACTUAL_DAYS = 365  # the treatment page draws the last year of the counterfactual
FULL_SCREEN_DAYS = 7  # a check-in updates the last screen; a full screen at least this often


def request_refresh(user) -> None:
    """Mark the person's insights stale and recompute them after the current transaction."""
    InsightRun.objects.update_or_create(user=user, defaults={"stale": True})
    user_id = user.pk
    run_later(f"insights-{user_id}", lambda: compute(user_id))


def label(column: str, names: dict[str, str] | None = None) -> str:
    """Return a column as people read it ("tag:poor sleep" -> "poor sleep", "ldn" -> its name)."""
    if names and column in names:
        return names[column]
    return column[len(TAG_PREFIX) :] if column.startswith(TAG_PREFIX) else column.replace("_", " ")


def names_for(user) -> dict[str, str]:
    """Return display names of the person's metric and treatment columns."""
    from fibrolog.diary.models import Metric
    from fibrolog.treatments.models import Treatment

    names = {m.key: m.name.lower() for m in Metric.objects.visible_to(user)}
    names.update({t.key or t.name: t.name for t in Treatment.objects.filter(user=user)})
    return names


def compute(user_id: int) -> InsightRun:
    """Screen the person's diary and store what a page shows (never raises on odd data)."""
    from django.contrib.auth import get_user_model

    from fibrolog.analysis import InsightsModel, InsightsResult

    user = get_user_model().objects.get(pk=user_id)
    started = time.perf_counter()
    run, _ = InsightRun.objects.get_or_create(user=user)
    frame, meta = diary_frame(user)
    previous = _reusable(run, frame)
    model = InsightsModel(
        outcomes=tuple(o for o in meta["outcomes"] if o in frame.columns),
        treatments=tuple(meta["treatments"]),
        worse=dict(meta["worse"]),
        scale=dict(meta["scale"]),
        slow=frozenset(meta["slow"]),
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

    A stale result whose refit is not running here (the day was saved by `fibrolog log`, or the
    server restarted) is refitted again.
    """
    run = InsightRun.objects.filter(user=user).first()
    orphaned = run is not None and run.stale and not busy(f"insights-{user.pk}")
    never = run is None or (run.computed_at is None and not run.stale)
    if never or orphaned or (not run.stale and "state" not in run.result):  # or an older format
        request_refresh(user)
        run = InsightRun.objects.filter(user=user).first()
    return run
