"""What a clinician may ask of a person: a questionnaire on a schedule, a self-experiment plan.

The only writes a clinician makes about a person, and only while a share is in force: the
request or proposal itself. The person's own data changes only when they act (fill the
questionnaire, accept the plan: a draft experiment they start themselves).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from fibrolog.clinic.models import ExperimentProposal, QuestionnaireRequest, Visit
from fibrolog.experiments.models import Experiment
from fibrolog.experiments.services import ExperimentError, plan_for, save_draft
from fibrolog.questionnaires.models import Response
from fibrolog.questionnaires.services import OFFERED
from fibrolog.sharing.services import active_share

EVERY = (7, 365)  # days: the shortest and longest schedule a clinician may ask for


class RequestError(ValueError):
    """A request that cannot be made: the message says why."""


def _shared(person, clinician) -> None:
    if active_share(person, clinician) is None:
        raise RequestError("This person does not share with you (any more).")


def record_visit(clinician, person, day: date) -> Visit:
    """Record that the clinician saw the person on `day` (flags count from then on)."""
    _shared(person, clinician)
    return Visit.objects.create(clinician=clinician, person=person, day=day)


def request_questionnaire(
    clinician, person, instrument: str, every_days: int
) -> QuestionnaireRequest:
    """Ask the person to fill `instrument` every `every_days` days (replacing an earlier ask)."""
    _shared(person, clinician)
    if instrument not in OFFERED:
        raise RequestError(
            f"unknown questionnaire {instrument!r}: choose from {', '.join(OFFERED)}"
        )
    if not EVERY[0] <= every_days <= EVERY[1]:
        raise RequestError(f"ask every {EVERY[0]} to {EVERY[1]} days")
    with transaction.atomic():
        open_requests(person).filter(clinician=clinician, instrument=instrument).update(
            ended_at=timezone.now()
        )
        return QuestionnaireRequest.objects.create(
            clinician=clinician, person=person, instrument=instrument, every_days=every_days
        )


def withdraw_request(clinician, pk: int) -> int:
    """End one of the clinician's own questionnaire requests."""
    return open_requests().filter(clinician=clinician, pk=pk).update(ended_at=timezone.now())


def open_requests(person=None):
    """Return the requests in force (for one person, when given)."""
    found = QuestionnaireRequest.objects.filter(ended_at__isnull=True)
    return found.filter(person=person) if person is not None else found


@dataclass(frozen=True)
class DueRequest:
    request: QuestionnaireRequest
    last: date | None

    @property
    def asked_by(self) -> str:
        return self.request.clinician.get_username()


def due_requests(person, today: date) -> list[DueRequest]:
    """Return the person's requests that are due: never filled, or filled `every_days` ago.

    Only requests from clinicians the person still shares with count: a revoked share ends the
    clinician's asks at once.
    """
    found = []
    requests = open_requests(person).select_related("clinician").order_by("instrument")
    lasts: dict[str, date] = {}
    for instrument, day in Response.objects.filter(
        user=person, completed_at__isnull=False, instrument__in={r.instrument for r in requests}
    ).values_list("instrument", "day"):
        if day is not None and (instrument not in lasts or day > lasts[instrument]):
            lasts[instrument] = day
    for r in requests:
        last = lasts.get(r.instrument)
        if last is not None and last + timedelta(days=r.every_days) > today:
            continue
        if active_share(person, r.clinician) is not None:
            found.append(DueRequest(r, last))
    return found


def propose(
    clinician,
    person,
    *,
    tested: str,
    comparison: str,
    primary: str,
    design: str,
    params: dict,
    message: str = "",
) -> ExperimentProposal:
    """Propose a self-experiment plan; it is checked exactly as the person's own designer would."""
    _shared(person, clinician)
    proposal = ExperimentProposal(
        clinician=clinician,
        person=person,
        tested=tested.strip()[:80],
        comparison=comparison.strip()[:80] or "Nothing (usual care)",
        primary=primary,
        design=design,
        params=params,
        message=message.strip()[:300],
    )
    if not proposal.tested:
        raise RequestError("Say what the experiment tests.")
    try:
        plan_for(_draft(proposal, timezone.localdate()))
    except ExperimentError as exc:
        raise RequestError(str(exc)) from None
    proposal.save()
    return proposal


def _draft(proposal: ExperimentProposal, start: date) -> Experiment:
    return Experiment(
        user=proposal.person,
        tested=proposal.tested,
        comparison=proposal.comparison,
        primary=proposal.primary,
        design=proposal.design,
        params=dict(proposal.params),
        start=start,
    )


def pending_proposals(person):
    """Return the proposals waiting for the person's answer, from clinicians they share with."""
    waiting = ExperimentProposal.objects.filter(
        person=person, state=ExperimentProposal.PENDING
    ).select_related("clinician")
    return [p for p in waiting if active_share(person, p.clinician) is not None]


@transaction.atomic
def accept(person, pk: int, today: date) -> Experiment:
    """Accept a proposal: it becomes a draft experiment of the person's, which they start."""
    proposal = _pending(person, pk)
    try:
        exp = save_draft(_draft(proposal, today))
    except ExperimentError as exc:
        raise RequestError(str(exc)) from None
    proposal.state, proposal.answered_at, proposal.experiment = (
        ExperimentProposal.ACCEPTED,
        timezone.now(),
        exp,
    )
    proposal.save(update_fields=["state", "answered_at", "experiment"])
    return exp


def decline(person, pk: int) -> ExperimentProposal:
    """Decline a proposal (the clinician sees that it was declined)."""
    proposal = _pending(person, pk)
    proposal.state, proposal.answered_at = ExperimentProposal.DECLINED, timezone.now()
    proposal.save(update_fields=["state", "answered_at"])
    return proposal


def _pending(person, pk: int) -> ExperimentProposal:
    proposal = ExperimentProposal.objects.filter(
        person=person, pk=pk, state=ExperimentProposal.PENDING
    ).first()
    if proposal is None:
        raise LookupError(pk)
    return proposal
