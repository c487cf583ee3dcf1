"""What a person's diary says about them at the start, as bands for the cohort's "who responds".

Only what the diary holds: the severity band of the first completed FIQR (the instrument's own
bands, Salaffi et al. 2018) and the first 28 logged days' mean sleep quality, banded. Bands, not
values: the meta-regression compares groups, and bands reveal less.
"""

from __future__ import annotations

from django.db.models import Avg

from fibrolog import instruments
from fibrolog.diary.models import DailyValue
from fibrolog.questionnaires.models import Response

__all__ = ["BASELINE_DAYS", "baseline_covariates", "sleep_band"]

BASELINE_DAYS = 28


def sleep_band(mean: float) -> str:
    """Band a 0-10 mean sleep quality: poor below 4, fair below 7, good from 7."""
    return "poor (under 4)" if mean < 4 else "fair (4 to 7)" if mean < 7 else "good (7 or more)"


def baseline_covariates(user) -> dict[str, str]:
    """Return {"baseline_fiqr_band", "baseline_sleep"}: what the diary holds (either may lack)."""
    found: dict[str, str] = {}
    first = (
        Response.objects.filter(user=user, instrument="fiqr", completed_at__isnull=False)
        .order_by("day", "completed_at")
        .values_list("answers", flat=True)
        .first()
    )
    if first is not None:
        score = instruments.get("fiqr").score(first)
        if score.valid and score.band:
            found["baseline_fiqr_band"] = score.band
    sleep = DailyValue.objects.for_user(user).filter(metric__key="sleep_quality").preferred()
    days = list(sleep.order_by("day").values_list("day", flat=True).distinct()[:BASELINE_DAYS])
    if days:
        mean = sleep.filter(day__lte=days[-1]).aggregate(m=Avg("value"))["m"]
        if mean is not None:
            found["baseline_sleep"] = sleep_band(float(mean))
    return found
