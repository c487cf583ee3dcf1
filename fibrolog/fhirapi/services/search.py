"""FHIR search over plain resource dicts: parameters, filters, stable order and page cursors.

Pure Python (no Django): the views parse the query with `parse_observation` / `parse_paging`,
and `page` cuts one page of a list in the stable order (date, then id). A page's next link
carries the sort key of its last entry, so following next links never repeats nor skips an
entry, even when new check-ins arrive between two requests (keyset paging).

References: FHIR R4 search, https://hl7.org/fhir/R4/search.html (token and date parameters,
prefixes, `_count`, paging).
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

DEFAULT_COUNT = 100
MAX_COUNT = 1000
PAGING = ("_count", "_cursor", "_format")
JSON_FORMATS = {"json", "application/json", "application/fhir+json"}
_DATE = re.compile(r"^(?P<prefix>eq|ne|gt|lt|ge|le|sa|eb|ap)?(?P<value>\d{4}(-\d{2}(-\d{2})?)?)$")

Pairs = Sequence[tuple[str, str]]


class SearchError(ValueError):
    """A query the server cannot answer: the message names the parameter and the fix."""


@dataclass(frozen=True)
class DateParam:
    """One `date=` value: a prefix and the range of days its precision covers."""

    prefix: str
    low: date
    high: date

    def matches(self, start: date, end: date) -> bool:
        """Return True if a resource effective from start to end (days) matches."""
        within = self.low <= start and end <= self.high
        if self.prefix == "eq":
            return within
        if self.prefix == "ne":
            return not within
        if self.prefix == "gt":
            return end > self.high
        if self.prefix == "lt":
            return start < self.low
        if self.prefix == "ge":
            return end > self.high or within
        return start < self.low or within  # le


def parse_date(text: str) -> DateParam:
    """Parse `[prefix]YYYY[-MM[-DD]]`; days are the finest precision the data has."""
    m = _DATE.match(text.strip())
    if not m:
        raise SearchError(
            f"date={text!r}: use a prefix (eq, ne, gt, lt, ge, le) and YYYY, YYYY-MM or "
            "YYYY-MM-DD, e.g. date=ge2026-01-01"
        )
    prefix, value = m["prefix"] or "eq", m["value"]
    if prefix in {"sa", "eb", "ap"}:
        raise SearchError(f"date={text!r}: the prefix {prefix!r} is not supported here")
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 3:
            low = high = date(*parts)
        elif len(parts) == 2:
            low = date(parts[0], parts[1], 1)
            high = (low.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        else:
            low, high = date(parts[0], 1, 1), date(parts[0], 12, 31)
    except ValueError:
        raise SearchError(f"date={text!r}: not a real date") from None
    return DateParam(prefix, low, high)


@dataclass(frozen=True)
class Token:
    """One `code=` value: `system|code`, `|code` (no system) or `code` (any system)."""

    system: str | None
    code: str

    def matches(self, coding: dict[str, Any]) -> bool:
        if coding.get("code") != self.code:
            return False
        if self.system is None:
            return True
        return bool(coding.get("system", "") == self.system)


def parse_token(text: str) -> tuple[Token, ...]:
    """Parse a comma-separated list of tokens (any one may match)."""
    out = []
    for part in text.split(","):
        system, bar, code = part.rpartition("|")
        if not code.strip():
            raise SearchError(f"code={text!r}: give a code, e.g. code=http://loinc.org|72514-3")
        out.append(Token(system if bar else None, code.strip()))
    return tuple(out)


def parse_paging(pairs: Pairs) -> tuple[int, tuple[str, str] | None]:
    """Return (_count, the cursor after which the page starts)."""
    count, cursor = DEFAULT_COUNT, None
    for name, value in pairs:
        if name == "_count":
            if not value.isdigit():
                raise SearchError(f"_count={value!r}: give a whole number from 0 to {MAX_COUNT}")
            count = min(int(value), MAX_COUNT)
        elif name == "_cursor":
            cursor = decode_cursor(value)
        elif name == "_format" and value not in JSON_FORMATS:
            raise SearchError(f"_format={value!r}: this server answers in JSON only")
    return count, cursor


def only(pairs: Pairs, allowed: Sequence[str]) -> None:
    """Refuse any parameter not in `allowed` (or paging), naming it."""
    for name, _ in pairs:
        if name not in allowed and name not in PAGING:
            known = ", ".join([*allowed, *PAGING])
            raise SearchError(f"{name}: not a parameter here (this server knows {known})")


@dataclass(frozen=True)
class ObservationQuery:
    """An Observation search: one patient, codes (AND of ORs), dates (all must match)."""

    patient: str
    codes: tuple[tuple[Token, ...], ...] = ()
    dates: tuple[DateParam, ...] = ()

    @property
    def since(self) -> date | None:
        """The first day any match can touch (to read less from the database)."""
        lows = [d.low for d in self.dates if d.prefix in {"eq", "ge"}]
        lows += [d.high + timedelta(days=1) for d in self.dates if d.prefix == "gt"]
        return max(lows, default=None)

    @property
    def until(self) -> date | None:
        """The last day any match can touch."""
        highs = [d.high for d in self.dates if d.prefix in {"eq", "le"}]
        highs += [d.low - timedelta(days=1) for d in self.dates if d.prefix == "lt"]
        return min(highs, default=None)

    def matches(self, resource: dict[str, Any]) -> bool:
        codings = resource.get("code", {}).get("coding", [])
        for any_of in self.codes:
            if not any(t.matches(c) for t in any_of for c in codings):
                return False
        if self.dates:
            start, end = effective(resource)
            if not all(d.matches(start, end) for d in self.dates):
                return False
        return True


def patient_ref(name: str, value: str) -> str:
    """Return the Patient id of `patient=<id>`, `patient=Patient/<id>` or a full URL."""
    ident = value.strip()
    if "/" in ident:
        kind, _, ident = ident.rstrip("/").rpartition("/")
        if not kind.endswith("Patient"):
            raise SearchError(f"{name}={value!r}: refer to a Patient, e.g. {name}=Patient/<id>")
    if not ident:
        raise SearchError(f"{name}: give the Patient id")
    return ident


def parse_observation(pairs: Pairs) -> ObservationQuery:
    """Parse the query of `GET /fhir/Observation`."""
    only(pairs, ("patient", "subject", "code", "date"))
    patients = {patient_ref(n, v) for n, v in pairs if n in {"patient", "subject"}}
    if len(patients) != 1:
        raise SearchError("patient: give exactly one, e.g. patient=<id> (one person per search)")
    codes = tuple(parse_token(v) for n, v in pairs if n == "code")
    dates = tuple(parse_date(v) for n, v in pairs if n == "date")
    return ObservationQuery(patients.pop(), codes, dates)


def effective(resource: dict[str, Any]) -> tuple[date, date]:
    """Return the first and last day a resource is about."""
    if "effectiveDateTime" in resource:
        day = date.fromisoformat(resource["effectiveDateTime"][:10])
        return day, day
    period = resource.get("effectivePeriod", {})
    start = date.fromisoformat(period["start"][:10])
    return start, date.fromisoformat(period.get("end", period["start"])[:10])


def sort_key(resource: dict[str, Any]) -> tuple[str, str]:
    """Return (day, id): the stable order of search results (the Patient first)."""
    kind = resource["resourceType"]
    if kind == "Patient":
        when = ""
    elif kind == "QuestionnaireResponse":
        when = resource["authored"][:10]
    else:
        when = effective(resource)[0].isoformat()
    return when, resource["id"]


def encode_cursor(key: tuple[str, str]) -> str:
    """Return the opaque `_cursor` value for a sort key."""
    return base64.urlsafe_b64encode("|".join(key).encode()).decode().rstrip("=")


def decode_cursor(text: str) -> tuple[str, str]:
    """Return the sort key of a `_cursor` value."""
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode()
        when, bar, ident = raw.partition("|")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        bar = ""
    if not bar:
        raise SearchError("_cursor: not one of this server's page links; start again")
    return when, ident


@dataclass(frozen=True)
class Page:
    """One page of a search: its entries, the total over all pages, the next page's cursor."""

    items: tuple[dict[str, Any], ...]
    total: int
    next_cursor: str | None


def page(resources: Sequence[dict[str, Any]], count: int, cursor: tuple[str, str] | None) -> Page:
    """Return the page of up to `count` resources after `cursor`, in the stable order."""
    keyed = sorted((sort_key(r), r) for r in resources)  # ids are unique: no tie reaches r
    rest = [(k, r) for k, r in keyed if cursor is None or k > cursor]
    items = tuple(r for _, r in rest[:count])
    more = len(rest) > count and count > 0
    return Page(items, len(keyed), encode_cursor(rest[count - 1][0]) if more else None)
