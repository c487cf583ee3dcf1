"""Every table a person owns, declared once: the export, the import and the erase read it.

A test walks every installed model and fails when one that belongs to a person (a chain of
foreign keys to the user model) is neither here nor in NOT_EXPORTED, so a new model cannot be
forgotten by the export.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.db import models

from fibrolog.accounts.models import Profile
from fibrolog.diary.models import DailyValue, DayTag, Flare, Metric, Note, PainSites, Tag
from fibrolog.questionnaires.models import Response, Schedule
from fibrolog.treatments.models import Intake, Regimen, Treatment


@dataclass(frozen=True)
class Table:
    """One exported table: its rows, how they reach the person and their natural key."""

    name: str
    model: type[models.Model]
    owner: str  # the lookup from a row to the person: "user", "owner", "treatment__user"
    key: tuple[str, ...]  # the natural key, also the order rows are written in
    refs: dict[str, str] = field(default_factory=dict)  # foreign key -> the target's natural key
    skip: frozenset[str] = frozenset()  # bookkeeping the person never entered

    def fields(self) -> list[models.Field]:
        """Return the exported fields, in model order (the id and the owner left out)."""
        direct_owner = None if "__" in self.owner else self.owner
        return [
            f
            for f in self.model._meta.concrete_fields
            if not f.primary_key and f.name != direct_owner and f.name not in self.skip
        ]

    def rows(self, user) -> models.QuerySet:
        """Return the person's rows of this table."""
        return self.model._default_manager.filter(**{self.owner: user})


# Dependencies first: a row's references are imported before the row.
TABLES: tuple[Table, ...] = (
    # The role is never exported nor restored: an export file must not make anyone an admin.
    Table("profile", Profile, "user", (), skip=frozenset({"created_at", "role"})),
    Table("metrics", Metric, "owner", ("key",)),
    Table("tags", Tag, "user", ("name",)),
    Table("treatments", Treatment, "user", ("name",), skip=frozenset({"created_at"})),
    Table(
        "daily_values",
        DailyValue,
        "user",
        ("day", "metric", "source"),
        refs={"metric": "key"},
        skip=frozenset({"created_at", "updated_at"}),
    ),
    Table("day_tags", DayTag, "user", ("day", "tag"), refs={"tag": "name"}),
    Table("notes", Note, "user", ("day",), skip=frozenset({"updated_at"})),
    Table("pain_sites", PainSites, "user", ("day",)),
    Table("flares", Flare, "user", ("start",)),
    Table(
        "regimens", Regimen, "treatment__user", ("treatment", "start"), refs={"treatment": "name"}
    ),
    Table("intakes", Intake, "treatment__user", ("treatment", "day"), refs={"treatment": "name"}),
    Table("responses", Response, "user", ("started_at", "instrument")),
    Table("schedules", Schedule, "user", ("instrument",), skip=frozenset({"dismissed_on"})),
)


def _experiment_tables() -> tuple[Table, ...]:
    """Return the self-experiment tables (when that app is installed)."""
    if not apps.is_installed("fibrolog.experiments"):
        return ()
    from fibrolog.experiments import models as e

    def child(name: str, model: type[models.Model], *key: str) -> Table:
        return Table(name, model, "experiment__user", key, refs={"experiment": "seed"})

    return (
        Table("experiments", e.Experiment, "user", ("seed",)),
        child("experiment_plans", e.PlanVersion, "experiment", "number"),
        child("experiment_days", e.ScheduleDay, "experiment", "day"),
        child("experiment_adherence", e.Adherence, "experiment", "day"),
        child("experiment_deviations", e.Deviation, "experiment", "day", "created_at"),
    )


def _import_tables() -> tuple[Table, ...]:
    """Return the raw imported samples and imported-record keys (when that app is installed)."""
    if not apps.is_installed("fibrolog.imports"):
        return ()
    from fibrolog.imports import models as i

    return (
        Table("raw_samples", i.RawSample, "user", ("source", "natural_key")),
        Table("imported_keys", i.ImportedKey, "user", ("source", "natural_key")),
    )


TABLES += _import_tables() + _experiment_tables()

# Models that reach a person but are not exported as a table, each with the reason.
NOT_EXPORTED = {
    "auth.user": "the account itself: its user name is the export's `account`; never the password",
    "imports.importjob": "the progress of one upload, not data; its uploaded file is erased too",
    "insights.insightrun": "derived: recomputed from the diary, never entered or edited",
    "phone.syncedcheckin": "bookkeeping: ids of check-ins sent from a phone (each written once)",
    "reminders.reminder": "a device setting (where and when to remind), not diary data",
    "reminders.pushsubscription": "one browser's push address: useless on another device",
    "reminders.remindersent": "bookkeeping: which days a reminder went out, so it goes once",
    "audit.auditentry": "the record of who looked at your data: it stays with this server",
    "sharing.share": "who you share with on this server: a share is made again on another",
    "accounts.usersession": "where the account is logged in: security bookkeeping, not data",
    "accounts.invitation": "an admin's sign-up link; it only names who made or used it",
    "otp_totp.totpdevice": "the two-factor secret: a new device is set up, never carried over",
    "otp_static.staticdevice": "the recovery codes: made again on a new server",
    "otp_static.statictoken": "one recovery code (a keyed hash of it)",
    "fhirapi.apitoken": "a clinician's API key (only its hash): useless on another server",
    "clinic.visit": "a clinician's note of a visit date: the clinic's record, not your diary",
    "clinic.questionnairerequest": "a clinician's request here; your answers are exported",
    "clinic.experimentproposal": "a clinician's suggestion; an accepted one is your experiment",
    "clinic.experimentverdict": "derived: an ended experiment's result, recomputed from it",
}

BY_NAME = {t.name: t for t in TABLES}


def table(name: str) -> Table:
    """Return the table called `name`."""
    return BY_NAME[name]
