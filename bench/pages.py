"""Server time of the check-in page and the 365-day timeline with a 5-year demo diary.

Anchor (issue: the daily diary): each must render in <= 150 ms at the median on this machine.
Prints p50 and p95 over 50 requests, and each median's ratio to the 150 ms budget.

Run with: make bench
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

BUDGET_MS = 150.0
REQUESTS = 50


def main() -> int:
    os.environ["FIBROLOG_DATA_DIR"] = tempfile.mkdtemp(prefix="fibrolog-bench-")
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "fibrolog.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from fibrolog.diary.models import DailyValue
    from fibrolog.diary.services.demo import create_demo_account

    settings.ALLOWED_HOSTS.append("testserver")
    call_command("migrate", interactive=False, verbosity=0)
    started = time.perf_counter()
    user = create_demo_account("bench", years=5, seed=1)
    rows = DailyValue.objects.filter(user=user).count()
    print(
        f"5-year demo diary: {rows} daily values written in {time.perf_counter() - started:.2f} s"
    )
    client = Client()
    client.force_login(user)
    failures = 0
    for label, url in (
        ("check-in (today)", "/today/"),
        ("timeline 365 days", "/timeline/?days=365"),
        ("timeline 90 days", "/timeline/?days=90"),
    ):
        client.get(url)  # warm caches and imports once
        times = []
        for _ in range(REQUESTS):
            t0 = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, response.status_code
        p50 = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[18]
        ratio = p50 / BUDGET_MS
        verdict = "within budget" if p50 <= BUDGET_MS else "OVER BUDGET"
        failures += p50 > BUDGET_MS
        print(
            f"{label:20s} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  "
            f"p50/budget(150 ms) = {ratio:.2f}  {verdict}"
        )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
