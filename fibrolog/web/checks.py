"""fibrolog's own deployment checks, run with Django's by `fibrolog check --deploy`.

They are registered with Django's system-check framework (tags "fibrolog" and deploy), so they
run only when deployment checks are asked for; docs/server.md lists them.
"""

from __future__ import annotations

import os
import stat
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.checks import CheckMessage, Error, Info, Warning
from django.db import DatabaseError
from django.utils import timezone

WORKER_STALE = timedelta(minutes=5)


@checks.register("fibrolog", deploy=True)
def check_mode(**_kwargs: object) -> list[CheckMessage]:
    """Say when the settings are the laptop's, which Django's deploy checks then flag."""
    if settings.SERVER_MODE:
        return [Info(f"server mode for {settings.PUBLIC_URL}", id="fibrolog.I001")]
    return [
        Warning(
            "FIBROLOG_PUBLIC_URL is not set: these are the laptop settings (plain HTTP, loopback).",
            hint="Set FIBROLOG_PUBLIC_URL=https://your.host to switch on server mode.",
            id="fibrolog.W002",
        )
    ]


@checks.register("fibrolog", deploy=True)
def check_secret_key(**_kwargs: object) -> list[CheckMessage]:
    """Require the secret key from the environment or a file only its owner can read."""
    if os.environ.get("FIBROLOG_SECRET_KEY"):
        return []
    path = Path(settings.SECRET_KEY_FILE)
    try:
        info = path.stat()
    except OSError:
        return [Error(f"the secret key file {path} cannot be read", id="fibrolog.E001")]
    problems = []
    if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        problems.append(f"others may read it (mode {stat.S_IMODE(info.st_mode):04o})")
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        problems.append("it belongs to another user")
    if not problems:
        return []
    return [
        Error(
            f"the secret key file {path}: " + "; ".join(problems),
            hint=f"chmod 600 {path} (and chown it to the user fibrolog runs as), "
            "or set FIBROLOG_SECRET_KEY.",
            id="fibrolog.E001",
        )
    ]


@checks.register("fibrolog", deploy=True)
def check_debug(**_kwargs: object) -> list[CheckMessage]:
    """Refuse Django's debug pages: they show settings and data to whoever triggers an error."""
    if not settings.DEBUG:
        return []
    return [Error("DEBUG is on", hint="Unset FIBROLOG_DEBUG.", id="fibrolog.E002")]


@checks.register("fibrolog", deploy=True)
def check_database(**_kwargs: object) -> list[CheckMessage]:
    """Refuse SQLite when several web processes would write to it at once."""
    engine = settings.DATABASES["default"]["ENGINE"]
    if "sqlite" not in engine or settings.WEB_PROCESSES <= 1:
        return []
    return [
        Error(
            f"SQLite with {settings.WEB_PROCESSES} web processes (FIBROLOG_WEB_PROCESSES): "
            "their writes would queue on one file lock",
            hint="Use PostgreSQL (DATABASE_URL=postgres://...) or one web process.",
            id="fibrolog.E003",
        )
    ]


def last_heartbeat():
    """Return when a running worker last said it was alive, or None when none has yet."""
    from fibrolog.jobs.models import WorkerBeat

    live = WorkerBeat.objects.filter(stopped_at__isnull=True)
    return live.order_by("-seen_at").values_list("seen_at", flat=True).first()


@checks.register("fibrolog", deploy=True)
def check_worker(**_kwargs: object) -> list[CheckMessage]:
    """Warn on a server when no worker has been seen in the last few minutes."""
    try:
        seen = last_heartbeat()
    except DatabaseError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return [Error(f"cannot reach the database: {first}", id="fibrolog.E004")]
    if not settings.SERVER_MODE:
        return []
    if seen is None:
        return [
            Warning(
                "no worker heartbeat yet",
                hint="Start a worker (see docs/server.md) next to the web process.",
                id="fibrolog.W001",
            )
        ]
    age = timezone.now() - seen
    if age > WORKER_STALE:
        return [
            Warning(
                f"no worker seen for {int(age.total_seconds() // 60)} minutes",
                hint="Is the worker running? (see docs/server.md)",
                id="fibrolog.W001",
            )
        ]
    return []


def deploy_report() -> list[CheckMessage]:
    """Run Django's and fibrolog's deployment checks; return every message not silenced."""
    found = checks.run_checks(include_deployment_checks=True, databases=["default"])
    return [m for m in found if not m.is_silenced()]
