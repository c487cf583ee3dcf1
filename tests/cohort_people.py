"""People for the cohort's database tests: simulated slow-onset diaries planted in the database."""

from __future__ import annotations

import pandas as pd

from fibrolog.accounts.services import create_account
from fibrolog.analysis.cohort.simulate import simulate_person
from fibrolog.cohort.models import ResearchConsent
from fibrolog.diary.models import DailyValue, Metric
from fibrolog.treatments.services import start_treatment


def plant(name: str, diary: pd.DataFrame, *, consent: bool | None):
    """Create a person with the diary's pain and LDN; consent True, False (a no) or None."""
    user = create_account(name, "amber harbour softly drifting")
    pain = Metric.objects.get(key="pain", owner__isnull=True)
    DailyValue.objects.bulk_create(
        DailyValue(user=user, metric=pain, day=day.date(), value=float(value))
        for day, value in diary["pain"].dropna().items()
    )
    on = diary.index[diary["ldn"] > 0]
    if len(on):
        start_treatment(user, name="", key="ldn", start=on[0].date())
    if consent is not None:
        ResearchConsent.objects.create(user=user, consented=consent)
    return user


def plant_cohort(count: int, *, mean: float = -1.2, spread: float = 0.3, seed: int = 0) -> list:
    """Plant `count` consenting people with true effects around `mean` (a year each)."""
    people = []
    for i in range(count):
        effect = mean + spread * ((i % 5) - 2) / 2
        diary = simulate_person(effect, days=365, start=120 + 7 * i, seed=seed + i)
        people.append(plant(f"person{i}", diary, consent=True))
    return people
