"""Run the engine on a person's diary in the background and keep the result for the pages."""

from __future__ import annotations

import time
from typing import Any

from django.utils import timezone

from fibrolog.diary.services.frame import TAG_PREFIX, diary_frame
from fibrolog.insights.models import InsightRun
from fibrolog.lib.background import busy, run_later

# The last full screen per person, so a new check-in refits only what changed (the engine's
# `previous=`). Lost on restart, which only costs one full screen.
_previous: dict[int, Any] = {}
COUNTERFACTUAL_DAYS = 365


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
    from fibrolog.diary.services.checkin import visible_metrics
    from fibrolog.treatments.models import Treatment

    names = {m.key: m.name.lower() for m in visible_metrics(user)}
    names.update({t.key or t.name: t.name for t in Treatment.objects.filter(user=user)})
    return names


def _treatment(item) -> dict[str, Any]:
    dates, without = item.counterfactual()
    keep = slice(-COUNTERFACTUAL_DAYS, None)
    return {
        "reached_by_week": {
            str(w): [round(x, 3) for x in v] for w, v in sorted(item.reached_by_week.items())
        },
        "half_life_days": round(item.half_life_days, 1),
        "extra_weeks": item.extra_weeks,
        "counterfactual": {
            "dates": [d.isoformat() for d in dates[keep]],
            "without": [round(v, 3) for v in without[keep]],
        },
    }


def _item(item, names: dict[str, str]) -> dict[str, Any]:
    out = item.to_dict()
    out["summary"] = item.summary()
    out["factor_label"] = label(item.factor or "", names)
    out["outcome_label"] = label(item.outcome, names)
    if item.kind == "treatment" and hasattr(item, "reached_by_week"):
        out.update(_treatment(item))
    return out


def compute(user_id: int) -> InsightRun:
    """Screen the person's diary and store what a page shows (never raises on odd data)."""
    from django.contrib.auth import get_user_model

    from fibrolog.analysis import insights

    user = get_user_model().objects.get(pk=user_id)
    started = time.perf_counter()
    run, _ = InsightRun.objects.get_or_create(user=user)
    names = names_for(user)
    frame, meta = diary_frame(user)
    outcomes = [o for o in meta["outcomes"] if o in frame.columns]
    try:
        result = insights(
            frame,
            outcomes=outcomes,
            treatments=meta["treatments"],
            worse=meta["worse"],
            scale=meta["scale"],
            slow=meta["slow"],
            previous=_previous.get(user_id),
        )
    except ValueError as exc:  # e.g. an empty diary: a state to show, not a crash
        run.result, run.error = {"shown": [], "collecting": [], "all": 0}, str(exc)
    else:
        _previous[user_id] = result
        run.result = {
            "window": [d.isoformat() for d in result.window] if result.window else None,
            "shown": [_item(i, names) for i in result.shown],
            "treatments": [_item(i, names) for i in result.all if i.kind == "treatment"],
            "collecting": [
                {
                    **c.to_dict(),
                    "summary": c.summary(),
                    "factor_label": label(c.factor or "", names),
                    "outcome_label": label(c.outcome, names),
                }
                for c in result.collecting
            ],
            "all": len(result.all),
        }
        run.error = ""
    run.computed_at, run.stale = timezone.now(), False
    run.diary_through = frame.index.max().date() if len(frame.index) else None
    run.seconds = round(time.perf_counter() - started, 3)
    run.save()
    return run


def latest(user) -> InsightRun | None:
    """Return the stored result, starting a computation when none is on its way.

    A stale result whose refit is not running here (the day was saved by `fibrolog log`, or the
    server restarted) is refitted again.
    """
    run = InsightRun.objects.filter(user=user).first()
    orphaned = run is not None and run.stale and not busy(f"insights-{user.pk}")
    if run is None or orphaned or (run.computed_at is None and not run.stale):
        request_refresh(user)
        run = InsightRun.objects.filter(user=user).first()
    return run
