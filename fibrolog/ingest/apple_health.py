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

import hashlib
import zipfile
from collections.abc import Iterator
from datetime import datetime
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
from fibrolog.ingest.metrics import ParseStats
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
        start = datetime.fromisoformat(attrs["startDate"])
        end = datetime.fromisoformat(attrs["endDate"])
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
    low, high = k.PLAUSIBLE[kind]
    if not low <= value <= high or end < start:
        return None
    device = get("sourceName", "")
    key = f"{hk}|{device}|{start.timestamp():.0f}|{end.timestamp():.0f}|{raw}"
    if zone is not None:
        start, end = start.astimezone(zone), end.astimezone(zone)
    return Sample(
        SOURCE,
        hashlib.blake2b(key.encode(), digest_size=12).hexdigest(),
        kind,
        start,
        end,
        value,
        UNITS[kind],
        device,
        str(zone) if zone is not None else "",
        detail,
    )
