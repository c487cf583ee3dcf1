"""In chromium, on a phone and a desk: research consent, the clinic's pooled results, and the
treatment page's pooled lines. Set FIBROLOG_SCREENSHOTS=DIR to keep the screenshots."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from fibrolog.accounts.services import create_account
from fibrolog.analysis.cohort import pool
from fibrolog.analysis.cohort.simulate import simulate_estimates, simulate_person
from fibrolog.cohort.models import CohortResult, ResearchConsent
from fibrolog.insights.services import compute
from tests.cohort_people import plant
from tests.test_browser import _phone, browser  # noqa: F401  (the shared chromium fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSPHRASE = "amber harbour softly drifting"


def _context(browser, wide: bool):  # noqa: F811
    if not wide:
        return _phone(browser)
    return browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")


def _log_in(page, live_server, name: str, passphrase: str = PASSPHRASE) -> None:
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Passphrase").fill(passphrase)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def _shot(page, tmp_path: Path, name: str) -> None:
    folder = Path(os.environ.get("FIBROLOG_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def _stored() -> None:
    people, _ = simulate_estimates(40, -1.4, 0.5, seed=8)
    pooled = pool(people, treatment="ldn", outcome="pain")
    engine = {"name": "dask", "workers": 2}
    CohortResult.objects.create(
        treatment="ldn", outcome="pain", result=pooled.to_dict(), people=40, collecting=3,
        engine=engine,
    )  # fmt: skip


@pytest.mark.parametrize("wide", [False, True])
def test_she_says_yes_then_takes_it_back(browser, live_server, tmp_path, wide):  # noqa: F811
    lena = plant("lena", simulate_person(-1.5, days=60, start=30, seed=3), consent=None)
    context = _context(browser, wide)
    page = context.new_page()
    _log_in(page, live_server, "lena")
    page.goto(f"{live_server.url}/settings/")
    page.get_by_role("link", name="Research use: yes or no").click()
    page.wait_for_url(re.compile(r"/settings/research/$"))
    _shot(page, tmp_path, f"consent-{'1280' if wide else '390'}")
    page.get_by_role("button", name="Yes, pool my de-identified results").click()
    page.get_by_text("You said yes").wait_for()
    assert ResearchConsent.objects.get(user=lena).consented
    page.get_by_role("button", name="Stop research use").click()
    page.get_by_text("no longer used for research").wait_for()
    assert not ResearchConsent.objects.get(user=lena).consented
    context.close()


@pytest.mark.parametrize("wide", [False, True])
def test_the_clinician_sees_pooled_figures(browser, live_server, tmp_path, wide):  # noqa: F811
    create_account("drchen", "lavender window quietly clinic", role="clinician")
    _stored()
    context = _context(browser, wide)
    page = context.new_page()
    _log_in(page, live_server, "drchen", "lavender window quietly clinic")
    page.get_by_role("link", name="Pooled results").first.click()
    page.wait_for_url(re.compile(r"/clinic/cohort/$"))
    page.get_by_role("heading", name="Low-dose naltrexone and pain").wait_for()
    _shot(page, tmp_path, f"clinic-cohort-{'1280' if wide else '390'}")
    context.close()


@pytest.mark.parametrize("wide", [False, True])
def test_her_treatment_page_shows_the_three_lines(browser, live_server, tmp_path, wide):  # noqa: F811
    lena = plant("lena", simulate_person(-1.5, days=180, start=96, seed=3), consent=True)
    _stored()
    compute(lena.pk)
    context = _context(browser, wide)
    page = context.new_page()
    _log_in(page, live_server, "lena")
    page.goto(f"{live_server.url}/insights/treatment/ldn/")
    page.get_by_text("Your own data alone").wait_for()
    page.get_by_text("Together, your data with theirs").wait_for()
    _shot(page, tmp_path, f"treatment-pooled-{'1280' if wide else '390'}")
    context.close()
