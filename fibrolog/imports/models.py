"""Raw imported samples, the keys of every imported record, and import jobs."""

from __future__ import annotations

from django.conf import settings
from django.db import models

User = settings.AUTH_USER_MODEL


class RawSample(models.Model):
    """One raw reading or interval as a device wrote it; daily values are derived from these."""

    # No separate index on user: the natural-key constraint starts with it (faster imports).
    user = models.ForeignKey(User, on_delete=models.CASCADE, db_index=False)
    source = models.CharField(max_length=40)
    natural_key = models.CharField(max_length=100)
    kind = models.CharField(max_length=40)
    start = models.DateTimeField()
    end = models.DateTimeField()
    value = models.FloatField()
    unit = models.CharField(max_length=20, blank=True)
    device = models.CharField(max_length=120, blank=True)
    detail = models.CharField(max_length=120, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "source", "natural_key"], name="rawsample_natural_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.value:g} {self.unit} at {self.start}"


class ImportedKey(models.Model):
    """The natural key of a diary-app record already imported (so a re-import adds nothing)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, db_index=False)
    source = models.CharField(max_length=40)
    natural_key = models.CharField(max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "source", "natural_key"], name="importedkey_natural_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source}:{self.natural_key}"


class ImportJob(models.Model):
    """An import run from the upload page, with its progress and summary."""

    STATES = [
        ("preview", "Waiting for your confirmation"),
        ("queued", "Queued"),
        ("running", "Importing"),
        ("done", "Done"),
        ("failed", "Failed"),
    ]

    user = models.ForeignKey(User, on_delete=models.CASCADE)
    kind = models.CharField(max_length=20)
    filename = models.CharField(max_length=255)
    path = models.CharField(max_length=500, help_text="The uploaded file in the data directory.")
    options = models.JSONField(default=dict)  # confirmed scales / column mapping
    state = models.CharField(max_length=10, choices=STATES, default="queued")
    bytes_total = models.BigIntegerField(null=True, blank=True)
    bytes_read = models.BigIntegerField(default=0)
    summary = models.JSONField(default=dict)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.kind} import of {self.filename} ({self.state})"

    @property
    def percent(self) -> int:
        if not self.bytes_total:
            return 0
        return min(100, int(100 * self.bytes_read / self.bytes_total))
