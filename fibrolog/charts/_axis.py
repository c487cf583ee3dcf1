"""The x-axis: which dates to label for a span and a width, so that no two labels overlap."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from fibrolog.charts._text import MONTHS, short_day

Tick = tuple[float, str]  # (offset in days from the left edge of the plot, label)
Placed = tuple[float, float, str]  # (x of the tick, x of the label's middle, label)

GAP = 6.0  # user units between two neighbouring labels


def x_ticks(
    start: date, n: int, *, left: float, day_w: float, width: float, char_w: float
) -> list[Placed]:
    """Return (tick x, label middle x, label) for the densest labelling that fits.

    Spans up to about two months get days or weeks, up to about two years months, beyond
    that years. `char_w` is the width of one character, with room for enlarged text.
    """
    if n <= 62:
        candidates = [_days(start, n, step) for step in (1, 2, 7, 14)]
    elif n <= 800:
        candidates = [_months(start, n, step) for step in (1, 2, 3, 6, 12)]
    else:
        candidates = [_years(start, n, step) for step in (1, 2, 5, 10, 20)]

    def place(ticks: list[Tick], strict: bool) -> list[Placed] | None:
        kept: list[Placed] = []
        last_right = float("-inf")
        for offset, label in ticks:
            x, half = left + offset * day_w, len(label) * char_w / 2
            mid = min(max(x, half), width - half)  # nudge a label at the edge inwards
            if mid - half < last_right + GAP:
                if strict:
                    return None
                continue
            kept.append((x, mid, label))
            last_right = mid + half
        return kept

    for ticks in candidates:
        placed = place(ticks, strict=True)
        if placed is not None:
            return placed
    return place(candidates[-1], strict=False) or []


def _days(start: date, n: int, step: int) -> list[Tick]:
    """Label every `step` days (1, 2) or every `step`/7 Mondays (7, 14), at the day's middle."""
    first = 0 if step < 7 else (7 - start.weekday()) % 7
    return [(i + 0.5, short_day(start + timedelta(days=i))) for i in range(first, n, step)]


def _firsts(start: date, n: int, keep: Callable[[date], bool]) -> list[date]:
    """Return the first days of the months within the span that `keep` accepts."""
    end = start + timedelta(days=n)
    y, m = (start.year, start.month) if start.day == 1 else _next_month(start.year, start.month)
    out: list[date] = []
    while date(y, m, 1) < end:
        d = date(y, m, 1)
        if keep(d):
            out.append(d)
        y, m = _next_month(y, m)
    return out


def _next_month(y: int, m: int) -> tuple[int, int]:
    return (y + 1, 1) if m == 12 else (y, m + 1)


def _months(start: date, n: int, step: int) -> list[Tick]:
    """Label the start of every `step`-th month; January by its year, as the first if none is."""
    firsts = _firsts(start, n, lambda d: (d.month - 1) % step == 0)
    years = any(d.month == 1 for d in firsts)
    ticks: list[Tick] = []
    for i, d in enumerate(firsts):
        name = MONTHS[d.month - 1]
        if d.month == 1:
            name = str(d.year)
        elif i == 0 and not years:
            name = f"{name} {d.year}"
        ticks.append(((d - start).days, name))
    return ticks


def _years(start: date, n: int, step: int) -> list[Tick]:
    """Label the first of January of every `step`-th year."""
    firsts = _firsts(start, n, lambda d: d.month == 1 and d.year % step == 0)
    return [((d - start).days, str(d.year)) for d in firsts]
