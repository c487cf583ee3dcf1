"""A one-time invitation to sign up with a role; only a hash of its token is stored."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from fibrolog.accounts.models.profile import PERSON, ROLES


class Invitation(models.Model):
    token_hash = models.CharField(max_length=64, unique=True)  # SHA-256 hex of the token
    role = models.CharField(max_length=16, choices=ROLES, default=PERSON)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation for a {self.role} ({self.state})"

    @property
    def state(self) -> str:
        """Return "used", "revoked", "expired" or "open"."""
        if self.used_at:
            return "used"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "open"
