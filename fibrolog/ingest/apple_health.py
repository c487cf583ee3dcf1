"""Apple Health `export.zip` or `export.xml`, streamed: top-level records become samples.

Notes
-----
* The XML is found inside the zip by its content (the folder and file names are localised).
* The internal DTD is blanked (iOS 16 writes a broken one) and control bytes are dropped before
  expat sees the data; entity declarations are refused, so XXE and entity bombs cannot work.
* Only `Record` and `Workout` elements directly under `HealthData` are read: records nested in a
  `Correlation` repeat top-level ones. Types fibrolog does not use are counted and skipped.
* Dates keep their instant; a `HKTimeZone` metadata entry, when present, sets the sample's zone.
* The natural key hashes type, app or device, start and end instants, and the raw value, so a
  re-export (even from a phone in another time zone) gives the same keys.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import datetime
from hashlib import blake2b
from zoneinfo import ZoneInfo

from fibrolog.ingest import metrics as k
from fibrolog.ingest._apple_types import (
    CONVERT,
    DURATION_MINUTES,
    INTERVAL_KINDS,
    PAUSES,
    RECORD_KINDS,
    SLEEP_VALUES,
    UNITS,
    activity_name,
)
from fibrolog.ingest._apple_workouts import active_parts
from fibrolog.ingest._nonempty import must_yield
from fibrolog.ingest._xml import feed, new_parser
from fibrolog.ingest.metrics import PLAUSIBLE, ParseStats
from fibrolog.ingest.records import IngestError, Progress, Sample
from fibrolog.ingest.safezip import SafeZip, ZipLimits, is_zip
from fibrolog.ingest.sources import (
    CountingReader,
    Input,
    Readable,
    display_name,
    open_binary,
    sniff,
)

__all__ = ["SOURCE", "find_export_xml", "parse_apple_health"]

SOURCE = "apple-health"
EXPECTED = "Apple Health records fibrolog reads (sleep, steps, heart rate, HRV, workouts, ...)"
_ROOT = b"<HealthData"


@must_yield(EXPECTED)
def parse_apple_health(
    src: Input,
    *,
    progress: Progress | None = None,
    stats: ParseStats | None = None,
    zip_limits: ZipLimits | None = None,
) -> Iterator[Sample]:
    """Yield the samples of an Apple Health export (zip or xml), in file order."""
    name = display_name(src)
    stats = stats if stats is not None else ParseStats()
    with open_binary(src) as (raw, size):
        if is_zip(sniff(raw, name)):
            with SafeZip(raw, name, zip_limits) as archive:
                info = find_export_xml(archive)
                with archive.open(info, progress) as stream:
                    yield from _parse_xml(stream, f"{name}:{info.filename}", stats)
        else:
            stream = CountingReader(raw, name, total=size, progress=progress)
            yield from _parse_xml(stream, name, stats)


def find_export_xml(archive: SafeZip) -> zipfile.ZipInfo:
    """Return the export's main XML entry, found by content at depth 0 or 1, not by name."""
    for info in archive.files():
        parts = info.filename.split("/")
        if len(parts) > 2 or not parts[-1].lower().endswith(".xml") or parts[0] == "__MACOSX":
            continue
        head = archive.head(info, 1024)
        if b"<!DOCTYPE HealthData" in head or _ROOT + b" " in head or _ROOT + b">" in head:
            return info
    raise IngestError(archive.name, "no Apple Health export (export.xml) found in this archive")


def _parse_xml(stream: Readable, name: str, stats: ParseStats) -> Iterator[Sample]:
    parser = new_parser()
    pending: list[Sample] = []
    zones: dict[str, ZoneInfo | None] = {}
    ignored = stats.ignored_types
    state: list[dict[str, str] | None] = [None]  # the open top-level element's attributes
    zone = [""]
    events: list[tuple[str, str]] = []  # the open workout's pause and resume events
    depth = 0

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        if depth == 2:
            if tag == "Record":
                hk = attrs.get("type", "")
                if hk in RECORD_KINDS:
                    state[0] = attrs
                else:
                    ignored[hk] = ignored.get(hk, 0) + 1
            elif tag == "Workout":
                state[0] = attrs
        elif depth == 3 and state[0] is not None:
            if tag == "MetadataEntry" and attrs.get("key") == "HKTimeZone":
                zone[0] = attrs.get("value", "")
            elif tag == "WorkoutEvent" and attrs.get("type") in PAUSES:
                events.append((attrs["type"], attrs.get("date", "")))

    def end(tag: str) -> None:
        nonlocal depth
        depth -= 1
        if depth == 1:
            stats.elements += 1
            attrs = state[0]
            if attrs is not None:
                state[0] = None
                sample = _sample(tag, attrs, _zone(zone[0], zones))
                zone[0] = ""
                if sample is None:
                    stats.skipped += 1
                elif events:
                    pending.extend(active_parts(sample, events))
                    events.clear()
                else:
                    pending.append(sample)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    for sample in feed(parser, stream, name, _ROOT, pending):
        stats.yielded += 1
        yield sample


def _zone(name: str, cache: dict[str, ZoneInfo | None]) -> ZoneInfo | None:
    if not name:
        return None
    if name not in cache:
        try:
            cache[name] = ZoneInfo(name)
        except (ValueError, KeyError, OSError):
            cache[name] = None
    return cache[name]


def _sample(tag: str, attrs: dict[str, str], zone: ZoneInfo | None) -> Sample | None:
    """Return the sample for one top-level element, or None when it is invalid or implausible."""
    get = attrs.get
    try:
        start_text, end_text = attrs["startDate"], attrs["endDate"]
        start = datetime.fromisoformat(start_text)
        end = start if end_text == start_text else datetime.fromisoformat(end_text)
        raw = get("value", "")
        detail = ""
        if tag == "Workout":
            hk = kind = k.WORKOUT
            detail = activity_name(get("workoutActivityType", ""))
            duration = get("duration")
            per = DURATION_MINUTES.get(get("durationUnit", "min"), 1.0)
            value = float(duration) * per if duration else (end - start).total_seconds() / 60
            raw = duration or ""
        else:
            hk = attrs["type"]
            kind = RECORD_KINDS[hk]
            if kind in INTERVAL_KINDS:
                if kind == k.SLEEP_ASLEEP:
                    kind = SLEEP_VALUES[raw]
                value = (end - start).total_seconds() / 60
            else:
                value = float(raw)
                convert = CONVERT.get((kind, get("unit", "")))
                if convert is not None:
                    value = convert(value)
    except (KeyError, ValueError, TypeError):
        return None
    low, high = PLAUSIBLE[kind]
    if not low <= value <= high or end < start:
        return None
    device = get("sourceName", "")
    first = f"{start.timestamp():.0f}"
    last = first if end is start else f"{end.timestamp():.0f}"
    digest = blake2b(f"{hk}|{device}|{first}|{last}|{raw}".encode(), digest_size=12).hexdigest()
    if zone is not None:
        start, end = start.astimezone(zone), end.astimezone(zone)
    return _new_sample(
        SOURCE,
        digest,
        kind,
        start,
        end,
        value,
        UNITS[kind],
        device,
        str(zone) if zone is not None else "",
        detail,
    )


def _new_sample(
    source: str,
    natural_key: str,
    kind: str,
    start: datetime,
    end: datetime,
    value: float,
    unit: str,
    device: str,
    zone: str,
    detail: str,
) -> Sample:
    """Build a Sample without the frozen dataclass's per-field `object.__setattr__` calls."""
    sample = _object_new(Sample)
    _set_source(sample, source)
    _set_natural_key(sample, natural_key)
    _set_kind(sample, kind)
    _set_start(sample, start)
    _set_end(sample, end)
    _set_value(sample, value)
    _set_unit(sample, unit)
    _set_device(sample, device)
    _set_zone(sample, zone)
    _set_detail(sample, detail)
    return sample


_object_new = object.__new__
_SET = {name: getattr(Sample, name).__set__ for name in Sample.__slots__}
_set_source, _set_natural_key, _set_kind = _SET["source"], _SET["natural_key"], _SET["kind"]
_set_start, _set_end, _set_value, _set_unit = (
    _SET["start"],
    _SET["end"],
    _SET["value"],
    _SET["unit"],
)
_set_device, _set_zone, _set_detail = _SET["device"], _SET["zone"], _SET["detail"]
