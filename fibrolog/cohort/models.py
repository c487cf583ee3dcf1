"""Research consent, and the pooled results a clinic keeps (no one's diary: summaries only)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models

from fibrolog.analysis.cohort import CohortResult as PooledResult


def new_research_id() -> str:
    """Return a random research id: it names a person inside pooled results, nothing else."""
    return "r" + secrets.token_hex(6)


class ResearchConsent(models.Model):
    """A person's yes or no to research use of their diary; no row means no."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="research_consent"
    )
    consented = models.BooleanField(default=False)
    research_id = models.CharField(max_length=20, unique=True, default=new_research_id)
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"research consent: {'yes' if self.consented else 'no'}"


class CohortResult(models.Model):
    """One pooled analysis of the people who consented (derived data: rerun, never edited).

    `result` is `fibrolog.analysis.cohort.CohortResult.to_dict()`; its per-person entries are
    named by research ids only, and the clinic's pages show the pooled figures only.
    """

    treatment = models.CharField(max_length=40)
    outcome = models.CharField(max_length=40)
    slow = models.BooleanField(default=True)
    result = models.JSONField(default=dict)
    engine = models.JSONField(default=dict)
    people = models.PositiveIntegerField(default=0)
    collecting = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["treatment", "outcome", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.treatment} on {self.outcome}, {self.people} people"

    def pooled(self) -> PooledResult:
        """Return the stored result as the engine's typed object."""
        return PooledResult.from_dict(self.result)
