"""Confirmed import choices (scales, names, column mapping) to and from JSON for a job."""

from __future__ import annotations

from typing import Any

from fibrolog.ingest import Choices, ColumnMap, Scale


def choices_to_json(choices: Choices) -> dict[str, Any]:
    """Return `choices` as plain JSON."""
    return {
        "metrics": dict(choices.metrics),
        "scales": {k: [s.low, s.high, s.reverse] for k, s in choices.scales.items()},
        "labels": dict(choices.labels),
        "person": choices.person,
    }


def choices_from_json(data: dict[str, Any]) -> Choices:
    """Rebuild confirmed choices from `choices_to_json` output."""
    return Choices(
        metrics=dict(data.get("metrics", {})),
        scales={
            k: Scale(float(lo), float(hi), bool(rev))
            for k, (lo, hi, rev) in data.get("scales", {}).items()
        },
        labels={k: float(v) for k, v in data.get("labels", {}).items()},
        person=str(data.get("person", "")),
    )


def mapping_from_json(data: dict[str, Any]) -> ColumnMap:
    """Rebuild a generic-CSV column mapping."""
    return ColumnMap(
        date=str(data["date"]),
        metrics=dict(data.get("metrics", {})),
        tags=str(data.get("tags", "")),
        note=str(data.get("note", "")),
        date_format=str(data.get("date_format", "")),
        day_start_hour=int(data.get("day_start_hour", 4)),
    )
