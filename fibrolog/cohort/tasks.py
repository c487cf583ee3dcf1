"""The cohort's durable job: run the pooled analysis over consented people and store it."""

from __future__ import annotations

from django_tasks import task


@task()
def run_cohort(treatment: str, outcome: str, slow: bool, requested_by: int | None) -> int:
    """Run and store one pooled analysis; return the stored result's id."""
    from django.contrib.auth import get_user_model

    from fibrolog.cohort.services.run import run_and_store

    who = get_user_model().objects.filter(pk=requested_by).first() if requested_by else None
    return run_and_store(treatment, outcome, slow, who).pk
