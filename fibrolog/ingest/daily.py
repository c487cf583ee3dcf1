"""Daily values from raw samples: one source per night for sleep, never summed across sources.

Rules (docs/importing.md explains them to people):

* A diary day starts at `day_start_hour` (default 4) in the person's zone; a sample recorded with
  its own zone (Apple's `HKTimeZone`) is placed by that zone, so a night abroad counts where slept.
* Sleep belongs to the diary day of the wake-up morning: an interval ending between 18:00 the day
  before and 18:00 that day (with the default day start; `day_start_hour + 14` in general).
* Each night, one app or device is chosen: first any named in `sleep_priority` (substrings,
  earlier wins), then the one with sleep stages, then the one with asleep time, then the one
  with in-bed time only; ties go to the most time asleep. Its intervals are merged (overlaps
  count once) into hours asleep, hours per stage, hours awake and time in bed. Sleep hours come
  only from asleep intervals: an in-bed-only night gives time in bed and no hours asleep.
* Steps and active minutes: per day, the app or device with the most (a phone and a watch count
  the same steps, so their sum would double them).
* Resting heart rate and HRV: the day's mean from the device with the most readings that day.
* Mindful and workout minutes: the union of the day's sessions across sources.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from fibrolog.ingest import metrics as k
from fibrolog.ingest._intervals import union_seconds
from fibrolog.ingest.records import DayEntry, Sample

__all__ = ["DailyAggregator", "aggregate"]

Origin = tuple[str, str]  # (import source, app or device)
NIGHT_CUT_HOURS = 14

_TOTALS = {k.STEPS: "steps", k.EXERCISE: "active_minutes"}
_MEANS = {k.RESTING_HR: "resting_hr", k.HRV_SDNN: "hrv_sdnn", k.HRV_RMSSD: "hrv_rmssd"}
_SESSIONS = {k.MINDFUL: "mindful_minutes", k.WORKOUT: "workout_minutes"}
_STAGE_METRICS = {
    k.SLEEP_CORE: "sleep_core_hours",
    k.SLEEP_DEEP: "sleep_deep_hours",
    k.SLEEP_REM: "sleep_rem_hours",
}


def aggregate(
    samples: Iterable[Sample],
    tz: str,
    day_start_hour: int = 4,
    *,
    sleep_priority: Sequence[str] = (),
) -> list[DayEntry]:
    """Return the daily values the samples imply, sorted by day then metric."""
    aggregator = DailyAggregator(tz, day_start_hour, sleep_priority=sleep_priority)
    for sample in samples:
        aggregator.add(sample)
    return aggregator.result()


class DailyAggregator:
    """Accumulate samples one at a time (bounded by days, not samples), then read the result."""

    def __init__(
        self, tz: str, day_start_hour: int = 4, *, sleep_priority: Sequence[str] = ()
    ) -> None:
        self.zone = ZoneInfo(tz)
        self.day_start = timedelta(hours=day_start_hour)
        self.night_shift = timedelta(hours=day_start_hour + NIGHT_CUT_HOURS)
        self.sleep_priority = tuple(p.lower() for p in sleep_priority)
        self._zones: dict[str, ZoneInfo] = {}
        self._totals: dict[tuple[str, date], dict[Origin, float]] = defaultdict(dict)
        self._means: dict[tuple[str, date], dict[Origin, list[float]]] = defaultdict(dict)
        self._sessions: dict[tuple[str, date], list[tuple[float, float]]] = defaultdict(list)
        self._nights: dict[date, dict[Origin, list[tuple[str, float, float]]]] = defaultdict(
            lambda: defaultdict(list)
        )

    def feed(self, samples: Iterable[Sample]) -> Iterator[Sample]:
        """Yield the samples unchanged while adding them: one pass for a loader that stores them."""
        for sample in samples:
            self.add(sample)
            yield sample

    def _local(self, moment: datetime, zone_name: str) -> datetime:
        zone = self.zone
        if zone_name:
            zone = self._zones.get(zone_name) or self._zones.setdefault(
                zone_name, ZoneInfo(zone_name)
            )
        return moment.astimezone(zone)

    def add(self, sample: Sample) -> None:
        """Add one sample; kinds that make no daily value (heart rate readings) are ignored."""
        kind = sample.kind
        origin = (sample.source, sample.device or sample.source)
        if kind in k.SLEEP_KINDS:
            night = (self._local(sample.end, sample.zone) - self.night_shift).date()
            night += timedelta(days=1)
            span = (kind, sample.start.timestamp(), sample.end.timestamp())
            self._nights[night][origin].append(span)
            return
        metric = _TOTALS.get(kind) or _MEANS.get(kind) or _SESSIONS.get(kind)
        if metric is None:
            return
        day = (self._local(sample.start, sample.zone) - self.day_start).date()
        if kind in _TOTALS:
            totals = self._totals[(metric, day)]
            totals[origin] = totals.get(origin, 0.0) + sample.value
        elif kind in _MEANS:
            self._means[(metric, day)].setdefault(origin, []).append(sample.value)
        else:
            self._sessions[(metric, day)].append((sample.start.timestamp(), sample.end.timestamp()))

    def result(self) -> list[DayEntry]:
        """Return every daily value, sorted by day then metric."""
        entries: list[DayEntry] = []
        for (metric, day), totals in self._totals.items():
            origin = max(totals, key=lambda o: (totals[o], o))
            entries.append(_entry(origin, day, metric, totals[origin]))
        for (metric, day), readings in self._means.items():
            origin = max(readings, key=lambda o: (len(readings[o]), o))
            values = readings[origin]
            entries.append(_entry(origin, day, metric, sum(values) / len(values)))
        for (metric, day), spans in self._sessions.items():
            entries.append(_entry(("", ""), day, metric, union_seconds(spans) / 60))
        for night, origins in self._nights.items():
            entries.extend(self._night(night, origins))
        entries.sort(key=lambda e: (e.day, e.metric))
        return entries

    def _night(
        self, night: date, origins: dict[Origin, list[tuple[str, float, float]]]
    ) -> list[DayEntry]:
        origin = min(origins, key=lambda o: self._rank(o, origins[o]))
        spans = origins[origin]

        def hours(kinds: Iterable[str]) -> float:
            wanted = frozenset(kinds)
            return union_seconds((s, e) for kind, s, e in spans if kind in wanted) / 3600

        out: dict[str, float] = {}
        asleep = hours(k.ASLEEP_KINDS)
        if asleep > 0:
            out["sleep_hours"] = asleep
        if any(kind in k.STAGE_KINDS for kind, _, _ in spans):
            for kind, metric in _STAGE_METRICS.items():
                out[metric] = hours([kind])
            out["sleep_awake_hours"] = hours([k.SLEEP_AWAKE])
        in_bed = hours([k.SLEEP_IN_BED]) or hours(k.SLEEP_KINDS)
        out["time_in_bed_hours"] = max(in_bed, asleep)
        return [_entry(origin, night, metric, value) for metric, value in out.items()]

    def _rank(self, origin: Origin, spans: list[tuple[str, float, float]]) -> tuple[object, ...]:
        label = f"{origin[0]} {origin[1]}".lower()
        named = next((i for i, p in enumerate(self.sleep_priority) if p in label), None)
        kinds = {kind for kind, _, _ in spans}
        detail = 2 if kinds & k.STAGE_KINDS else 1 if kinds & k.ASLEEP_KINDS else 0
        asleep = union_seconds((s, e) for kind, s, e in spans if kind in k.ASLEEP_KINDS)
        return (named if named is not None else len(self.sleep_priority), -detail, -asleep, origin)


def _entry(origin: Origin, day: date, metric: str, value: float) -> DayEntry:
    source, device = origin
    return DayEntry(
        source or "imported",
        f"{day.isoformat()}|{metric}",
        day,
        metric,
        round(value, 4),
        device if device != source else "",
    )
