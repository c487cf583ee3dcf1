"""Fill in questionnaires a page at a time, remind when due, and read the history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone

from fibrolog import instruments
from fibrolog.accounts.services import today_for
from fibrolog.instruments import Instrument, Item, Score
from fibrolog.instruments.change import meaningful_change
from fibrolog.questionnaires.models import Response, Schedule

OFFERED = ("peg", "phq9", "gad7", "fiqr", "acr2016", "phq15")
DEFAULT_EVERY = {"peg": 7, "phq9": 14, "gad7": 14, "fiqr": 30, "acr2016": 91, "phq15": 30}
DEFAULT_OFF = {"phq15"}
PAGE_SIZE = 5
ABOUT = {
    "peg": "Pain, and how much it gets in the way of enjoying life and daily activity",
    "phq9": "Mood: a standard depression questionnaire",
    "gad7": "Anxiety and worry",
    "fiqr": "How fibromyalgia affects your daily life (the Revised FIQ)",
    "acr2016": "Where it hurts (a body map) and key symptoms: the 2016 criteria",
    "phq15": "Bodily symptoms",
}


@dataclass(frozen=True)
class Page:
    title: str
    items: tuple[Item, ...]


def pages(instrument: Instrument) -> list[Page]:
    """Split an instrument into short pages (the ACR by part, the FIQR by domain)."""
    items = instrument.items
    if instrument.name.startswith("acr"):
        sites = tuple(i for i in items if i.boolean and i.recall == "")
        part_a = tuple(i for i in items if i.key in ("fatigue", "unrefreshed", "cognitive"))
        rest = tuple(i for i in items if i not in sites and i not in part_a)
        return [
            Page("Where have you had pain or tenderness?", sites),
            Page("How much of a problem were these?", part_a),
            Page("A few more questions", rest),
        ]
    if instrument.name == "fiqr":
        groups = [(0, 5), (5, 9), (9, 11), (11, 16), (16, 21)]
        titles = [
            "Doing everyday things",
            "Doing everyday things",
            "Overall",
            "Your symptoms",
            "Your symptoms",
        ]
        return [Page(t, items[a:b]) for t, (a, b) in zip(titles, groups, strict=True)]
    chunks = [items[i : i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)]
    if len(chunks) > 1 and len(chunks[-1]) == 1:  # no page with one lonely item
        chunks[-2:] = [chunks[-2] + chunks[-1]]
    return [Page(instrument.title, chunk) for chunk in chunks]


def start_or_resume(user, name: str) -> Response:
    """Return the unfinished response to `name`, or a new one."""
    if name not in OFFERED:
        raise LookupError(name)
    instrument = instruments.get(name)
    existing = Response.objects.filter(user=user, instrument=name, completed_at__isnull=True)
    return existing.first() or Response.objects.create(
        user=user, instrument=name, version=instrument.version
    )


class PageErrors(ValueError):
    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def parse_page(page: Page, raw: dict[str, str]) -> dict[str, int | None]:
    """Return the page's answers as ints (None = skipped), or raise PageErrors by item key."""
    answers: dict[str, int | None] = {}
    errors: dict[str, str] = {}
    for item in page.items:
        text = (raw.get(item.key) or "").strip()
        if not text:
            answers[item.key] = None
            continue
        try:
            answers[item.key] = item.check(int(text))
        except ValueError as exc:
            errors[item.key] = (
                f"{item.text}: {exc}"
                if "outside" in str(exc)
                else (f"{item.text}: please choose one of the answers")
            )
    if errors:
        raise PageErrors(errors)
    return answers


@transaction.atomic
def save_page(response: Response, index: int, answers: dict[str, int | None]) -> None:
    """Store one page's answers and remember where the person is (to pause and resume)."""
    response.answers = {**response.answers, **answers}
    response.page = index + 1
    response.save(update_fields=["answers", "page"])


def finish(response: Response) -> None:
    """Mark the response complete on the person's diary day."""
    response.completed_at = timezone.now()
    response.day = today_for(response.user)
    response.save(update_fields=["completed_at", "day"])


def score(response: Response) -> Score:
    """Score the stored raw answers (always computed, never stored)."""
    instrument = instruments.get(response.instrument)
    known = set(instrument.keys)
    return instrument.score({k: v for k, v in response.answers.items() if k in known})


@dataclass(frozen=True)
class Due:
    name: str
    title: str
    last: date | None
    in_progress: bool
    asked_by: str = ""  # who asked for it (a clinician's request), when someone did


def schedules(user) -> dict[str, Schedule]:
    """Return the person's schedule for every offered instrument (defaults filled in)."""
    have = {s.instrument: s for s in Schedule.objects.filter(user=user)}
    for name in OFFERED:
        if name not in have:
            have[name] = Schedule(
                user=user,
                instrument=name,
                every_days=DEFAULT_EVERY[name],
                enabled=name not in DEFAULT_OFF,
            )
    return have


def due(user, today: date | None = None, plans: dict[str, Schedule] | None = None) -> list[Due]:
    """Return the instruments due now (or in progress), in the offered order.

    `plans` are the person's `schedules()` when the caller has read them already.
    """
    from fibrolog.questionnaires.requested import asked

    today = today or today_for(user)
    plans = plans if plans is not None else schedules(user)
    requested = asked(user, today)
    # One query for every instrument at once (the check-in page asks on every view).
    last_done: dict[str, date] = {}
    open_now: set[str] = set()
    for name, last, unfinished in (
        Response.objects.filter(user=user, instrument__in=OFFERED)
        .order_by()
        .values("instrument")
        .annotate(
            last=Max("day", filter=Q(completed_at__isnull=False)),
            unfinished=Count("id", filter=Q(completed_at__isnull=True)),
        )
        .values_list("instrument", "last", "unfinished")
    ):
        if last is not None:
            last_done[name] = last
        if unfinished:
            open_now.add(name)
    out = []
    for name in OFFERED:
        last, open_ = last_done.get(name), name in open_now
        plan = plans[name]
        overdue = plan.enabled and (last is None or last + timedelta(days=plan.every_days) <= today)
        if open_ or overdue or name in requested:
            out.append(Due(name, instruments.get(name).title, last, open_, requested.get(name, "")))
    return out


@dataclass(frozen=True)
class HistoryRow:
    response: Response
    score: Score
    change: str | None  # meaningful change since the first response


def history(user, name: str) -> list[HistoryRow]:
    """Return completed responses, oldest first, each scored and compared with the first."""
    rows: list[HistoryRow] = []
    rule = meaningful_change(name)
    baseline = None
    for r in Response.objects.filter(
        user=user, instrument=name, completed_at__isnull=False
    ).order_by("day", "completed_at"):
        s = score(r)
        change = None
        if s.total is not None:
            if baseline is None:
                baseline = s.total
            elif rule is not None:
                change = rule.classify(baseline, s.total)
        rows.append(HistoryRow(r, s, change))
    return rows
