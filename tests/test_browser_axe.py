"""axe-core (vendored in tests/vendor, never fetched) finds no WCAG A/AA violation on any page.

Every page a person reaches, with a demo diary, at phone (390 px) and desktop (1280 px) widths,
in the light and the dark theme.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fibrolog.diary.services.demo import create_demo_account
from fibrolog.experiments.models import Experiment
from fibrolog.insights.services import compute
from fibrolog.questionnaires.services import start_or_resume
from fibrolog.treatments.models import Treatment
from tests.test_browser import browser  # noqa: F401  (the shared chromium fixture)

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SIZES = {"phone": (390, 844), "desktop": (1280, 900)}

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _pages(user) -> list[str]:
    """Return every page of the app for a person with a demo diary (one of each kind)."""
    treatment = Treatment.objects.filter(user=user).order_by("pk").first()
    response = start_or_resume(user, "peg")
    pages = [
        "/today/",
        "/today/?mode=bad",
        "/today/?fill=yesterday",
        "/day/yesterday/",
        "/timeline/?days=90",
        "/treatments/",
        f"/treatments/{treatment.pk}/",
        "/insights/",
        "/insights/treatment/ldn/",
        "/insights/flares/",
        "/questionnaires/",
        f"/questionnaires/r/{response.pk}/page/1/",
        "/experiments/",
        "/experiments/new/",
        "/imports/",
        "/data/",
        "/report/",
        "/settings/",
        "/metrics/new/",
    ]
    experiment = Experiment.objects.filter(user=user).first()
    if experiment is not None:
        pages.append(f"/experiments/{experiment.pk}/")
    return pages


def _violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]


def test_axe_finds_no_violation_on_any_page(browser, live_server, client):  # noqa: F811
    user = create_demo_account("demo", years=1, seed=4)
    compute(user.pk)
    client.force_login(user)
    session = client.cookies["sessionid"].value
    found = {}
    for size, (width, height) in SIZES.items():
        for scheme in ("light", "dark"):
            context = browser.new_context(
                viewport={"width": width, "height": height}, color_scheme=scheme, bypass_csp=True
            )
            context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
            page = context.new_page()
            for path in _pages(user):
                page.goto(f"{live_server.url}{path}")
                assert "/login/" not in page.url, path
                problems = _violations(page)
                if problems:
                    found[f"{path} {size} {scheme}"] = problems
            context.close()
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())
