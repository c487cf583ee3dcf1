"""Bring a fibrolog export back into an empty account, all or nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.db import IntegrityError, models, transaction
from django.db.models import Q

from fibrolog.accounts.services import ensure_profile
from fibrolog.archive import codec
from fibrolog.archive.export.document import FORMAT, VERSION
from fibrolog.archive.registry import TABLES, Table
from fibrolog.catalogue import DEFAULT_TAGS
from fibrolog.diary.models import Metric, Tag

MAX_BYTES = 512 * 1024 * 1024  # far above ten years of diary; stops reading an absurd file
BATCH = 2000


class ArchiveError(ValueError):
    """A person-readable reason an archive cannot be read or imported."""


def read_json(path: Path) -> dict[str, Any]:
    """Return the document in a JSON export file, or raise ArchiveError saying what is wrong."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ArchiveError(f"{path} is larger than {MAX_BYTES >> 20} MiB")
        doc = json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        raise ArchiveError(f"cannot read {path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ArchiveError(f"{path} is not a JSON file ({exc})") from None
    check_header(doc, str(path))
    return doc


def check_header(doc: Any, where: str) -> None:
    """Raise ArchiveError unless `doc` looks like a fibrolog export this version reads."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ArchiveError(f'{where} is not a fibrolog export (no "format": "{FORMAT}")')
    if doc.get("version") != VERSION:
        raise ArchiveError(
            f"{where} is export version {doc.get('version')!r}; this reads {VERSION}"
        )
    if not isinstance(doc.get("tables"), dict):
        raise ArchiveError(f"{where} has no tables")
    unknown = set(doc["tables"]) - {t.name for t in TABLES}
    if unknown:
        raise ArchiveError(f"{where} has tables this version does not know: {sorted(unknown)}")


def holdings(user) -> list[str]:
    """Return the tables where the person already has data (untouched starter tags do not count)."""
    held = [t.name for t in TABLES if t.name not in ("profile", "tags") and t.rows(user).exists()]
    if Tag.objects.filter(user=user).exclude(name__in=DEFAULT_TAGS, archived=False).exists():
        held.append("tags")
    return held


def import_document(user, doc: dict[str, Any]) -> dict[str, int]:
    """Import `doc` into the person's empty account, all or nothing; else raise ArchiveError."""
    check_header(doc, "the file")
    held = holdings(user)
    if held:
        name = user.get_username()
        raise ArchiveError(
            f"{name!r} already has data ({', '.join(held).replace('_', ' ')}): an import goes "
            f"into an empty account only. Erase it first (fibrolog erase --user {name}) or "
            "create a new account (fibrolog user create NAME)."
        )
    counts: dict[str, int] = {}
    try:
        with transaction.atomic():
            Tag.objects.filter(user=user).delete()  # the starter tags: the file has its own
            for table in TABLES:
                rows = doc["tables"].get(table.name, [])
                if not isinstance(rows, list):
                    raise ArchiveError(f"{table.name}: expected a list of rows")
                counts[table.name] = _import_table(user, table, rows)
    except IntegrityError as exc:
        raise ArchiveError(f"the file contradicts itself ({exc}); nothing was imported") from None
    return counts


def _import_table(user, table: Table, rows: list[Any]) -> int:
    fields = {f.name: f for f in table.fields()}
    targets = {name: _targets(fields[name], ref, user) for name, ref in table.refs.items()}
    owner = table.owner if "__" not in table.owner else None
    objects = []
    for number, row in enumerate(rows, start=1):
        where = f"{table.name} row {number}"
        if not isinstance(row, dict):
            raise ArchiveError(f"{where}: expected an object")
        unknown = set(row) - set(fields)
        if unknown:
            raise ArchiveError(f"{where}: unknown field {sorted(unknown)[0]!r}")
        values: dict[str, Any] = {owner: user} if owner else {}
        for name, raw in row.items():
            try:
                if name in targets:
                    if raw not in targets[name]:
                        raise ValueError(f"refers to {raw!r}, which is not in the file")
                    values[name] = targets[name][raw]
                else:
                    values[name] = codec.load(fields[name], raw)
            except ValueError as exc:
                raise ArchiveError(f"{where}: {name} {exc}") from None
        _check(table, values, where)
        objects.append(table.model(**values))
    if table.name == "profile":
        return _profile(user, table, objects)
    auto = [f.attname for f in fields.values() if getattr(f, "auto_now_add", False)]
    stamps = [{name: getattr(obj, name) for name in auto} for obj in objects]
    table.model._default_manager.bulk_create(objects, batch_size=BATCH)
    if auto:  # Django stamps these with the time of the insert: put back the file's times
        manager = table.model._default_manager
        for obj, stamp in zip(objects, stamps, strict=True):
            manager.filter(pk=obj.pk).update(**stamp)
    return len(objects)


def _targets(f: models.Field, ref: str, user) -> dict[Any, models.Model]:
    """Return the rows a reference may point to, by natural key (the person's own win)."""
    model = f.related_model
    if model is Metric:
        rows = Metric.objects.filter(Q(owner__isnull=True) | Q(owner=user)).order_by("owner_id")
    else:
        rows = next(t for t in TABLES if t.model is model).rows(user)
    return {getattr(obj, ref): obj for obj in rows}


def _check(table: Table, values: dict[str, Any], where: str) -> None:
    metric, value = values.get("metric"), values.get("value")
    if table.name != "daily_values" or metric is None or value is None:
        return
    if not metric.low <= value <= metric.high:
        raise ArchiveError(
            f"{where}: value {value:g} is outside {metric.key}'s {metric.low:g}-{metric.high:g}"
        )


def _profile(user, table: Table, objects: list[models.Model]) -> int:
    if len(objects) > 1:
        raise ArchiveError("profile: expected one row")
    if not objects:
        return 0
    profile = ensure_profile(user)
    for f in table.fields():
        setattr(profile, f.attname, getattr(objects[0], f.attname))
    profile.save()
    return 1
