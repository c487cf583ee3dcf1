"""Batch writers for the loader: keyed inserts that ignore what is already there."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from django.db import connection
from django.utils import timezone

from fibrolog.catalogue import TREATMENTS
from fibrolog.diary.models import DailyValue, DayTag, Metric, Note, Tag
from fibrolog.imports.models import ImportedKey, RawSample
from fibrolog.ingest import DayEntry, DayNote, Intake, Sample
from fibrolog.ingest import DayTag as TagRecord
from fibrolog.treatments.models import Intake as IntakeRow
from fibrolog.treatments.models import Regimen, Treatment

CATALOGUE = {t.key: t for t in TREATMENTS}


def _insert_ignoring(model, columns: list[str], rows: list[tuple]) -> int:
    """INSERT rows, skipping those whose natural key exists; return how many were new."""
    if not rows:
        return 0
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    sql = (
        f"INSERT INTO {table} ({names}) VALUES ({marks}) "
        f"ON CONFLICT (user_id, source, natural_key) DO NOTHING"
    )
    if connection.vendor == "postgresql":
        return _copy_ignoring(table, names, rows)
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
        return max(cursor.rowcount, 0)


def _copy_ignoring(table: str, names: str, rows: list[tuple]) -> int:
    """PostgreSQL: COPY rows into a session-local staging table, then insert the new ones.

    COPY streams the batch in one round trip; measured against executemany on the Apple Health
    import in docs/server.md (bench/apple_health.py).
    """
    stage = connection.ops.quote_name(f"stage_{table.strip(chr(34))}")
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE IF NOT EXISTS {stage} AS "
            f"SELECT {names} FROM {table} WITH NO DATA"
        )
        with cursor.cursor.copy(f"COPY {stage} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute(
            f"INSERT INTO {table} ({names}) SELECT {names} FROM {stage} "
            f"ON CONFLICT (user_id, source, natural_key) DO NOTHING"
        )
        new = max(cursor.rowcount, 0)
        cursor.execute(f"TRUNCATE {stage}")
        return new


def _datetime_adapter():
    """Return a fast datetime -> database value function (Django's own is the slow path)."""
    if connection.vendor != "sqlite":
        return connection.ops.adapt_datetimefield_value
    cache: dict[datetime, str] = {}  # a reading's start and end are often the same moment

    def adapt(moment: datetime) -> str:  # Django stores naive UTC text 'YYYY-MM-DD HH:MM:SS[.f]'
        text = cache.get(moment)
        if text is None:
            if len(cache) > 50_000:
                cache.clear()
            text = cache[moment] = moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ")
        return text

    return adapt


def stored_key(sample: Sample, start: object) -> str:
    """Return the sample's natural key prefixed with its start (UTC, to the second).

    Still the same on every import of the same sample, and nearly sorted within an export, so
    the unique index grows at its end instead of at random places: writes take half the time.
    `start` is the start as stored (computed once per row).
    """
    return f"{str(start)[:19]}.{sample.natural_key}"[:100]


def samples(user, batch: list[Sample]) -> int:
    """Store raw samples; return how many were new."""
    adapt = _datetime_adapter()
    if connection.vendor != "sqlite":  # there `adapt` returns datetimes: key on UTC text

        def key(s: Sample, _start: object) -> str:
            return stored_key(s, s.start.astimezone(UTC).replace(tzinfo=None).isoformat(" "))
    else:
        key = stored_key
    rows = []
    for s in batch:
        start = adapt(s.start)
        rows.append(
            (
                user.pk,
                s.source,
                key(s, start),
                s.kind,
                start,
                adapt(s.end),
                s.value,
                s.unit[:20],
                s.device[:120],
                s.detail[:120],
            )
        )
    return _insert_ignoring(
        RawSample,
        [
            "user_id",
            "source",
            "natural_key",
            "kind",
            "start",
            "end",
            "value",
            "unit",
            "device",
            "detail",
        ],
        rows,
    )


def keys(user, batch: Iterable) -> int:
    """Remember diary-app records' natural keys; return how many were new."""
    rows = [(user.pk, r.source, str(r.natural_key)[:200]) for r in batch]
    return _insert_ignoring(ImportedKey, ["user_id", "source", "natural_key"], rows)


def _metrics(user) -> dict[str, Metric]:
    from fibrolog.diary.models import Metric

    return {m.key: m for m in Metric.objects.visible_to(user)}


def daily_values(user, entries: Iterable[DayEntry]) -> set[date]:
    """Upsert day values under their import's source; return the days whose values changed."""
    metrics = _metrics(user)
    wanted = [e for e in entries if e.metric in metrics]
    if not wanted:
        return set()
    sources = {e.source for e in wanted}
    existing = {
        (source, key, day): value
        for source, key, day, value in DailyValue.objects.filter(
            user=user, source__in=sources
        ).values_list("source", "metric__key", "day", "value")
    }
    now = timezone.now()
    changed = [e for e in wanted if existing.get((e.source, e.metric, e.day)) != e.value]
    DailyValue.objects.bulk_create(
        [
            DailyValue(
                user=user,
                metric=metrics[e.metric],
                day=e.day,
                value=e.value,
                source=e.source,
                created_at=now,
                updated_at=now,
            )
            for e in changed
        ],
        update_conflicts=True,
        unique_fields=["user", "metric", "day", "source"],
        update_fields=["value", "updated_at"],
        batch_size=2000,
    )
    return {e.day for e in changed}


def diary_records(user, batch: list) -> set[date]:
    """Apply diary-app records (values, tags, notes, intakes); return the days changed."""
    days = daily_values(user, [r for r in batch if isinstance(r, DayEntry)])
    for record in batch:
        if isinstance(record, TagRecord):
            tag, _ = Tag.objects.get_or_create(user=user, name=record.tag.strip()[:40])
            if DayTag.objects.get_or_create(user=user, tag=tag, day=record.day)[1]:
                days.add(record.day)
        elif isinstance(record, DayNote):
            if _note(user, record):
                days.add(record.day)
        elif isinstance(record, Intake) and _intake(user, record):
            days.add(record.day)
    return days


def _note(user, record: DayNote) -> bool:
    text = (f"{record.title}: {record.text}" if record.title else record.text).strip()[:5000]
    note = Note.objects.filter(user=user, day=record.day).first()
    if note is None:
        Note.objects.create(user=user, day=record.day, text=text)
        return True
    if text in note.text:
        return False
    note.text = f"{note.text}\n\n{text}"[:5000]
    note.save(update_fields=["text", "updated_at"])
    return True


def _intake(user, record: Intake) -> bool:
    spec = CATALOGUE.get(record.treatment)
    name = (spec.name if spec else record.name).strip()[:80]
    treatment, _ = Treatment.objects.get_or_create(
        user=user,
        name=name,
        defaults={
            "key": spec.key if spec else "",
            "unit": record.unit or (spec.unit if spec else ""),
            "kind": spec.kind if spec else "medication",
            "onset": spec.onset if spec else "slow",
        },
    )
    if record.dose is not None and record.taken:
        _keep_dose(treatment, record.day, Decimal(str(record.dose)).quantize(Decimal("0.001")))
    row, created = IntakeRow.objects.get_or_create(
        treatment=treatment, day=record.day, defaults={"taken": record.taken}
    )
    if not created and record.taken and not row.taken:
        row.taken = True  # "not taken" never overrides a day logged as taken
        row.save(update_fields=["taken"])
        return True
    return created


def _keep_dose(treatment: Treatment, day: date, dose: Decimal) -> None:
    """Make the regimen in force on `day` have `dose`: split, extend or start one as needed."""
    regimens = list(treatment.regimens.order_by("start"))
    current = next(
        (r for r in regimens if r.start <= day and (r.stop is None or r.stop >= day)), None
    )
    if current is not None:
        if current.dose == dose:
            return
        if current.start == day:
            current.dose = dose
            current.save(update_fields=["dose"])
            return
        stop, current.stop = current.stop, day - timedelta(days=1)
        current.save(update_fields=["stop"])
        Regimen.objects.create(treatment=treatment, start=day, stop=stop, dose=dose)
        return
    before = next((r for r in reversed(regimens) if r.start < day), None)
    after = next((r for r in regimens if r.start > day), None)
    if before is not None and before.dose == dose and before.stop == day - timedelta(days=1):
        before.stop = day if after is not None else None
        before.save(update_fields=["stop"])
    elif after is not None and after.dose == dose and after.start == day + timedelta(days=1):
        after.start = day
        after.save(update_fields=["start"])
    else:
        stop = after.start - timedelta(days=1) if after is not None else None
        Regimen.objects.create(treatment=treatment, start=day, stop=stop, dose=dose)
