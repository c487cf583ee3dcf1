"""The report page: Maya picks a period and sections, reads it, downloads the PDF."""

import re
from datetime import date

from fibrolog.treatments.models import Regimen, Treatment

QUERY = "start=2026-01-01&end=2026-03-31&sections=symptoms&sections=treatments"


def test_it_offers_a_form_with_six_months_and_notes_unticked(maya_client):
    page = maya_client.get("/report/").content.decode()
    assert 'name="start"' in page and 'name="end"' in page
    ticked = re.findall(r'<input type="checkbox" name="sections" value="(\w+)"[^>]* checked>', page)
    assert ticked == ["symptoms", "questionnaires", "treatments", "evidence"]  # not notes
    assert "Download PDF" not in page


def test_it_shows_the_chosen_sections_and_a_pdf_link_with_the_same_choice(maya_client):
    page = maya_client.get(f"/report/?{QUERY}").content.decode()
    assert "Symptom trends" in page and "Treatments" in page
    assert "Questionnaires and criteria" not in page
    assert f'href="/report/pdf/?{QUERY.replace("&", "&amp;")}"' in page
    response = maya_client.get(f"/report/pdf/?{QUERY}")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "fibrolog-report-2026-01-01-2026-03-31.pdf" in response["Content-Disposition"]
    assert response["Cache-Control"] == "no-store"


def test_it_explains_an_impossible_period_and_makes_no_report(maya_client):
    response = maya_client.get("/report/?start=2026-03-01&end=2026-01-01&sections=symptoms")
    assert response.status_code == 400
    assert "on or after the first day" in response.content.decode()
    assert maya_client.get("/report/pdf/?start=2026-03-01&end=2026-01-01").status_code == 400


def test_it_sends_a_pdf_request_without_a_period_to_the_form(maya_client):
    response = maya_client.get("/report/pdf/")
    assert response.status_code == 302 and response["Location"] == "/report/"


def test_it_shows_sam_none_of_mayas_treatments(maya, sam_client):
    pill = Treatment.objects.create(user=maya, name="Maya secret pill")
    Regimen.objects.create(treatment=pill, start=date(2026, 1, 2))
    page = sam_client.get(f"/report/?{QUERY}").content.decode()
    assert "Maya secret pill" not in page and "No treatment was recorded" in page


def test_it_explains_instead_of_failing_when_the_pdf_library_is_missing(maya_client, monkeypatch):
    import fibrolog.reports.views as views

    def no_pango(report):
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(views, "render_pdf", no_pango)  # the one missing system library
    response = maya_client.get(f"/report/pdf/?{QUERY}", follow=True)
    assert response.status_code == 200
    assert "The PDF needs the pango library" in response.content.decode()
