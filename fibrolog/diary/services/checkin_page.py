"""Gather what the check-in page shows for one day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Prefetch, Q

from fibrolog.accounts.services import ensure_profile
from fibrolog.diary.models import Metric, Tag
from fibrolog.diary.services.checkin import DayState, day_state
from fibrolog.diary.services.checkin_settings import checkin_metrics
from fibrolog.treatments.models import Regimen, Treatment


@dataclass(frozen=True)
class CheckinPage:
    day: date
    today: date
    metrics: list[Metric]
    tag_names: list[str]
    treatments: list[Treatment]
    state: DayState
    yesterday: DayState
    body_map: bool = False

    def form_kwargs(self) -> dict:
        return {
            "metrics": self.metrics,
            "tag_names": self.tag_names,
            "treatments": self.treatments,
            "state": self.state,
            "today": self.today,
        }


def treatments_on(user, day: date) -> list[Treatment]:
    """Return treatments with a regimen running on `day` or an intake logged that day."""
    running = Q(regimens__start__lte=day) & (
        Q(regimens__stop__isnull=True) | Q(regimens__stop__gte=day)
    )
    return list(
        Treatment.objects.filter(user=user)
        .filter(running | Q(intakes__day=day))
        .distinct()
        .prefetch_related(Prefetch("regimens", queryset=Regimen.objects.order_by("start")))
    )


def checkin_page(user, day: date | None = None) -> CheckinPage:
    """Return the check-in page for `day` (today by default)."""
    profile = ensure_profile(user)
    today = profile.today()
    day = day or today
    tags = list(Tag.objects.filter(user=user, archived=False).values_list("name", flat=True))
    return CheckinPage(
        day=day,
        today=today,
        metrics=checkin_metrics(user),
        tag_names=tags,
        treatments=treatments_on(user, day),
        state=day_state(user, day),
        yesterday=day_state(user, day - timedelta(days=1)),
        body_map=profile.body_map_on_checkin,
    )
