"""One signed-in browser of an account, so a person can see their sessions and end them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class UserSession(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signed_in"
    )
    session_key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now)
    device = models.CharField(max_length=80, blank=True)  # "Firefox on Android", never the raw UA
    ip = models.CharField(max_length=48, blank=True)  # truncated: 192.0.2.x, 2001:db8:1::/48

    class Meta:
        ordering = ["-last_seen"]

    def __str__(self) -> str:
        return f"Session of {self.user} on {self.device or 'an unknown device'}"
