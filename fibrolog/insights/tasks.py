"""Insights' jobs: refit one person (coalesced per person), and refit everyone nightly."""

from __future__ import annotations

from django_tasks import task


@task()
def refit(user_id: int) -> None:
    """Refit one person's insights (nothing to do if the account was erased meanwhile)."""
    from django.contrib.auth import get_user_model

    from fibrolog.insights.services import compute

    if get_user_model().objects.filter(pk=user_id).exists():
        compute(user_id)


@task()
def refit_everyone() -> int:
    """Queue a refit for every person with insights (their "today" moved on); return how many."""
    from fibrolog.insights.models import InsightRun
    from fibrolog.insights.services import queue_refit

    people = list(InsightRun.objects.values_list("user_id", flat=True))
    for user_id in people:
        queue_refit(user_id)
    return len(people)
