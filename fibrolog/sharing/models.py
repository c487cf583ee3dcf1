"""One share: a person lets one clinician read some parts of their data until a date."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

# The parts a person chooses from (the keys are the CLI's --what names: a contract).
PARTS = {
    "report": "Report",
    "diary": "Diary and timeline",
    "questionnaires": "Questionnaires",
    "insights": "Insights and self-experiments",
}
DEFAULT_DAYS = 180


class ShareQuerySet(models.QuerySet):
    def active(self, at=None) -> ShareQuerySet:
        """Return the shares in force now: not revoked, not expired."""
        at = at or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=at)


class Share(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shares_given"
    )
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shares_received"
    )
    parts = models.JSONField(default=list)  # a subset of PARTS' keys
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ShareQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.person} shares {','.join(self.parts)} with {self.clinician}"

    def covers(self, part: str) -> bool:
        """Return True if this share, in force now, includes the part."""
        now = timezone.now()
        return part in self.parts and self.revoked_at is None and self.expires_at > now


CODE_DAYS = 7  # how long a clinician's invitation code works


class ClinicianCode(models.Model):
    """A short code a clinician gives one person, so the person can find them and share.

    Only the SHA-256 of the code is kept; it works once, until it expires.
    """

    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sharing_codes"
    )
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"code from {self.clinician} until {self.expires_at:%Y-%m-%d}"
