"""An API token: one clinician's key to the FHIR API. Only its SHA-256 digest is kept."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class ApiToken(models.Model):
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    label = models.CharField(max_length=80)
    # The hex SHA-256 of the token: the token itself is shown once and never stored. A token is
    # 256 random bits, so a plain (unsalted, fast) hash is enough: nothing to guess or look up.
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.label} ({self.clinician})"
