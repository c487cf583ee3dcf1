"""Time to build the clinician report (HTML and PDF) for a year of the demo diary.

Anchor (issue 7, reports): generating the report for a year must take under 5 s on this
machine. Prints the median of 5 runs for the PDF and the HTML and their ratio to the goal.

Run with: make bench BENCH=report
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta

GOAL_S = 5.0
RUNS = 5


def main() -> int:
    os.environ["FIBROLOG_DATA_DIR"] = tempfile.mkdtemp(prefix="fibrolog-bench-")
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "fibrolog.settings"
    import django

    django.setup()
    from django.core.management import call_command

    from fibrolog.diary.services.demo import create_demo_account
    from fibrolog.reports.render import render_html, render_pdf
    from fibrolog.reports.services import Request, build_report
    from fibrolog.reports.services.demo import add_demo_responses

    call_command("migrate", interactive=False, verbosity=0)
    user = create_demo_account("bench", years=1, seed=1)
    responses = add_demo_responses(user, seed=1)
    request = Request.for_period(user)
    request = Request.for_period(user, start=request.end - timedelta(days=364), end=request.end)
    print(f"1-year demo diary with {responses} questionnaire responses; report {request.days} days")
    failures = 0
    for label, render in (("PDF", render_pdf), ("HTML", render_html)):
        render(build_report(request))  # warm imports and fonts once
        times = []
        for _ in range(RUNS):
            t0 = time.perf_counter()
            render(build_report(request))
            times.append(time.perf_counter() - t0)
        median = statistics.median(times)
        ratio = median / GOAL_S
        verdict = "ok" if ratio <= 1 else "OVER"
        failures += ratio > 1
        print(
            f"report {label:<4} median {median:.2f} s (max {max(times):.2f} s) "
            f"vs goal {GOAL_S:.0f} s: ratio {ratio:.2f} {verdict}"
        )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
