"""Consented people's diaries from the database, one person at a time (two columns each)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pandas as pd
from django.contrib.auth import get_user_model
from django.db.models import Q

from fibrolog.audit.services import record
from fibrolog.cohort.models import ResearchConsent
from fibrolog.cohort.services.consent import consented_people
from fibrolog.cohort.services.covariates import baseline_covariates
from fibrolog.diary.models import DailyValue
from fibrolog.treatments.models import Regimen

__all__ = ["ALL", "CohortError", "choose", "diaries", "diary_of"]

ALL = "all"


class CohortError(ValueError):
    """A request the cohort cannot answer (unknown person, no consent, nobody consented)."""


def choose(names: Sequence[str], treatment: str) -> list[int]:
    """Return the user ids to analyse: everyone who consented and tried `treatment`, or names.

    Raises
    ------
    CohortError
        For an unknown name, a person who did not consent, or when nobody consented.
    """
    if list(names) == [ALL]:
        people = consented_people()
        if not people.exists():
            raise CohortError("nobody has consented to research use yet: nothing to analyse")
        tried = people.filter(_tried(treatment)).distinct()
        return list(tried.values_list("pk", flat=True))
    if ALL in names:
        raise CohortError("--user all cannot be combined with names")
    ids = []
    users = get_user_model().objects
    for name in names:
        user = users.filter(username=name).first()
        if user is None:
            raise CohortError(f"no account called {name!r}")
        if not consented_people().filter(pk=user.pk).exists():
            raise CohortError(f"{name} has not consented to research use: their diary is not read")
        ids.append(user.pk)
    return ids


def _tried(treatment: str) -> Q:
    key = treatment.strip().lower()
    return Q(treatment__key=key) | Q(treatment__name__iexact=treatment.strip())


def diaries(
    ids: Sequence[int],
    *,
    treatment: str,
    outcome: str,
    purpose: str,
    covariates: dict[str, dict[str, str]] | None = None,
) -> Iterator[tuple[str, pd.DataFrame]]:
    """Yield (research id, diary) for each person, read only when needed, consent re-checked.

    Each read is recorded in the person's audit trail ("read for research: `purpose`"). When
    `covariates` is given, each person's baseline bands are added to it under their research id
    as they are read (full once the iterator is exhausted, before pooling).
    """
    for user_id in ids:
        row = ResearchConsent.objects.filter(user_id=user_id, consented=True).first()
        if row is None:  # took it back since the list was made
            continue
        user = row.user
        record(None, "read", f"diary for research: {purpose}", subject=user)
        if covariates is not None:
            covariates[row.research_id] = baseline_covariates(user)
        yield row.research_id, diary_of(user, treatment=treatment, outcome=outcome)


def diary_of(user, *, treatment: str, outcome: str) -> pd.DataFrame:
    """Return the person's daily `outcome` and `treatment` (1 on regimen days, else 0)."""
    values = (
        DailyValue.objects.for_user(user)
        .filter(metric__key=outcome)
        .preferred()
        .values_list("day", "value")
    )
    series = pd.Series({pd.Timestamp(d): v for d, v in values}, dtype=float).sort_index()
    if series.empty:
        return pd.DataFrame({outcome: [], treatment: []}, index=pd.DatetimeIndex([], name="date"))
    index = pd.date_range(series.index[0], series.index[-1], freq="D", name="date")
    frame = pd.DataFrame({outcome: series.reindex(index)})
    regimens = Regimen.objects.filter(treatment__user=user).filter(
        Q(treatment__key=treatment.strip().lower()) | Q(treatment__name__iexact=treatment.strip())
    )
    if regimens.exists():
        frame[treatment] = 0.0
        for regimen in regimens:
            stop = pd.Timestamp(regimen.stop) if regimen.stop else index[-1]
            frame.loc[(index >= pd.Timestamp(regimen.start)) & (index <= stop), treatment] = 1.0
    return frame
