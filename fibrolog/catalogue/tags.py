"""The tags every diary starts with: the flare triggers people name most."""

from __future__ import annotations

DEFAULT_TAGS = (
    "poor sleep",
    "overdid it",
    "stressful day",
    "weather change",
    "period",
    "travel",
    "alcohol",
    "ate gluten",
    "illness",
    "social event",
)
