"""Gather what the check-in page shows for one day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Prefetch, Q

from fibrolog.accounts.services import ensure_profile
from fibrolog.catalogue import BAD_DAY_CHECKIN
from fibrolog.diary.models import Metric, Tag
from fibrolog.diary.services.checkin import DayState, day_states
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
    bad_day: bool = False  # ask only pain, fatigue and sleep; the rest can wait
    same_as_yesterday: bool = False  # the form shows the day before's entries, not yet saved

    def form_kwargs(self) -> dict:
        return {
            "metrics": self.metrics,
            "tag_names": self.tag_names,
            "treatments": self.treatments,
            "state": self.state,
            "today": self.today,
            "prefill": self.yesterday if self.same_as_yesterday else None,
        }

    @property
    def is_today(self) -> bool:
        return self.day == self.today

    @property
    def previous(self) -> date:
        return self.day - timedelta(days=1)

    @property
    def next(self) -> date | None:
        return None if self.day >= self.today else self.day + timedelta(days=1)


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


def bad_day_metrics(user) -> list[Metric]:
    """Return the few metrics a bad day asks (pain, fatigue, sleep quality)."""
    by_key = {m.key: m for m in Metric.objects.visible_to(user).filter(key__in=BAD_DAY_CHECKIN)}
    return [by_key[k] for k in BAD_DAY_CHECKIN if k in by_key]


def checkin_form(user, day: date | None = None, *, bad_day: bool = False) -> dict:
    """Return what a submitted check-in is checked against: its fields, not the day's entries.

    A save needs the metrics, treatments and tag names the form may carry, not what the day
    holds: the page sent what it showed in its `o_` fields and only differences are saved.
    Every tag name is allowed (archived ones too: the day may carry one).
    """
    today = ensure_profile(user).today()
    day = day or today
    return {
        "metrics": bad_day_metrics(user) if bad_day else checkin_metrics(user),
        "tag_names": list(Tag.objects.filter(user=user).values_list("name", flat=True)),
        "treatments": treatments_on(user, day),
        "state": DayState(day),
        "today": today,
    }


def checkin_page(
    user, day: date | None = None, *, bad_day: bool = False, same_as_yesterday: bool = False
) -> CheckinPage:
    """Return the check-in page for `day` (today by default), short on a bad day."""
    profile = ensure_profile(user)
    today = profile.today()
    day = day or today
    tags = list(Tag.objects.filter(user=user, archived=False).values_list("name", flat=True))
    before = day - timedelta(days=1)
    states = day_states(user, [day, before])  # one read for both days
    return CheckinPage(
        day=day,
        today=today,
        metrics=bad_day_metrics(user) if bad_day else checkin_metrics(user),
        tag_names=tags,
        treatments=treatments_on(user, day),
        state=states[day],
        yesterday=states[before],
        body_map=profile.body_map_on_checkin and not bad_day,
        bad_day=bad_day,
        same_as_yesterday=same_as_yesterday,
    )
