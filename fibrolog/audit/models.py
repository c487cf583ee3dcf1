"""One audit entry: a link in its person's chain (each entry holds the hash of the one before)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

SYSTEM = "system"  # the chain of entries about no one person (an admin's actions, failed logins)


class AuditEntry(models.Model):
    # Whose chain: "person:<id>" for entries about a person's data, SYSTEM otherwise. A person's
    # chain goes with their account when they erase it; the others stay whole.
    chain = models.CharField(max_length=40, db_index=True)
    seq = models.PositiveIntegerField()
    at = models.DateTimeField(default=timezone.now)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.CASCADE,
        related_name="audit_entries",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150)  # kept when the actor's account is deleted
    actor_role = models.CharField(max_length=16)
    action = models.CharField(max_length=24)  # view, share, revoke, export, login, api, ...
    what = models.CharField(max_length=300)  # "diary", "report", "Observation?code=..."
    address = models.CharField(max_length=64, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["chain", "seq"], name="audit_chain_seq")]
        ordering = ["chain", "seq"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.what}"

    def save(self, *args, **kwargs) -> None:
        """Insert once; an entry is never changed (the chain would show it)."""
        if self.pk is not None:
            raise PermissionError("audit entries are append-only")
        super().save(*args, **kwargs)
