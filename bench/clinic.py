"""Server time of the clinic dashboard for 300 people sharing with one clinician.

Anchor (issue 13: clinicians): the dashboard for 300 simulated people loads in under 300 ms.
Each person has a year of daily check-ins (five ratings a day), a FIQR and a PHQ-9 every month,
a treatment or two and, for some, an ended self-experiment; all share everything with one
clinician. A temporary SQLite database; the request goes through Django's test client (all
middleware, the template, and the 300 audit entries each view writes). Prints the median of
several requests after one warm-up and its ratio to the goal; MISS and a non-zero exit when over.

What makes it fast: a constant number of queries whatever the number of people (one per
column for everyone: correlated subqueries that stop at the first index entry for the last
check-in and the two latest questionnaires, SQL means for the previous 90 days, only the last 30
days' rows for the sparklines), questionnaire scores memoised per answers, the rows written as
escaped HTML directly, and the 300 audit entries written in one insert. The CPU figure is printed
beside the wall-clock median because on a shared machine the wall clock mostly measures waiting.

Run with: make bench BENCH=clinic
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta

GOAL_MS = 300.0
PEOPLE = 300
DAYS = 365
REQUESTS = 7
KEYS = ("pain", "fatigue", "fog", "sleep_quality", "mood")


def populate(clinician, today) -> int:
    """Write the people and their year; return how many daily values were written."""
    from fibrolog.accounts.services import create_account
    from fibrolog.clinic.models import ExperimentVerdict
    from fibrolog.diary.models import DailyValue, Metric
    from fibrolog.experiments.models import Experiment
    from fibrolog.questionnaires.models import Response
    from fibrolog.sharing.services import share
    from fibrolog.treatments.models import Regimen, Treatment

    rng = random.Random(13)
    metrics = list(Metric.objects.filter(owner__isnull=True, key__in=KEYS))
    written = 0
    for n in range(PEOPLE):
        person = create_account(f"person{n:03d}", None)
        share(person, clinician, ["report", "diary", "questionnaires", "insights"])
        level, drift = rng.uniform(3, 7), rng.uniform(-1.5, 1.5)
        values = []
        for back in range(DAYS):
            if rng.random() < 0.15:
                continue  # a day not logged
            day = today - timedelta(days=back)
            trend = drift if back < 30 else 0.0
            for m in metrics:
                value = round(min(10, max(0, level + trend + rng.gauss(0, 1.2))))
                values.append(DailyValue(user=person, metric=m, day=day, value=value))
        DailyValue.objects.bulk_create(values, batch_size=5000)
        written += len(values)
        responses = []
        for month in range(12):
            day = today - timedelta(days=30 * month + rng.randrange(5))
            when = datetime.combine(day, datetime.min.time(), tzinfo=UTC)
            phq = {f"q{i}": rng.randrange(3) for i in range(1, 9)}
            phq["q9"] = 1 if rng.random() < 0.01 else 0
            fiq = {f"q{i}": rng.randrange(11) for i in range(1, 22)}
            for name, answers in (("phq9", phq), ("fiqr", fiq)):
                responses.append(
                    Response(
                        user=person,
                        instrument=name,
                        version="bench",
                        answers=answers,
                        completed_at=when,
                        day=day,
                    )
                )
        Response.objects.bulk_create(responses)
        for t in range(rng.randrange(1, 3)):
            treatment = Treatment.objects.create(user=person, name=f"Treatment {t}")
            start = today - timedelta(days=rng.randrange(10, 400))
            stop = start + timedelta(days=60) if rng.random() < 0.3 else None
            Regimen.objects.create(treatment=treatment, start=start, stop=stop)
        if n % 5 == 0:
            exp = Experiment.objects.create(
                user=person,
                tested="Tai chi",
                start=today - timedelta(days=70),
                status=Experiment.COMPLETED,
            )
            ExperimentVerdict.objects.create(
                experiment=exp,
                person=person,
                ended_on=today - timedelta(days=14),
                words="Likely helps.",
            )
    return written


def main() -> int:
    os.environ["FIBROLOG_DATA_DIR"] = tempfile.mkdtemp(prefix="fibrolog-bench-clinic-")
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "fibrolog.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from fibrolog.accounts.services import create_account, today_for
    from fibrolog.audit.models import AuditEntry

    settings.ALLOWED_HOSTS.append("testserver")
    call_command("migrate", interactive=False, verbosity=0)
    clinician = create_account("drchen", None, role="clinician")
    started = time.perf_counter()
    with transaction.atomic():  # one commit: synchronous=FULL makes each commit an fsync
        rows = populate(clinician, today_for(clinician))
    print(
        f"{PEOPLE} people, {rows} daily values, {PEOPLE * 24} questionnaires written in "
        f"{time.perf_counter() - started:.1f} s"
    )
    client = Client()
    client.force_login(clinician)
    response = client.get("/clinic/")  # warm-up: imports, template loading, SQLite's page cache
    assert response.status_code == 200, response.status_code
    assert response.content.count(b'href="/clinic/people/') >= PEOPLE
    times, cpu = [], []
    for _ in range(REQUESTS):
        with CaptureQueriesContext(connection) as queries:
            t0, c0 = time.perf_counter(), time.process_time()
            response = client.get("/clinic/")
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        assert response.status_code == 200
    median = statistics.median(times)
    ratio = median / GOAL_MS
    print(
        f"dashboard, {PEOPLE} people: median {median:.0f} ms over {REQUESTS} requests "
        f"(min {min(times):.0f}, max {max(times):.0f}; this process's CPU: median "
        f"{statistics.median(cpu):.0f} ms, SQLite's work included); {len(queries)} SQL queries; "
        f"{AuditEntry.objects.count()} audit entries written"
    )
    verdict = "within the goal" if median < GOAL_MS else "MISS"
    print(f"median/goal(300 ms) = {ratio:.2f}  {verdict}")
    return 0 if median < GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
