"""The clinic dashboard: a row per person sharing with the clinician, who needs attention first.

Which columns a row fills follows what that person shared (fibrolog.sharing): the diary gives
the check-in, pain and fatigue and treatment changes (the timeline shows them), questionnaires
give FIQR, PHQ-9 and the item 9 flag, insights give self-experiment verdicts, the report a link.
Numbers come from `measures`, one query per column for everyone at once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.db.models import Max
from django.utils.safestring import SafeString, mark_safe

from fibrolog import instruments
from fibrolog.charts.sparkline import Sparkline, sparkline
from fibrolog.clinic.models import Visit
from fibrolog.clinic.services import measures
from fibrolog.instruments.change import PAIN, ZERO_TEN, meaningful_change
from fibrolog.sharing.models import Share
from fibrolog.sharing.services import people_for

FLAG_WINDOW = 90  # days: with no visit recorded, a flag counts from the share or 90 days back
WORSE, BETTER, STEADY = "worse", "better", "steady"


@dataclass(frozen=True)
class Trend:
    """Pain or fatigue: the last 30 days' mean against the person's previous 90 days' mean."""

    name: str
    recent: float | None
    before: float | None
    svg: SafeString

    @property
    def change(self) -> float | None:
        if self.recent is None or self.before is None:
            return None
        return self.recent - self.before

    @property
    def change_text(self) -> str:
        return "" if self.change is None else f"{self.change:+.1f}"

    @property
    def text(self) -> str:
        """Say the mean and its change, e.g. "6.2 · +1.4 vs 4.8 (worse)" (plain f-strings: fast)."""
        if self.recent is None:
            return ""
        if self.before is None:
            return f"{self.recent:.1f}"
        return f"{self.recent:.1f} · {self.change_text} vs {self.before:.1f} ({self.word})"

    @property
    def word(self) -> str | None:
        """Worse or better by at least the meaningful change (1 point of 0-10), else steady."""
        rule = PAIN if self.name == "Pain" else ZERO_TEN
        if self.change is None:
            return None
        found = rule.classify(self.before or 0.0, self.recent or 0.0)
        if found is None:
            return STEADY
        return WORSE if "worsening" in found else BETTER


@dataclass(frozen=True)
class ScoreChange:
    """The latest FIQR or PHQ-9 total, and its change from the one before."""

    name: str
    title: str
    day: date
    total: float | None
    previous: float | None
    word: str | None  # worse / better (meaningful change) / steady / None with one response
    threshold: str  # the rule's figure, cited in the legend

    @property
    def text(self) -> str:
        """Say the total, its day and the change, e.g. "16 on 3 Dec, from 8: worse"."""
        digits = 0 if self.name == "phq9" else 1
        total = "incomplete" if self.total is None else f"{self.total:.{digits}f}"
        said = f"{total} on {_day(self.day)}"
        if self.previous is not None and self.word:
            said += f", from {self.previous:.{digits}f}: {self.word}"
        return said


@dataclass(frozen=True)
class Row:
    share: Share
    parts: frozenset[str]
    last_checkin: date | None = None
    trends: tuple[Trend, ...] = ()
    scores: tuple[ScoreChange, ...] = ()
    flag_day: date | None = None
    flag_since: date | None = None
    treatments: tuple[measures.TreatmentChange, ...] = ()
    verdicts: tuple[measures.Verdict, ...] = ()
    last_visit: date | None = None

    @property
    def person(self):
        return self.share.person

    @property
    def name(self) -> str:
        return self.person.get_username()

    @property
    def checkin_text(self) -> str:
        return f"{_day(self.last_checkin)} {self.last_checkin:%Y}" if self.last_checkin else "never"

    @property
    def flag_text(self) -> str:
        return _day(self.flag_day)

    @property
    def treatment_lines(self) -> list[str]:
        lines = []
        for c in self.treatments:
            said = [f"started {_day(c.started)}"] if c.started else []
            said += [f"stopped {_day(c.stopped)}"] if c.stopped else []
            lines.append(f"{c.name}: {', '.join(said)}")
        return lines

    @property
    def verdict_lines(self) -> list[str]:
        return [f"{v.title} (ended {_day(v.ended_on)}): {v.words}" for v in self.verdicts]

    @property
    def fiqr(self) -> ScoreChange | None:
        return next((s for s in self.scores if s.name == "fiqr"), None)

    @property
    def phq9(self) -> ScoreChange | None:
        return next((s for s in self.scores if s.name == "phq9"), None)

    @property
    def worsening(self) -> bool:
        return any(t.word == WORSE for t in self.trends) or any(
            s.word == WORSE for s in self.scores
        )

    def sort_key(self) -> tuple:
        """Flag first, then worsening, then the oldest check-in (none at all counts oldest)."""
        checkin = self.last_checkin.toordinal() if self.last_checkin else 0
        return (self.flag_day is None, not self.worsening, checkin, self.name.lower())


@dataclass(frozen=True)
class Filters:
    flag_only: bool = False
    worse_only: bool = False
    name: str = ""

    def keep(self, row: Row) -> bool:
        if self.flag_only and row.flag_day is None:
            return False
        if self.worse_only and not row.worsening:
            return False
        return self.name.lower() in row.name.lower()


def _day(day: date | None) -> str:
    return f"{day.day} {day:%b}" if day else ""


def _trend(name: str, means: measures.Means | None) -> Trend:
    if means is None:
        return Trend(name, None, None, mark_safe(""))
    svg = sparkline(Sparkline(means.days, reference=means.before, label=f"{name}, last 30 days"))
    return Trend(name, means.recent, means.before, mark_safe(svg))


def _score(name: str, scored: list[measures.Scored]) -> ScoreChange:
    latest, previous = scored[0], scored[1] if len(scored) > 1 else None
    rule = meaningful_change(name)
    word = None
    if rule and previous and latest.total is not None and previous.total is not None:
        found = rule.classify(previous.total, latest.total)
        word = STEADY if found is None else (WORSE if "worsening" in found else BETTER)
    threshold = ""
    if rule is not None:
        threshold = (
            f"{rule.points:g} points" if rule.points else f"{rule.fraction:.0%} of the one before"
        )
    return ScoreChange(
        name,
        instruments.get(name).title,
        latest.day,
        latest.total,
        previous.total if previous else None,
        word,
        threshold,
    )


def flag_since(share: Share, last_visit: date | None, today: date) -> date:
    """Return the first day a PHQ-9 item 9 answer counts from: the last visit, else the earlier
    of the share's first day and 90 days back (so a new share does not hide a recent answer)."""
    if last_visit is not None:
        return last_visit
    return min(share.created_at.date(), today - timedelta(days=FLAG_WINDOW))


def rows_for(clinician, today: date, filters: Filters | None = None) -> list[Row]:
    """Return the clinician's people in the order of who needs attention, filtered."""
    shares = people_for(clinician)
    by_part = {
        part: [s.person_id for s in shares if part in s.parts]
        for part in ("diary", "questionnaires", "insights")
    }
    visits = dict(
        Visit.objects.filter(clinician=clinician, person_id__in=[s.person_id for s in shares])
        .values("person_id")
        .annotate(last=Max("day"))
        .values_list("person_id", "last")
    )
    diary, quest, ins = by_part["diary"], by_part["questionnaires"], by_part["insights"]
    checkins = measures.last_checkins(diary) if diary else {}
    trends = measures.trends(diary, today) if diary else {}
    changes = measures.treatment_changes(diary, today) if diary else {}
    scores = measures.latest_scores(quest) if quest else {}
    since = {s.person_id: flag_since(s, visits.get(s.person_id), today) for s in shares}
    flags = measures.item9_days({pid: since[pid] for pid in quest})
    verdicts = measures.verdicts(ins, today) if ins else {}
    rows = []
    for s in shares:
        pid, parts = s.person_id, frozenset(s.parts)
        row = Row(share=s, parts=parts, last_visit=visits.get(pid), flag_since=since[pid])
        if "diary" in parts:
            mine = trends.get(pid, {})
            row = _with(
                row,
                last_checkin=checkins.get(pid),
                trends=(_trend("Pain", mine.get("pain")), _trend("Fatigue", mine.get("fatigue"))),
                treatments=tuple(changes.get(pid, ())),
            )
        if "questionnaires" in parts:
            mine_scores = scores.get(pid, {})
            row = _with(
                row,
                scores=tuple(
                    _score(n, mine_scores[n]) for n in measures.SCORED if n in mine_scores
                ),
                flag_day=flags.get(pid),
            )
        if "insights" in parts:
            row = _with(row, verdicts=tuple(verdicts.get(pid, ())))
        rows.append(row)
    rows.sort(key=Row.sort_key)
    return [r for r in rows if filters is None or filters.keep(r)]


def _with(row: Row, **changes) -> Row:
    return replace(row, **changes)
