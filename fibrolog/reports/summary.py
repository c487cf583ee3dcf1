"""The report's one-line summary, read from the sections it contains."""

from __future__ import annotations

from datetime import date
from typing import Any

MAIN = "pain"  # the summary's main rating when it was logged; else the first one logged


def _day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


def _rating(data: dict[str, Any]) -> list[str]:
    rows = data.get("rows") or []
    if not rows:
        return ["nothing was logged"]
    row = next((r for r in rows if r["key"] == MAIN), rows[0])
    said = (
        f"{row['name'].lower()} averaged {row['mean']:.1f} "
        f"(logged {row['logged']} of {row['days']} days)"
    )
    if row["change"] is not None:
        said += (
            f", {row['first']:.1f} to {row['last']:.1f} from the first to the last "
            f"{data['edge_days']} days"
        )
        if row["verdict"]:
            said += f" ({row['verdict']})"
    flares = data.get("flares") or []
    if flares:
        plural = "s" if len(flares) != 1 else ""
        return [said, f"{len(flares)} flare{plural} ({data['flare_days']} days)"]
    return [said, "no flares marked"]


def _treatments(data: dict[str, Any], start: date) -> list[str]:
    events = []
    for row in data.get("rows") or []:
        doses = row["doses"]
        begun = [d for d in doses if d["start"] >= start]
        if not begun:
            continue
        if doses[0]["start"] >= start:
            said = f"{row['name']} started {_day(doses[0]['start'])}"
        else:
            said = f"{row['name']} dose changed"
        if len(doses) > 1 and begun[-1] is not doses[0]:
            said += f" ({begun[-1]['label'].removeprefix(row['name']).strip()} from "
            said += f"{_day(begun[-1]['start'])})"
        events.append((begun[0]["start"], said))
    events.sort()
    return [text for _, text in events[-3:]]


def _questionnaires(data: dict[str, Any]) -> list[str]:
    out = []
    for row in data.get("rows") or []:
        if row.get("change") and row["count"] > 1:
            first, last = row["first"]["total"], row["last"]["total"]
            out.append(f"{row['title']} {first} to {last} ({row['change']})")
    return out


def summarise(parts: list[Any], start: date) -> str:
    """Return one sentence: the main rating and its change, flares, treatment starts, scores."""
    by_key = {p.key: p.data for p in parts}
    said: list[str] = []
    if "symptoms" in by_key:
        said += _rating(by_key["symptoms"])
    if "treatments" in by_key:
        said += _treatments(by_key["treatments"], start)
    if "questionnaires" in by_key:
        said += _questionnaires(by_key["questionnaires"])
    if not said:
        return ""
    text = "; ".join(said)
    return text[0].upper() + text[1:] + "."
