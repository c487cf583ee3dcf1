"""What a person logs: metrics, daily values, tags, notes and flares."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Case, F, Q, Value, When, Window
from django.db.models.functions import Collate, RowNumber

from fibrolog import catalogue as cat
from fibrolog.diary.validation import NOTE_MAX

User = settings.AUTH_USER_MODEL


class MetricQuerySet(models.QuerySet):
    def visible_to(self, user) -> MetricQuerySet:
        """Return the built-in metrics and the person's own (no one else's)."""
        return self.filter(Q(owner__isnull=True) | Q(owner=user))


class Metric(models.Model):
    """Something trackable: built-in (owner is null) or a person's own."""

    KINDS = [(cat.SYMPTOM, "Symptom"), (cat.FACTOR, "Factor")]
    WORSE = [
        (cat.HIGHER, "Higher is worse"),
        (cat.LOWER, "Lower is worse"),
        (cat.NEITHER, "Neither"),
    ]

    owner = models.ForeignKey(User, null=True, blank=True, on_delete=models.CASCADE)
    key = models.SlugField(max_length=40)
    name = models.CharField(max_length=60)
    kind = models.CharField(max_length=10, choices=KINDS, default=cat.SYMPTOM)
    low = models.FloatField(default=0)
    high = models.FloatField(default=10)
    step = models.FloatField(default=1)
    unit = models.CharField(max_length=20, blank=True)
    worse = models.CharField(max_length=10, choices=WORSE, default=cat.HIGHER)
    question = models.CharField(max_length=120, blank=True)
    low_label = models.CharField(max_length=30, blank=True)
    high_label = models.CharField(max_length=30, blank=True)
    words = models.JSONField(default=list, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    objects = MetricQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=Q(owner__isnull=True), name="metric_builtin_key_unique"
            ),
            models.UniqueConstraint(fields=["owner", "key"], name="metric_owner_key_unique"),
            models.CheckConstraint(condition=Q(high__gt=models.F("low")), name="metric_range"),
            models.CheckConstraint(condition=Q(step__gt=0), name="metric_step_positive"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def builtin(self) -> bool:
        return self.owner_id is None

    @property
    def is_scale(self) -> bool:
        """A small whole-number scale that fits one row of tap targets."""
        return self.step == 1 and self.high - self.low <= 10 and float(self.low).is_integer()


MANUAL = "manual"
DEMO = "demo"


class _Bytewise(Collate):
    """Order text by its bytes on every database (PostgreSQL "C", SQLite's own BINARY)."""

    def __init__(self, expression) -> None:
        super().__init__(expression, "C")

    def as_sqlite(self, compiler, connection, **extra_context):
        return compiler.compile(self.get_source_expressions()[0])


class DailyValueQuerySet(models.QuerySet):
    """Daily values, with the one rule that picks which source a reader shows for a day."""

    def for_user(self, user) -> DailyValueQuerySet:
        """Keep the values of `user`."""
        return self.filter(user=user)

    def preferred(self) -> DailyValueQuerySet:
        """Keep one value per person, metric and day: the one from the winning source.

        A manual entry wins, then demo data, then imported sources in the byte order of their
        names ("apple-health" before "bearable" before "fitbit"), so the choice is the same on
        every run and on SQLite and PostgreSQL. Filter on person, metric and day before or after;
        a filter on `source` before this changes which values compete.
        """
        rank = Case(
            When(source=MANUAL, then=Value(0)),
            When(source=DEMO, then=Value(1)),
            default=Value(2),
        )
        winner = Window(
            RowNumber(),
            partition_by=[F("user_id"), F("metric_id"), F("day")],
            order_by=[rank.asc(), _Bytewise(F("source")).asc()],
        )
        return self.alias(source_order=winner).filter(source_order=1)


class DailyValue(models.Model):
    """One logged value. A day that was not logged has no row: never a 0."""

    MANUAL = MANUAL
    DEMO = DEMO

    user = models.ForeignKey(User, on_delete=models.CASCADE)
    metric = models.ForeignKey(Metric, on_delete=models.CASCADE)
    day = models.DateField()
    value = models.FloatField()
    source = models.CharField(max_length=40, default=MANUAL)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DailyValueQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "metric", "day", "source"], name="dailyvalue_natural_key"
            ),
        ]
        indexes = [models.Index(fields=["user", "day"], name="dailyvalue_user_day")]

    def __str__(self) -> str:
        return f"{self.metric_id} on {self.day}: {self.value:g} ({self.source})"


class Tag(models.Model):
    """A trigger or event a person ticks on a day ("poor sleep", "travel")."""

    user = models.ForeignKey(User, on_delete=models.CASCADE)
    name = models.CharField(max_length=40)
    archived = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["user", "name"], name="tag_user_name")]

    def __str__(self) -> str:
        return self.name


class DayTag(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE)
    day = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tag", "day"], name="daytag_tag_day")]
        indexes = [models.Index(fields=["user", "day"], name="daytag_user_day")]

    def __str__(self) -> str:
        return f"tag {self.tag_id} on {self.day}"


class Note(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE)
    day = models.DateField()
    text = models.TextField(max_length=NOTE_MAX)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="note_user_day")]

    def __str__(self) -> str:
        return f"note on {self.day}"


class PainSites(models.Model):
    """Where it hurt on a day: ACR widespread-pain-index site keys, from the check-in body map."""

    user = models.ForeignKey(User, on_delete=models.CASCADE)
    day = models.DateField()
    sites = models.JSONField(default=list)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="painsites_user_day")]

    def __str__(self) -> str:
        return f"{len(self.sites)} pain sites on {self.day}"


class Flare(models.Model):
    """A flare: days of markedly worse symptoms, start and end inclusive."""

    SEVERITIES = [(1, "Mild"), (2, "Moderate"), (3, "Severe")]

    user = models.ForeignKey(User, on_delete=models.CASCADE)
    start = models.DateField()
    end = models.DateField()
    severity = models.PositiveSmallIntegerField(choices=SEVERITIES, default=2)

    class Meta:
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="flare_order"),
            models.CheckConstraint(
                condition=Q(severity__gte=1, severity__lte=3), name="flare_severity_range"
            ),
        ]

    def __str__(self) -> str:
        return f"flare {self.start} to {self.end} (severity {self.severity})"
