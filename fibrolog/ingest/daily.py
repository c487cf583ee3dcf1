"""Daily values from raw samples: one source per night for sleep, never summed across sources.

Rules (docs/importing.md explains them to people):

* A diary day starts at `day_start_hour` (default 4) in the person's zone; a sample recorded with
  its own zone (Apple's `HKTimeZone`) is placed by that zone, so a night abroad counts where slept.
* Sleep comes in sessions: one app or device's sleep intervals less than `SESSION_GAP` apart.
  A session belongs, whole, to the diary day it ends in (by the day-start rule): a night to the
  morning you woke up, an afternoon nap to its afternoon, never cut in two.
* Each day, one app or device is chosen: first any named in `sleep_priority` (substrings,
  earlier wins), then the one with sleep stages, then the one with asleep time, then the one
  with in-bed time only; ties go to the most time asleep. Its longest session of the day is the
  night: its intervals are merged (overlaps count once) into hours asleep, hours per stage,
  hours awake and time in bed (never less than hours asleep). Its other sessions are naps:
  their hours asleep add up to `nap_hours`, never to `sleep_hours`. Sleep hours come only from
  asleep intervals: an in-bed-only night gives time in bed and no hours asleep.
* Steps and active minutes: per day, the app or device with the most (a phone and a watch count
  the same steps, so their sum would double them).
* Resting heart rate, HRV and stress scores: the day's mean from the device with the most
  readings that day.
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
Span = tuple[str, float, float]  # (sleep kind, start, end) in seconds since the epoch
SESSION_GAP = 90 * 60  # seconds without sleep that end a session

_TOTALS = {k.STEPS: "steps", k.EXERCISE: "active_minutes"}
_MEANS = {
    k.RESTING_HR: "resting_hr",
    k.HRV_SDNN: "hrv_sdnn",
    k.HRV_RMSSD: "hrv_rmssd",
    k.STRESS: "stress_score",
}
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
        self.sleep_priority = tuple(p.lower() for p in sleep_priority)
        self._zones: dict[str, ZoneInfo] = {}
        self._totals: dict[tuple[str, date], dict[Origin, float]] = defaultdict(dict)
        self._means: dict[tuple[str, date], dict[Origin, list[float]]] = defaultdict(dict)
        self._sessions: dict[tuple[str, date], list[tuple[float, float]]] = defaultdict(list)
        self._sleep: dict[Origin, list[tuple[float, float, str, str]]] = defaultdict(list)

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
            start, end = sample.start.timestamp(), sample.end.timestamp()
            self._sleep[origin].append((start, end, kind, sample.zone))
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
        for day, origins in self._sessions_by_day().items():
            entries.extend(self._night(day, origins))
        entries.sort(key=lambda e: (e.day, e.metric))
        return entries

    def _sessions_by_day(self) -> dict[date, dict[Origin, list[list[Span]]]]:
        """Cut each source's sleep into sessions and give each session to the day it ends in."""
        days: dict[date, dict[Origin, list[list[Span]]]] = defaultdict(lambda: defaultdict(list))
        for origin, intervals in self._sleep.items():
            intervals.sort()
            session: list[Span] = []
            reach, zone = float("-inf"), ""
            for start, end, kind, sample_zone in [*intervals, (float("inf"), 0.0, "", "")]:
                if session and start > reach + SESSION_GAP:
                    ended = datetime.fromtimestamp(reach, self.zone)
                    day = (self._local(ended, zone) - self.day_start).date()
                    days[day][origin].append(session)
                    session, reach = [], float("-inf")
                session.append((kind, start, end))
                if end >= reach:
                    reach, zone = end, sample_zone
        return days

    def _night(self, day: date, origins: dict[Origin, list[list[Span]]]) -> list[DayEntry]:
        origin = min(origins, key=lambda o: self._rank(o, [s for ss in origins[o] for s in ss]))
        sessions = sorted(origins[origin], key=lambda ss: (_asleep(ss), ss[-1][2]))
        spans = sessions.pop()  # the longest sleep of the day is the night; the others are naps

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
        naps = sum(_asleep(nap) for nap in sessions) / 3600
        if naps > 0:
            out["nap_hours"] = naps
        return [_entry(origin, day, metric, value) for metric, value in out.items()]

    def _rank(self, origin: Origin, spans: list[Span]) -> tuple[object, ...]:
        label = f"{origin[0]} {origin[1]}".lower()
        named = next((i for i, p in enumerate(self.sleep_priority) if p in label), None)
        kinds = {kind for kind, _, _ in spans}
        detail = 2 if kinds & k.STAGE_KINDS else 1 if kinds & k.ASLEEP_KINDS else 0
        asleep = union_seconds((s, e) for kind, s, e in spans if kind in k.ASLEEP_KINDS)
        return (named if named is not None else len(self.sleep_priority), -detail, -asleep, origin)


def _asleep(spans: list[Span]) -> float:
    return union_seconds((s, e) for kind, s, e in spans if kind in k.ASLEEP_KINDS)


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
