"""The schedule as an iCalendar file: one all-day event per period (RFC 5545)."""

from __future__ import annotations

import re
from datetime import timedelta

from fibrolog.analysis.trials import Block
from fibrolog.experiments.models import Experiment

# Any line break (CRLF, a bare CR or LF, Unicode separators) becomes the two characters \n;
# other control characters are not allowed in a TEXT value and are dropped.
_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f]")


def _escape(text: str) -> str:
    """Escape a TEXT value (RFC 5545, 3.3.11) so it cannot start a new content line."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return _CONTROLS.sub("", _BREAKS.sub(lambda _: "\\n", text))


def _fold(line: str) -> list[str]:
    """Split a content line into 75-octet pieces, continuations starting with a space."""
    out, piece = [], ""
    for char in line:
        limit = 75 if not out else 74
        if len((piece + char).encode("utf-8")) > limit:
            out.append(piece)
            piece = ""
        piece += char
    return [*out, piece]


def _summary(exp: Experiment, block: Block) -> str:
    what = exp.tested if block.arm == "B" else exp.comparison
    label = block.arm if block.phase == "treatment" else block.phase
    return f"{exp.tested} trial: {label} - {what}"


def ical(exp: Experiment, blocks: list[Block], stamp: str, sequence: int) -> str:
    """Return the VCALENDAR text for `blocks` (CRLF line ends, folded lines)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//fibrolog//self-experiments//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(f'fibrolog: {exp.tested} vs {exp.comparison}')}",
    ]
    for block in blocks:
        note = (
            f"These days: {exp.tested}."
            if block.arm == "B"
            else f"These days: {exp.comparison} (not {exp.tested})."
        )
        if block.washout_days:
            note += (
                f" The first {block.washout_days} day(s) after the switch are a washout: "
                "follow the plan; they are left out of the analysis."
            )
        lines += [
            "BEGIN:VEVENT",
            f"UID:fibrolog-experiment-{exp.pk}-{block.first:%Y%m%d}@fibrolog",
            f"SEQUENCE:{sequence}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{block.first:%Y%m%d}",
            f"DTEND;VALUE=DATE:{block.last + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(_summary(exp, block))}",
            f"DESCRIPTION:{_escape(note)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(piece + "\r\n" for line in lines for piece in _fold_joined(line))


def _fold_joined(line: str) -> list[str]:
    pieces = _fold(line)
    return [pieces[0], *(" " + p for p in pieces[1:])]
