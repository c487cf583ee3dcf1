"""Build a clinician report: the period, then each chosen section from the section list."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from fibrolog.accounts.services import today_for

DEFAULT_DAYS = 182  # about six months: the usual time between two appointments
MAX_DAYS = 366 * 5
BEFORE_DAYS = 28  # shown before the latest treatment start, to compare with


def default_start(user, end: date) -> date:
    """Return the default first day: six months back, or four weeks before the latest start.

    A treatment started before the six months would otherwise be shown without its "before".
    """
    from django.db.models import Min

    from fibrolog.treatments.models import Treatment

    start = end - timedelta(days=DEFAULT_DAYS - 1)
    firsts = (
        Treatment.objects.filter(user=user)
        .annotate(first=Min("regimens__start"))
        .filter(first__lte=end)
        .values_list("first", flat=True)
    )
    latest = max(firsts, default=None)
    if latest is not None:
        start = min(start, latest - timedelta(days=BEFORE_DAYS))
    return max(start, end - timedelta(days=MAX_DAYS - 1))


class ReportError(ValueError):
    """A person-readable reason a report cannot be made."""


@dataclass(frozen=True)
class Request:
    """What the person asked for: whose, which days, which sections, which name to print."""

    user: Any
    start: date
    end: date
    sections: frozenset[str]
    name: str = ""

    @classmethod
    def for_period(
        cls,
        user,
        *,
        start: date | None = None,
        end: date | None = None,
        sections: frozenset[str] | None = None,
        name: str = "",
    ) -> Request:
        """Return a request, filling in the defaults; raise ReportError for an impossible one."""
        from fibrolog.reports.sections import default_keys, keys

        end = end or today_for(user)
        start = start or default_start(user, end)
        if start > end:
            raise ReportError("The first day is after the last day.")
        if (end - start).days >= MAX_DAYS:
            raise ReportError("Choose a period of at most five years.")
        chosen = default_keys() if sections is None else sections
        unknown = set(chosen) - set(keys())
        if unknown:
            raise ReportError(f"Unknown section: {', '.join(sorted(unknown))}")
        return cls(user, start, end, frozenset(chosen), name.strip()[:80])

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Part:
    """One rendered section: its heading, its template and what the template shows."""

    key: str
    title: str
    template: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    request: Request
    made_on: date
    parts: list[Part]

    @property
    def start(self) -> date:
        return self.request.start

    @property
    def end(self) -> date:
        return self.request.end

    @property
    def summary(self) -> str:
        """Return the one-line summary shown at the top."""
        from fibrolog.reports.summary import summarise

        return summarise(self.parts, self.start)

    @property
    def appendix(self) -> dict[str, Any]:
        """Return what the methods appendix shows."""
        from fibrolog.reports.appendix import methods

        return methods()


def build_report(request: Request) -> Report:
    """Build every chosen section, in the order of the section list."""
    from fibrolog.reports.sections import SECTIONS

    parts = [
        Part(s.key, s.title, s.template, s.build(request))
        for s in SECTIONS
        if s.key in request.sections
    ]
    return Report(request, today_for(request.user), parts)
