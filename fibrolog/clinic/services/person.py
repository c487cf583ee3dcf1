"""One person's page for a clinician: their report and timeline read-only, only the parts shared."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.http import Http404

from fibrolog import instruments
from fibrolog.accounts.services import today_for
from fibrolog.clinic.models import ExperimentProposal, Visit
from fibrolog.clinic.services.requests import open_requests
from fibrolog.diary.services.timeline import TimelineView, timeline
from fibrolog.experiments.services import ReportRow, report_rows
from fibrolog.questionnaires.services import OFFERED, HistoryRow, history
from fibrolog.reports.services import Report, Request, build_report
from fibrolog.sharing.models import PARTS
from fibrolog.sharing.services import can_see

TIMELINE_DAYS = (30, 90, 365)


@dataclass(frozen=True)
class PersonPage:
    person: Any
    parts: tuple[str, ...]
    report: Report | None = None
    timeline: TimelineView | None = None
    questionnaires: list[tuple[str, list[HistoryRow]]] = field(default_factory=list)
    experiments: list[ReportRow] = field(default_factory=list)
    requests: list = field(default_factory=list)
    proposals: list = field(default_factory=list)
    last_visit: Any = None

    @property
    def what(self) -> str:
        """The audit entry's words: which parts this page showed."""
        return "clinic person page: " + ", ".join(self.parts)


def shared_person(clinician, pk: int):
    """Return the person if they share anything with the clinician now; else 404 (as missing)."""
    person = get_user_model().objects.filter(pk=pk).first()
    if person is None or person.pk == clinician.pk:
        raise Http404("No such person.")
    parts = tuple(p for p in PARTS if can_see(clinician, person, p))
    if not parts:
        raise Http404("No such person.")
    return person, parts


def person_page(clinician, pk: int, *, days: int = 90) -> PersonPage:
    """Build what the clinician may see of the person, part by part."""
    person, parts = shared_person(clinician, pk)
    today = today_for(person)
    page: dict[str, Any] = {}
    if "report" in parts:
        page["report"] = build_report(Request.for_period(person, end=today))
    if "diary" in parts:
        page["timeline"] = timeline(person, today, days if days in TIMELINE_DAYS else 90)
    if "questionnaires" in parts:
        page["questionnaires"] = [
            (instruments.get(name).title, rows)
            for name in OFFERED
            if (rows := history(person, name))
        ]
    if "insights" in parts:
        page["experiments"] = report_rows(person, today)
    return PersonPage(
        person,
        parts,
        requests=list(open_requests(person).filter(clinician=clinician)),
        proposals=list(ExperimentProposal.objects.filter(clinician=clinician, person=person)[:10]),
        last_visit=Visit.objects.filter(clinician=clinician, person=person).first(),
        **page,
    )
