"""Maya downloads her own data from the app; Sam, logged in, only ever gets his."""

import json
import zipfile
from io import BytesIO

from fhir.resources.R4B.bundle import Bundle

from tests.archive_data import fill


def test_it_lists_the_downloads_the_report_and_erase(maya_client):
    page = maya_client.get("/data/").content.decode()
    for link in ("/data/export/json/", "/data/export/csv/", "/data/export/fhir/", "/report/"):
        assert f'href="{link}"' in page
    assert 'href="/data/erase/"' in page


def test_it_downloads_her_json_csv_and_fhir(maya, maya_client):
    fill(maya)
    response = maya_client.get("/data/export/json/")
    assert response["Content-Disposition"] == 'attachment; filename="fibrolog-export.json"'
    assert response["Cache-Control"] == "no-store"
    assert json.loads(response.content)["account"] == {"username": "maya"}
    zipped = zipfile.ZipFile(BytesIO(maya_client.get("/data/export/csv/").content))
    assert {"fibrolog.json", "diary.csv", "notes.csv"} <= set(zipped.namelist())
    Bundle.model_validate(json.loads(maya_client.get("/data/export/fhir/").content))


def test_it_gives_sam_his_own_data_and_none_of_mayas(maya, sam, sam_client):
    fill(maya)
    for fmt in ("json", "fhir"):
        assert b"maya-secret" not in sam_client.get(f"/data/export/{fmt}/").content
    csv = zipfile.ZipFile(BytesIO(sam_client.get("/data/export/csv/").content))
    assert all(b"maya-secret" not in csv.read(name) for name in csv.namelist())


def test_it_answers_an_unknown_format_with_404(maya_client):
    assert maya_client.get("/data/export/xml/").status_code == 404
