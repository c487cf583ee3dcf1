"""Back to the person: the clinic's pooled result as the starting point of their own analysis."""

from __future__ import annotations

from fibrolog.analysis.cohort import CohortResult as PooledResult
from fibrolog.analysis.cohort import leave_out, person_prior
from fibrolog.catalogue.treatments import TREATMENTS
from fibrolog.cohort.forms import OUTCOME_NAMES
from fibrolog.cohort.models import CohortResult
from fibrolog.cohort.services.consent import consented
from fibrolog.insights.priors import Source
from fibrolog.insights.words import span, way

__all__ = ["cohort_priors", "latest_results"]

NAMES = {t.key: t.name for t in TREATMENTS}


def latest_results() -> list[CohortResult]:
    """Return the latest stored result of each (treatment, outcome)."""
    pairs = CohortResult.objects.values_list("treatment", "outcome").distinct()
    found = [
        CohortResult.objects.filter(treatment=t, outcome=o).first() for t, o in sorted(set(pairs))
    ]
    return [row for row in found if row is not None]


def cohort_priors(user) -> list[Source]:
    """Return the person's priors from the clinic's latest results (only with their consent)."""
    consent = consented(user)
    if consent is None:
        return []
    sources = []
    for row in latest_results():
        others = leave_out(row.pooled(), consent.research_id)
        if others is not None:
            sources.append(Source(row.outcome, row.treatment, person_prior(others),
                                  _lines(others, row)))  # fmt: skip
    return sources


def _lines(others: PooledResult, row: CohortResult) -> tuple[str, ...]:
    """Return the sentences about the other people, in plain words, intervals included."""
    m, p, r, b = others.mean, others.predictive, others.responders, others.better
    when = f"{row.created_at:%d %b %Y}".lstrip("0")
    treatment = NAMES.get(row.treatment, row.treatment)
    outcome = OUTCOME_NAMES.get(row.outcome, row.outcome).lower()
    return (
        f"Other people in this clinic who tried {treatment} ({others.people} people, pooled "
        f"on {when}): after 12 weeks on it, their {outcome} was on average "
        f"{way(b, m.estimate)} (19 in 20 chance {span(b, m.low, m.high)}). For someone new "
        f"it would likely be {span(b, p.low, p.high)}. About {round(r.estimate * 100)}% of "
        f"them improved by 1 point or more ({round(r.low * 100)}% to {round(r.high * 100)}%).",
    )
