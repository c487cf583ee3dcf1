"""Turn field values into plain JSON values and CSV cells, and back, checking each one."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from fibrolog.lib.csvsafe import guard, unguard

NUMBERS = ("FloatField", "DecimalField")
INTEGERS = re.compile(r"(Positive)?(Small|Big)?IntegerField")


def kind(f: models.Field) -> str:
    """Return how a field is written: date, datetime, number, integer, boolean, json or text."""
    internal = f.get_internal_type()
    if internal == "DateTimeField":
        return "datetime"
    if internal == "DateField":
        return "date"
    if internal in NUMBERS:
        return "number"
    if INTEGERS.fullmatch(internal):
        return "integer"
    if internal == "BooleanField":
        return "boolean"
    if internal == "JSONField":
        return "json"
    return "text"


def dump(f: models.Field, value: Any) -> Any:
    """Return a stored value as a plain JSON value."""
    if value is None:
        return None
    how = kind(f)
    if how == "datetime":
        return value.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
    if how == "date":
        return value.isoformat()
    if how == "number":
        return float(value)
    return value


def load(f: models.Field, raw: Any) -> Any:
    """Return a plain JSON value as the field stores it; raise ValueError saying what is wrong."""
    if raw is None:
        if not f.null:
            raise ValueError("is required")
        return None
    how = kind(f)
    try:
        if how == "datetime":
            value: Any = datetime.fromisoformat(_str(raw))
            if value.tzinfo is None:
                raise ValueError("needs a time zone")
        elif how == "date":
            value = date.fromisoformat(_str(raw))
        elif how == "number":
            if isinstance(raw, bool) or not isinstance(raw, int | float):
                raise ValueError("is not a number")
            value = Decimal(str(raw)) if f.get_internal_type() == "DecimalField" else float(raw)
        elif how == "integer":
            if isinstance(raw, bool) or not isinstance(raw, int):
                raise ValueError("is not a whole number")
            value = raw
        elif how == "boolean":
            if not isinstance(raw, bool):
                raise ValueError("is not true or false")
            value = raw
        elif how == "json":
            value = raw
        else:
            value = _str(raw)
        _validate(f, value)
    except ValidationError as exc:
        raise ValueError(" ".join(exc.messages)) from None
    except (TypeError, InvalidOperation) as exc:
        raise ValueError(str(exc)) from None
    return value


def _validate(f: models.Field, value: Any) -> None:
    """Check `value` as the database holds it: choices and validators, not the form's `blank`.

    `blank=False` is a rule for forms; the app itself stores empty values such a field's default
    gives (a questionnaire opened and not yet answered has `answers == {}`), so an export must
    be able to bring them back.
    """
    value = f.to_python(value)
    if value not in f.empty_values:
        f.validate(value, None)
    f.run_validators(value)


def _str(raw: Any) -> str:
    if not isinstance(raw, str):
        raise ValueError("is not text")
    return raw


def cell(f: models.Field | None, value: Any) -> str | float | int:
    """Return a plain JSON value as a CSV cell: numbers stay numbers, risky text is quoted."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    if f is not None and kind(f) == "json":
        value = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return guard(str(value))


def uncell(f: models.Field, text: str) -> Any:
    """Return a CSV cell as the plain JSON value `dump` gave; raise ValueError if unreadable."""
    how = kind(f)
    if text == "" and how != "text":
        return None
    if text == "" and f.null:
        return None
    if how == "number":
        return float(text)
    if how == "integer":
        return int(text)
    if how == "boolean":
        if text not in ("true", "false"):
            raise ValueError("is not true or false")
        return text == "true"
    text = unguard(text)
    if how == "json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"is not JSON ({exc.msg})") from None
    return text
