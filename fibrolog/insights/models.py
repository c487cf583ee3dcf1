"""The latest analysis of a person's diary, kept so that no page waits on a refit."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from fibrolog.analysis.results import InsightsResult


class InsightRun(models.Model):
    """One person's latest engine output (derived data: recomputed, never edited)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    computed_at = models.DateTimeField(null=True, blank=True)
    diary_through = models.DateField(null=True, blank=True)
    stale = models.BooleanField(default=True)
    result = models.JSONField(default=dict)
    error = models.TextField(blank=True)
    seconds = models.FloatField(default=0)

    def __str__(self) -> str:
        return f"insights computed {self.computed_at}"

    def insights(self) -> InsightsResult | None:
        """Return the stored result as the engine's typed object (None before the first)."""
        if self.computed_at is None:
            return None
        try:
            return InsightsResult.from_dict(self.result)
        except (KeyError, TypeError, ValueError):  # stored by an older version: recomputed
            return None
