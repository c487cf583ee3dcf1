"""Keep an ended self-experiment's verdict for the dashboard (a post_save receiver, in apps.py)."""

from __future__ import annotations

from typing import Any


def keep_verdict(sender: Any, instance: Any, **kwargs: Any) -> None:
    """When an experiment is completed or stopped, work out its verdict once the save commits."""
    from django.db import transaction

    from fibrolog.experiments.models import Experiment

    if instance.status in (Experiment.COMPLETED, Experiment.STOPPED):
        pk = instance.pk
        transaction.on_commit(lambda: _quietly(pk))


def _quietly(pk: int) -> None:
    """Keep the verdict; a failure is logged, never raised into the person's own action."""
    import logging

    try:
        write_verdict(pk)
    except Exception:  # the dashboard then shows no verdict; the person's page still does
        logging.getLogger(__name__).exception("could not keep the verdict of experiment %s", pk)


def write_verdict(pk: int) -> None:
    """Analyse the ended experiment (by its first locked plan) and keep its headline."""
    from fibrolog.accounts.services import today_for
    from fibrolog.clinic.models import ExperimentVerdict
    from fibrolog.experiments.models import Experiment
    from fibrolog.experiments.services import result

    exp = Experiment.objects.filter(pk=pk).select_related("user").first()
    if exp is None:
        return
    res = result(exp, today_for(exp.user))
    if res is None:
        return
    last_day = max((d.day for d in exp.days.all()), default=exp.start)
    ended_on = min(exp.stopped_on or last_day, last_day)
    ExperimentVerdict.objects.update_or_create(
        experiment=exp,
        defaults={"person": exp.user, "ended_on": ended_on, "words": res.headline()[:300]},
    )
