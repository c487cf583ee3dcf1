"""Which metrics appear on a person's check-in, and in what order; their own metrics."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from fibrolog.accounts.services import ensure_profile
from fibrolog.diary.models import Metric


@dataclass(frozen=True)
class MetricRow:
    metric: Metric
    on_checkin: bool
    can_move_up: bool = False
    can_move_down: bool = False


def checkin_metrics(user) -> list[Metric]:
    """Return the metrics on the person's check-in, in their order."""
    keys = ensure_profile(user).checkin_metrics
    by_key = {m.key: m for m in Metric.objects.visible_to(user).filter(key__in=keys)}
    return [by_key[k] for k in keys if k in by_key]


def rows(user) -> list[MetricRow]:
    """Return every metric: first the check-in ones in order, then the rest."""
    chosen = checkin_metrics(user)
    chosen_ids = {m.id for m in chosen}
    others = [m for m in Metric.objects.visible_to(user) if m.id not in chosen_ids]
    last = len(chosen) - 1
    return [MetricRow(m, True, i > 0, i < last) for i, m in enumerate(chosen)] + [
        MetricRow(m, False) for m in others
    ]


@transaction.atomic
def apply(user, post: Mapping[str, str]) -> None:
    """Apply a move ("pain:up") or the set of ticked metrics from the settings form."""
    profile = ensure_profile(user)
    keys = list(profile.checkin_metrics)
    move = post.get("move", "")
    if move:
        key, _, direction = move.partition(":")
        if key in keys:
            i = keys.index(key)
            j = i - 1 if direction == "up" else i + 1
            if 0 <= j < len(keys):
                keys[i], keys[j] = keys[j], keys[i]
    else:
        ticked = set(post.getlist("on_checkin")) if hasattr(post, "getlist") else set()
        valid = set(Metric.objects.visible_to(user).values_list("key", flat=True))
        keys = [k for k in keys if k in ticked] + sorted((ticked & valid) - set(keys))
    profile.checkin_metrics = keys
    profile.save(update_fields=["checkin_metrics"])


def add_metric(
    user,
    *,
    name: str,
    kind: str,
    low: float,
    high: float,
    step: float,
    unit: str,
    worse: str,
    question: str = "",
) -> Metric:
    """Create a person's own metric and put it at the end of their check-in."""
    key = slugify(name).replace("-", "_")[:40] or "metric"
    taken = set(Metric.objects.visible_to(user).values_list("key", flat=True))
    base, n = key, 2
    while key in taken:
        key = f"{base[:36]}_{n}"
        n += 1
    metric = Metric.objects.create(
        owner=user,
        key=key,
        name=name,
        kind=kind,
        low=low,
        high=high,
        step=step,
        unit=unit,
        worse=worse,
        question=question,
        position=1000,
    )
    profile = ensure_profile(user)
    profile.checkin_metrics = [*profile.checkin_metrics, key]
    profile.save(update_fields=["checkin_metrics"])
    return metric
