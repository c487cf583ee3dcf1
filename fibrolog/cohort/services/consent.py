"""A person's research consent: read it, give it, take it back (at once)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet

from fibrolog.accounts.models import PERSON
from fibrolog.audit.services import record
from fibrolog.cohort.models import CohortResult, ResearchConsent

__all__ = ["consented", "consented_people", "forget_on_delete", "set_consent", "withdraw"]


def consented(user) -> ResearchConsent | None:
    """Return the person's consent row when they said yes, else None."""
    return ResearchConsent.objects.filter(user=user, consented=True).first()


def consented_people() -> QuerySet:
    """Return the people (role person, active) who said yes, in a stable order."""
    return (
        get_user_model()
        .objects.filter(is_active=True, research_consent__consented=True, profile__role=PERSON)
        .order_by("pk")
    )


def set_consent(user, yes: bool, *, address: str = "") -> ResearchConsent:
    """Record the person's yes or no; a no takes their summary out of stored results at once.

    Their own insights are refitted (with or without the cohort's starting point), and each
    stored result that held their summary is queued to run again without them.
    """
    from fibrolog.insights.services import request_refresh

    with transaction.atomic():
        row, _ = ResearchConsent.objects.select_for_update().get_or_create(user=user)
        row.consented = yes
        row.save()
        record(user, "consent" if yes else "revoke", "research use of the diary", subject=user,
               address=address)  # fmt: skip
        if not yes:
            withdraw(row.research_id)
        request_refresh(user, delay=None)
    return row


def withdraw(research_id: str) -> int:
    """Take a person's summary out of every stored result and queue those analyses again.

    Returns how many stored results held it. Called on a no, and when an account is erased
    (its consent row is deleted with it).
    """
    from fibrolog.cohort.tasks import run_cohort
    from fibrolog.jobs.services import enqueue

    changed = 0
    for result in CohortResult.objects.all().iterator():
        people = result.result.get("per_person", ())
        kept = [p for p in people if p.get("id") != research_id]
        if len(kept) != len(people):
            result.result = {**result.result, "per_person": kept, "withdrawn": True}
            result.save(update_fields=["result"])
            enqueue(run_cohort, result.treatment, result.outcome, result.slow, None, once=True)
            changed += 1
    return changed


def forget_on_delete(sender, instance: ResearchConsent, **kwargs) -> None:
    """Withdraw a person's summary when their consent row goes (their account was erased)."""
    withdraw(instance.research_id)
