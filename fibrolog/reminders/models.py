"""When and where to remind a person to check in, their phones' push addresses, what was sent."""

from __future__ import annotations

from datetime import time

from django.conf import settings
from django.db import models

User = settings.AUTH_USER_MODEL


class Reminder(models.Model):
    """A person's daily reminder: a local time and one channel."""

    OFF, WEBPUSH, NTFY, EMAIL = "off", "webpush", "ntfy", "email"
    CHANNELS = [
        (OFF, "No reminder"),
        (WEBPUSH, "A notification on this phone or computer"),
        (NTFY, "An ntfy topic (the ntfy app)"),
        (EMAIL, "An e-mail"),
    ]

    user = models.OneToOneField(User, on_delete=models.CASCADE)
    channel = models.CharField(max_length=8, choices=CHANNELS, default=OFF)
    at = models.TimeField(default=time(20, 0))
    ntfy_url = models.URLField(blank=True, max_length=300)
    email = models.EmailField(blank=True)

    def __str__(self) -> str:
        return f"{self.user} {self.channel} {self.at:%H:%M}"


class PushSubscription(models.Model):
    """One browser's Web Push address for a person (a phone, a laptop)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="push_subscriptions")
    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.user} push"

    def info(self) -> dict[str, object]:
        """Return the subscription as the browser gave it (what pywebpush takes)."""
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}


class ReminderSent(models.Model):
    """A reminder that went out for one diary day (at most one per person and day)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE)
    day = models.DateField()
    channel = models.CharField(max_length=8)
    sent_at = models.DateTimeField(auto_now_add=True)
    ok = models.BooleanField(default=False)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="remindersent_user_day")
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.day} {self.channel}"
