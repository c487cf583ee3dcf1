"""Turn `fibrolog log` arguments into one validated change of a day, or say what is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fibrolog.accounts.services import today_for
from fibrolog.diary.models import Metric
from fibrolog.diary.services.checkin import (
    DayChanges,
    NoteEdit,
    day_state,
    save_day,
)
from fibrolog.diary.validation import check_note, check_text, parse_day, parse_value
from fibrolog.treatments.models import Treatment


class LogError(ValueError):
    """Bad arguments; nothing was saved."""


@dataclass(frozen=True)
class Logged:
    day: date
    summary: str


def _values(user, pairs: tuple[str, ...]) -> dict[str, float | None]:
    metrics = {m.key: m for m in Metric.objects.visible_to(user)}
    out: dict[str, float | None] = {}
    errors = []
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        key = key.strip().lower()
        if not sep:
            errors.append(f"{pair!r}: write METRIC=VALUE, e.g. pain=6")
        elif key not in metrics:
            errors.append(f"{key!r} is not a metric; known: {', '.join(sorted(metrics))}")
        elif raw.strip() == "":
            out[key] = None  # pain= clears the value
        else:
            try:
                out[key] = parse_value(metrics[key], raw)
            except ValueError as exc:
                errors.append(str(exc))
    if errors:
        raise LogError("\n".join(errors))
    return out


def _intakes(user, taken: tuple[str, ...], skipped: tuple[str, ...]) -> dict[int, bool | None]:
    by_name = {t.name.lower(): t for t in Treatment.objects.filter(user=user)}
    by_name.update({t.key: t for t in by_name.values() if t.key})
    out: dict[int, bool | None] = {}
    for names, flag in ((taken, True), (skipped, False)):
        for name in names:
            treatment = by_name.get(name.strip().lower())
            if treatment is None:
                known = ", ".join(sorted(t.name for t in set(by_name.values()))) or "none yet"
                raise LogError(f"Treatment {name!r} not found; yours: {known}")
            out[treatment.id] = flag
    return out


def log_day(
    user,
    *,
    values: tuple[str, ...],
    day: str,
    tags: tuple[str, ...],
    note: str | None,
    flare: int | None,
    taken: tuple[str, ...],
    skipped: tuple[str, ...],
) -> Logged:
    """Validate everything first, then save it in one transaction."""
    try:
        for label, texts in (("METRIC=VALUE", values), ("--tag", tags), ("--date", (day,))):
            for text in texts:
                check_text(label, text)
        check_text("--note", note or "")
        for label, names in (("--taken", taken), ("--skipped", skipped)):
            for name in names:
                check_text(label, name)
    except ValueError as exc:
        raise LogError(str(exc)) from None
    try:
        when = parse_day(day, today_for(user))
    except ValueError as exc:
        raise LogError(f"--date: {exc}") from None
    new_values = _values(user, values)
    intakes = _intakes(user, taken, skipped)
    clean_tags = frozenset(t.strip()[:40] for t in tags if t.strip())
    edit = None
    if note:
        stored = day_state(user, when).note
        edit = NoteEdit(stored, f"{stored}\n\n{note}".strip() if stored else note)
        try:
            check_note(edit.after)
        except ValueError as exc:
            raise LogError(f"--note: {exc}") from None
    changes = DayChanges(
        values=new_values, tags_add=clean_tags, note=edit, intakes=intakes, flare=flare
    )
    if changes.is_empty:
        raise LogError(
            "Nothing to log: give METRIC=VALUE pairs, --tag, --note, --flare or --taken."
        )
    save_day(user, when, changes)
    parts = [f"{k}={'cleared' if v is None else f'{v:g}'}" for k, v in new_values.items()]
    parts += [f"tag {t!r}" for t in sorted(clean_tags)]
    if edit:
        parts.append("note")
    if flare is not None:
        parts.append(f"flare {flare}")
    parts += [f"{len(intakes)} treatment(s)"] if intakes else []
    return Logged(when, ", ".join(parts))
