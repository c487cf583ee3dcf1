"""Cut an Apple Health workout into the parts between its pauses, so pauses are not counted."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterator
from datetime import datetime

from fibrolog.ingest._apple_types import PAUSES
from fibrolog.ingest.records import Sample


def active_parts(workout: Sample, events: list[tuple[str, str]]) -> Iterator[Sample]:
    """Yield the workout's active parts (pause to resume left out), each valued in minutes.

    The first part keeps the workout's key, so a workout without pauses is stored as before;
    the others get keys derived from it and their start. A pause never resumed ends the workout.
    """
    parts: list[tuple[datetime, datetime]] = []
    running_since: datetime | None = workout.start
    for kind, text in sorted(events, key=lambda e: e[1]):
        try:
            moment = datetime.fromisoformat(text).astimezone(workout.start.tzinfo)
        except ValueError:
            continue
        moment = min(max(moment, workout.start), workout.end)
        if PAUSES[kind] and running_since is not None:
            parts.append((running_since, moment))
            running_since = None
        elif not PAUSES[kind] and running_since is None:
            running_since = moment
    if running_since is not None:
        parts.append((running_since, workout.end))
    for i, (start, end) in enumerate(p for p in parts if p[1] > p[0]):
        key = workout.natural_key
        if i:
            seed = f"{key}|{start.timestamp():.0f}"
            key = hashlib.blake2b(seed.encode(), digest_size=12).hexdigest()
        minutes = (end - start).total_seconds() / 60
        yield dataclasses.replace(workout, natural_key=key, start=start, end=end, value=minutes)
