"""Made-up questionnaire answers for a demo diary, so the report's every section has content.

Each answer follows the demo's own mean pain of the week before (plus noise): a sketch for
screenshots, tests and the benchmark, not a model of how people answer.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from fibrolog import instruments
from fibrolog.diary.models import DailyValue
from fibrolog.questionnaires.models import Response

EVERY_DAYS = {"peg": 14, "phq9": 28, "gad7": 28, "fiqr": 28, "acr2016": 91}
FIXED = {"duration_months": 36, "q9": 0}  # long-standing symptoms; no self-harm answers


def add_demo_responses(user, *, seed: int = 1) -> int:
    """Write completed responses over the span of the person's diary and return how many."""
    rng = random.Random(seed)
    pain = dict(
        DailyValue.objects.for_user(user)
        .filter(metric__key="pain")
        .preferred()
        .values_list("day", "value")
    )
    if not pain:
        return 0
    first, last = min(pain), max(pain)
    rows = []
    for name, every in EVERY_DAYS.items():
        instrument = instruments.get(name)
        day = first + timedelta(days=rng.randrange(7, every + 7))
        while day <= last:
            week = [pain[d] for d in (day - timedelta(days=i) for i in range(7)) if d in pain]
            level = sum(week) / len(week) / 10 if week else 0.5
            answers = {
                item.key: _answer(item, level, rng) for item in instrument.items if item.scored
            }
            answers.update({k: v for k, v in FIXED.items() if k in answers})
            moment = timezone.make_aware(datetime.combine(day, time(19, 30)))
            rows.append(
                Response(
                    user=user,
                    instrument=name,
                    version=instrument.version,
                    answers=answers,
                    page=0,
                    completed_at=moment,
                    day=day,
                )
            )
            day += timedelta(days=every)
    Response.objects.bulk_create(rows)
    return len(rows)


def _answer(item, level: float, rng: random.Random) -> int:
    if item.boolean:
        return int(rng.random() < level)
    value = round(item.low + (item.high - item.low) * min(max(level + rng.gauss(0, 0.1), 0), 1))
    return max(item.low, min(item.high, value))
