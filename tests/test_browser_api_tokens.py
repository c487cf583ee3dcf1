"""In a real browser: a clinician makes an API token, copies it from the page, and reads the
person who shared with her through the FHIR API; then revokes it."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request

import pytest

from fibrolog.accounts.services import create_account
from fibrolog.archive.export.fhir_resources import patient_id
from fibrolog.sharing.services import share
from tests.test_browser import SHOTS, _phone, browser  # noqa: F401 (the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSPHRASE = "quiet harbour lanterns"


def _get(url: str, secret: str):
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {secret}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # the live test server
            return response.status, response.headers["Content-Type"], json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], json.load(error)


@pytest.mark.parametrize("width", [390, 1280])
def test_it_makes_a_token_that_reads_the_api_and_revokes_it(browser, live_server, width):  # noqa: F811
    maya = create_account("maya", "lavender window quietly")
    chen = create_account("drchen", PASSPHRASE, role="clinician")
    share(maya, chen, ["diary", "questionnaires"])
    context = (
        _phone(browser)
        if width == 390
        else browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Name").fill("drchen")
    page.get_by_label("Passphrase").fill(PASSPHRASE)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/account/api-tokens/")
    page.get_by_label("What is it for?").fill("Clinic EHR")
    page.get_by_role("button", name="Make a token").click()
    secret = page.locator("#new-token code").inner_text().strip()
    assert re.fullmatch(r"fl_[A-Za-z0-9_-]{43}", secret)
    assert patient_id(maya) in page.content()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"api-tokens-{width}.png"), full_page=True)

    url = f"{live_server.url}/fhir/Patient/{patient_id(maya)}"
    status, kind, body = _get(url, secret)
    assert (status, kind, body["id"]) == (200, "application/fhir+json", patient_id(maya))

    page.get_by_role("button", name="Revoke").click()
    page.wait_for_url(re.compile(r"/account/api-tokens/$"))
    assert "Token revoked" in page.content()
    assert page.locator("table").first.inner_text().count("Clinic EHR") == 0
    status, _, body = _get(url, secret)
    assert status == 401 and body["resourceType"] == "OperationOutcome"
    context.close()
