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

# Tags that are another measure of a metric: a link between them says nothing new, so the
# insights never show it ("poor sleep" goes with lower sleep quality by definition).
MEASURES: dict[str, tuple[str, ...]] = {
    "poor sleep": ("sleep_quality", "sleep_hours", "unrefreshed"),
    "overdid it": ("exertion",),
    "stressful day": ("stress",),
}
