"""Read and save one diary day: values, tags, note, treatments taken, flare.

Saving applies only what the person changed on the form they loaded, so two tabs saving at once
lose nothing: each writes its own changes, and a note edited in both keeps both texts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from fibrolog.diary.models import DailyValue, DayTag, Flare, Metric, Note, PainSites, Tag
from fibrolog.diary.signals import day_saved
from fibrolog.instruments.acr import SITE_KEYS
from fibrolog.treatments.models import Intake, Treatment


@dataclass(frozen=True)
class DayState:
    """What is logged for one day; absent keys are not logged."""

    day: date
    values: Mapping[str, float] = field(default_factory=dict)
    tags: frozenset[str] = frozenset()
    note: str = ""
    intakes: Mapping[int, bool] = field(default_factory=dict)
    flare: int = 0  # 0 no flare, else its severity 1-3
    sites: frozenset[str] = frozenset()  # body-map pain sites

    @property
    def is_empty(self) -> bool:
        return not (
            self.values or self.tags or self.note or self.intakes or self.flare or self.sites
        )


@dataclass(frozen=True)
class NoteEdit:
    before: str  # the text the form showed
    after: str  # the text submitted


@dataclass(frozen=True)
class DayChanges:
    """What a form or command changed. None as a value or intake means: clear it."""

    values: Mapping[str, float | None] = field(default_factory=dict)
    tags_add: frozenset[str] = frozenset()
    tags_remove: frozenset[str] = frozenset()
    note: NoteEdit | None = None
    intakes: Mapping[int, bool | None] = field(default_factory=dict)
    flare: int | None = None  # None: unchanged; 0: no flare that day; 1-3 severity
    sites_add: frozenset[str] = frozenset()
    sites_remove: frozenset[str] = frozenset()

    @property
    def is_empty(self) -> bool:
        return not (
            self.values
            or self.tags_add
            or self.tags_remove
            or self.note is not None
            or self.intakes
            or self.flare is not None
            or self.sites_add
            or self.sites_remove
        )


def day_state(user, day: date) -> DayState:
    """Return everything logged for `day`."""
    return day_states(user, [day])[day]


def day_states(user, days: list[date]) -> dict[date, DayState]:
    """Return everything logged for each of `days`, reading them all in six queries."""
    values: dict[date, dict[str, float]] = {d: {} for d in days}
    rows = DailyValue.objects.for_user(user).filter(day__in=days).preferred()
    for when, key, value in rows.values_list("day", "metric__key", "value"):
        values[when][key] = value
    tags: dict[date, set[str]] = {d: set() for d in days}
    for when, name in DayTag.objects.filter(user=user, day__in=days).values_list(
        "day", "tag__name"
    ):
        tags[when].add(name)
    notes = dict(
        Note.objects.filter(user=user, day__in=days).order_by("-id").values_list("day", "text")
    )  # the first note of a day wins, as `.first()` picked before (by id: the oldest)
    intakes: dict[date, dict[int, bool | None]] = {d: {} for d in days}
    for when, treatment, taken in Intake.objects.filter(
        treatment__user=user, day__in=days
    ).values_list("day", "treatment_id", "taken"):
        intakes[when][treatment] = taken
    flares = sorted(  # the earliest-starting flare covering a day, as Flare's ordering gives
        Flare.objects.filter(user=user, start__lte=max(days), end__gte=min(days)),
        key=lambda f: (f.start, f.pk),
    )
    sites = dict(
        PainSites.objects.filter(user=user, day__in=days)
        .order_by("-id")
        .values_list("day", "sites")
    )
    out = {}
    for d in days:
        flare = next((f for f in flares if f.start <= d <= f.end), None)
        out[d] = DayState(
            d,
            values[d],
            frozenset(tags[d]),
            notes.get(d) or "",
            intakes[d],
            flare.severity if flare else 0,
            frozenset(sites.get(d) or ()),
        )
    return out


@transaction.atomic
def save_day(user, day: date, changes: DayChanges, source: str = DailyValue.MANUAL) -> None:
    """Apply `changes` to `day` in one transaction and announce it (`day_saved`)."""
    _save_values(user, day, changes.values, source)
    _save_tags(user, day, changes.tags_add, changes.tags_remove)
    if changes.note is not None:
        _save_note(user, day, changes.note)
    _save_intakes(user, day, changes.intakes)
    if changes.flare is not None:
        mark_flare(user, day, changes.flare)
    if changes.sites_add or changes.sites_remove:
        _save_sites(user, day, changes.sites_add, changes.sites_remove)
    day_saved.send(sender=DailyValue, user=user, day=day)


def _save_values(user, day: date, values: Mapping[str, float | None], source: str) -> None:
    if not values:
        return
    metrics = {m.key: m for m in Metric.objects.visible_to(user).filter(key__in=list(values))}
    unknown = set(values) - set(metrics)
    if unknown:
        raise ValueError(f"Unknown metric: {', '.join(sorted(unknown))}")
    now = timezone.now()
    rows = [
        DailyValue(
            user=user,
            metric=metrics[k],
            day=day,
            value=v,
            source=source,
            created_at=now,
            updated_at=now,
        )
        for k, v in values.items()
        if v is not None
    ]
    DailyValue.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["user", "metric", "day", "source"],
        update_fields=["value", "updated_at"],
    )
    cleared = [metrics[k] for k, v in values.items() if v is None]
    if cleared:
        DailyValue.objects.filter(user=user, day=day, source=source, metric__in=cleared).delete()


def _save_tags(user, day: date, add: frozenset[str], remove: frozenset[str]) -> None:
    for name in add:
        tag, _ = Tag.objects.get_or_create(user=user, name=name.strip()[:40])
        DayTag.objects.get_or_create(user=user, tag=tag, day=day)
    if remove:
        DayTag.objects.filter(user=user, day=day, tag__name__in=list(remove)).delete()


def _save_note(user, day: date, edit: NoteEdit) -> None:
    after = edit.after.strip()
    if after == edit.before.strip():
        return
    note = Note.objects.select_for_update().filter(user=user, day=day).first()
    stored = note.text if note else ""
    if stored.strip() != edit.before.strip() and stored:  # changed elsewhere meanwhile: keep both
        if not after or after in stored:
            return
        after = f"{stored}\n\n{after}"
    if not after:
        if note:
            note.delete()
        return
    Note.objects.update_or_create(user=user, day=day, defaults={"text": after})


def _save_sites(user, day: date, add: frozenset[str], remove: frozenset[str]) -> None:
    unknown = (add | remove) - set(SITE_KEYS)
    if unknown:
        raise ValueError(f"Unknown body-map site: {', '.join(sorted(unknown))}")
    row = PainSites.objects.select_for_update().filter(user=user, day=day).first()
    sites = (set(row.sites) if row else set()) - remove | add
    ordered = [key for key in SITE_KEYS if key in sites]
    if not ordered:
        PainSites.objects.filter(user=user, day=day).delete()
    else:
        PainSites.objects.update_or_create(user=user, day=day, defaults={"sites": ordered})


def _save_intakes(user, day: date, intakes: Mapping[int, bool | None]) -> None:
    if not intakes:
        return
    owned = set(
        Treatment.objects.filter(user=user, id__in=list(intakes)).values_list("id", flat=True)
    )
    for treatment_id, taken in intakes.items():
        if treatment_id not in owned:
            raise ValueError(f"Unknown treatment: {treatment_id}")
        if taken is None:
            Intake.objects.filter(treatment_id=treatment_id, day=day).delete()
        else:
            Intake.objects.update_or_create(
                treatment_id=treatment_id, day=day, defaults={"taken": taken}
            )


def mark_flare(user, day: date, severity: int) -> None:
    """Make `day` part of a flare of `severity` (merging neighbours), or of none when 0."""
    one = timedelta(days=1)
    covering = Flare.objects.filter(user=user, start__lte=day, end__gte=day).first()
    if severity:
        if covering:
            covering.severity = severity
            covering.save(update_fields=["severity"])
            return
        before = Flare.objects.filter(user=user, end=day - one).first()
        after = Flare.objects.filter(user=user, start=day + one).first()
        if before and after:
            before.end = after.end
            before.severity = max(before.severity, after.severity, severity)
            after.delete()
            before.save()
        elif before:
            before.end = day
            before.save()
        elif after:
            after.start = day
            after.save()
        else:
            Flare.objects.create(user=user, start=day, end=day, severity=severity)
        return
    if not covering:
        return
    if covering.start == covering.end == day:
        covering.delete()
    elif covering.start == day:
        covering.start = day + one
        covering.save()
    elif covering.end == day:
        covering.end = day - one
        covering.save()
    else:
        Flare.objects.create(
            user=user, start=day + one, end=covering.end, severity=covering.severity
        )
        covering.end = day - one
        covering.save()
