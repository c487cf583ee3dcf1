"""Write a simulated diary (fibrolog.analysis.simulate) into a person's account."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from fibrolog.accounts.services import AccountError, create_account, ensure_profile
from fibrolog.analysis import DemoDiary, simulate_diary
from fibrolog.catalogue import TREATMENTS
from fibrolog.diary.models import DailyValue, DayTag, Flare, Metric, Note, Tag
from fibrolog.treatments.models import Intake, Regimen, Treatment

CATALOGUE = {t.key: t for t in TREATMENTS}
BATCH = 5000


def create_demo_account(username: str, *, years: float, seed: int, end: date | None = None):
    """Create an account with no password holding a demo diary, and return it."""
    from fibrolog.accounts import middleware

    user = create_account(username, None)
    load_demo(user, years=years, seed=seed, end=end)
    profile = ensure_profile(user)
    profile.is_demo = True
    profile.save(update_fields=["is_demo"])
    middleware.forget_users()
    return user


@transaction.atomic
def load_demo(user, *, years: float, seed: int, end: date | None = None) -> DemoDiary:
    """Fill an empty account with a demo diary; refuse an account that already has data."""
    if DailyValue.objects.filter(user=user).exists():
        raise AccountError(
            f"{user.username!r} already has diary data: demo data goes into an "
            "empty account only (try --user demo)."
        )
    diary = simulate_diary(years=years, seed=seed, end=end)
    ensure_profile(user)
    _write_values(user, diary)
    _write_tags(user, diary)
    Note.objects.bulk_create([Note(user=user, day=d, text=t) for d, t in diary.notes.items()])
    Flare.objects.bulk_create(
        [Flare(user=user, start=f.start, end=f.end, severity=f.severity) for f in diary.flares]
    )
    _write_treatments(user, diary)
    return diary


def _write_values(user, diary: DemoDiary) -> None:
    metrics = {m.key: m for m in Metric.objects.filter(owner__isnull=True, key__in=diary.values)}
    now = timezone.now()
    rows = [
        DailyValue(
            user=user,
            metric=metrics[key],
            day=day,
            value=value,
            source=DailyValue.DEMO,
            created_at=now,
            updated_at=now,
        )
        for key, values in diary.values.items()
        if key in metrics
        for day, value in zip(diary.days, values, strict=True)
        if value is not None
    ]
    DailyValue.objects.bulk_create(rows, batch_size=BATCH)


def _write_tags(user, diary: DemoDiary) -> None:
    existing = {t.name: t for t in Tag.objects.filter(user=user)}
    for name in diary.tags:
        if name not in existing:
            existing[name] = Tag.objects.create(user=user, name=name)
    DayTag.objects.bulk_create(
        [
            DayTag(user=user, tag=existing[name], day=d)
            for name, days in diary.tags.items()
            for d in days
        ],
        batch_size=BATCH,
    )


def _write_treatments(user, diary: DemoDiary) -> None:
    for demo in diary.treatments:
        spec = CATALOGUE.get(demo.key)
        treatment = Treatment.objects.create(
            user=user,
            name=demo.name,
            key=demo.key,
            unit=demo.unit,
            kind=spec.kind if spec else "medication",
            onset=spec.onset if spec else "slow",
        )
        Regimen.objects.bulk_create(
            [
                Regimen(treatment=treatment, start=start, stop=stop, dose=Decimal(str(dose)))
                for start, stop, dose in demo.regimens
            ]
        )
        Intake.objects.bulk_create(
            [Intake(treatment=treatment, day=d, taken=t) for d, t in demo.taken.items()],
            batch_size=BATCH,
        )
