"""With consent and a stored pooled result, the clinic's result is the person's starting point.

Their treatment page then says so in three lines (other people, your own data, together);
without consent, or without a result, nothing changes.
"""

from __future__ import annotations

import pytest

from fibrolog.analysis.cohort import pool
from fibrolog.analysis.cohort.simulate import simulate_estimates, simulate_person
from fibrolog.cohort.models import CohortResult, ResearchConsent
from fibrolog.cohort.services import cohort_priors
from fibrolog.insights.models import InsightRun
from fibrolog.insights.services import compute
from tests.cohort_people import plant

pytestmark = pytest.mark.django_db
URL = "/insights/treatment/ldn/"
LINES = ("Other people in this clinic who tried Low-dose naltrexone", "Your own data alone",
         "Together, your data with theirs")  # fmt: skip


@pytest.fixture
def lena():
    """Twelve weeks on LDN, which lowers her pain by 1.5 points: her own diary is not sure yet."""
    return plant("lena", simulate_person(-1.5, days=180, start=96, seed=3), consent=None)


@pytest.fixture
def stored():
    """The clinic's pooled result: 40 other people, LDN about 1.4 points better on average."""
    people, _ = simulate_estimates(40, -1.4, 0.5, seed=8)
    pooled = pool(people, treatment="ldn", outcome="pain")
    return CohortResult.objects.create(treatment="ldn", outcome="pain", result=pooled.to_dict(),
                                       people=40)  # fmt: skip


def _page(user):
    from django.test import Client

    compute(user.pk)
    client = Client()
    client.force_login(user)
    return client.get(URL).content.decode()


def _insight(user):
    result = InsightRun.objects.get(user=user).insights()
    return next(i for i in result.all if i.kind == "treatment" and i.outcome == "pain")


def test_it_shows_three_lines_with_consent_and_a_result(lena, stored):
    ResearchConsent.objects.create(user=lena, consented=True)
    page = _page(lena)
    for line in LINES:
        assert line in page
    assert "Pooled and exploratory" in page and "40 people, pooled on" in page
    assert "19 in 20 chance" in page and "Chance it helps at all" in page


def test_it_uses_the_clinics_prior_in_her_own_fit(lena, stored):
    ResearchConsent.objects.create(user=lena, consented=True)
    _page(lena)
    item = _insight(lena)
    assert item.prior is not None
    assert item.prior.mean == pytest.approx(stored.pooled().predictive.estimate, abs=0.1)
    own_width = item.prior.own_high - item.prior.own_low
    assert item.interval95[1] - item.interval95[0] < own_width  # the cohort narrows it
    assert item.estimate < item.prior.own_estimate  # pulled towards the clinic's -1.4


@pytest.mark.parametrize("consent", [None, False])
def test_it_changes_nothing_without_consent(lena, stored, consent):
    if consent is not None:
        ResearchConsent.objects.create(user=lena, consented=consent)
    page = _page(lena)
    assert not any(line in page for line in LINES)
    assert _insight(lena).prior is None
    assert cohort_priors(lena) == []


def test_it_changes_nothing_without_a_stored_result(lena):
    ResearchConsent.objects.create(user=lena, consented=True)
    page = _page(lena)
    assert not any(line in page for line in LINES)
    assert _insight(lena).prior is None


def test_it_leaves_her_own_summary_out_of_her_prior(lena):
    consent = ResearchConsent.objects.create(user=lena, consented=True)
    people, _ = simulate_estimates(4, -1.0, 0.3, seed=2)
    mine = type(people[0])(consent.research_id, -6.0, 0.3, 100, 50)
    pooled = pool([*people, mine], treatment="ldn", outcome="pain")
    CohortResult.objects.create(treatment="ldn", outcome="pain", result=pooled.to_dict(), people=5)
    (source,) = cohort_priors(lena)
    assert source.prior.mean > -2.0  # her own -6 is not counted twice
    assert "(4 people" in source.lines[0]


def test_it_goes_back_to_her_own_data_when_she_withdraws(lena, stored):
    from fibrolog.cohort.services import set_consent

    set_consent(lena, True)
    assert LINES[0] in _page(lena)
    set_consent(lena, False)
    assert LINES[0] not in _page(lena)
    assert _insight(lena).prior is None


def test_it_says_so_on_the_overview_card_too(lena, stored):
    from django.test import Client

    ResearchConsent.objects.create(user=lena, consented=True)
    compute(lena.pk)
    client = Client()
    client.force_login(lena)
    page = client.get("/insights/").content.decode()
    assert "Starts from other people&#x27;s pooled results" in page
