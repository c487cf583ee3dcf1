"""What experiments do when the diary changes (connected in `apps.py`)."""

from __future__ import annotations

from typing import Any


def update_status_after_save(sender: Any, user: Any, day: Any, **kwargs: Any) -> None:
    """Mark the person's finished experiments completed (a `day_saved` receiver)."""
    from fibrolog.accounts.services import today_for
    from fibrolog.experiments.models import Experiment
    from fibrolog.experiments.services import refresh_status

    active = Experiment.objects.filter(
        user=user, status__in=(Experiment.RUNNING, Experiment.PAUSED)
    )
    if active.exists():
        today = today_for(user)
        for exp in active:
            refresh_status(exp, today)
