"""Which check-ins saved on a phone have already been written, so a replay is written once."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class SyncedCheckin(models.Model):
    """One check-in sent from a phone's queue, by the id the phone gave it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    client_id = models.UUIDField()
    day = models.DateField()
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "client_id"], name="syncedcheckin_user_id")
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.day} {self.client_id}"
