"""Maya uses every page, leaves things half done, then exports, erases and imports: nothing changes.

Each state is reached the way a person reaches it, through the pages (Django's test client):
a questionnaire opened and left unanswered, one paused half way, experiments as draft, running,
paused, stopped and completed, a failed upload, flares, notes, tags and a titrated treatment.
"""

from __future__ import annotations

import json
import zipfile
from datetime import timedelta

import pytest
from click.testing import CliRunner
from django.core.files.uploadedfile import SimpleUploadedFile

from fibrolog.accounts.services import create_account, today_for
from fibrolog.cli import main
from fibrolog.experiments import services as experiments
from fibrolog.experiments.models import Experiment
from fibrolog.imports.models import ImportJob
from fibrolog.questionnaires.models import Response
from fibrolog.treatments.models import Treatment
from tests.conftest import PASSPHRASE


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _post(client, url, data=None, status=302):
    response = client.post(url, data or {})
    assert response.status_code == status, response.content.decode()[:2000]
    return response


def _checkin(client, day, **fields):
    data = {"day": day.isoformat(), "o_tags": "", "note": "", "o_note": "", **fields}
    return _post(client, "/checkin/", data)


def _experiment(client, today, tested_key, design="fast") -> Experiment:
    form = {
        "tested_key": tested_key,
        "tested": "",
        "comparison": "Nothing (usual care)",
        "primary": "pain",
        "secondary": ["fatigue"],
        "design": design,
        "start": today.isoformat(),
        "pairs": "4",
        "period": "7",
        "washout": "1",
        "baseline": "",
        "treatment_days": "84",
        "withdrawal": "0",
        "mcid": "1",
    }
    response = _post(client, "/experiments/new/", form)
    return Experiment.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def _use_every_page(maya, client) -> None:
    today = today_for(maya)
    _post(
        client,
        "/metrics/new/",
        {"name": "Jaw pain", "kind": "symptom", "low": "0", "high": "10", "step": "1"}
        | {"unit": "", "worse": "higher"},
    )
    _post(client, "/settings/", {"save_checkin": "1", "on_checkin": ["pain", "jaw_pain"]})
    start = today - timedelta(days=20)
    _post(
        client,
        "/treatments/",
        {"key": "ldn", "name": "", "dose": "1.5", "unit": "", "start": start.isoformat()},
    )
    ldn = Treatment.objects.get(user=maya, key="ldn")
    for dose, ago in (("3", 10), ("4.5", 2)):
        on = (today - timedelta(days=ago)).isoformat()
        _post(
            client,
            f"/treatments/{ldn.pk}/",
            {"change_dose": "1", "dose-dose": dose} | {"dose-on": on},
        )
    _post(client, "/treatments/", {"key": "yoga", "start": start.isoformat()})
    yoga = Treatment.objects.get(user=maya, key="yoga")
    stop_on = (today - timedelta(days=5)).isoformat()
    _post(client, f"/treatments/{yoga.pk}/", {"stop": "1", "stop-on": stop_on})
    for ago in range(6):
        day = today - timedelta(days=ago)
        _checkin(
            client,
            day,
            m_pain=str(3 + ago % 4),
            o_pain="",
            m_jaw_pain=str(ago % 3),
            o_jaw_pain="",
            **{f"t_{ldn.pk}": "taken" if ago != 3 else "skipped", f"o_t_{ldn.pk}": ""},
        )
    _checkin(client, today, tags=["poor sleep"], new_tag="=cold snap", note="Rough night")
    _checkin(client, today - timedelta(days=1), flare="2", o_flare="", note="flare, stayed in")
    # Questionnaires: one opened and never answered, one paused half way, one completed.
    _post(client, "/questionnaires/fiqr/start/")
    phq = _post(client, "/questionnaires/phq9/start/")["Location"]
    _post(client, phq, {f"q{n}": "1" for n in range(1, 6)} | {"pause": "1"})
    peg = _post(client, "/questionnaires/peg/start/")["Location"]
    _post(client, peg, {"pain": "6", "enjoyment": "7", "activity": "4", "next": "1"})
    schedule = {f"every_{n}": "28" for n in ("peg", "phq9", "gad7", "fiqr", "acr2016", "phq15")}
    _post(client, "/questionnaires/schedule/", schedule | {"on_fiqr": "on"})
    # Experiments: a draft, a running one with adherence and a note, one paused, one stopped
    # and one completed (the clock moves past its last day).
    _experiment(client, today, "magnesium")
    running = _experiment(client, today, "omega3")
    _post(client, f"/experiments/{running.pk}/start/")
    _post(client, f"/experiments/{running.pk}/taken/", {"day": today.isoformat(), "taken": "yes"})
    _post(client, f"/experiments/{running.pk}/note/", {"day": today.isoformat(), "text": "tired"})
    paused = _experiment(client, today, "curcumin")
    _post(client, f"/experiments/{paused.pk}/start/")
    _post(client, f"/experiments/{paused.pk}/pause/", {"text": "flu"})
    stopped = _experiment(client, today, "yoga")
    _post(client, f"/experiments/{stopped.pk}/start/")
    _post(client, f"/experiments/{stopped.pk}/stop/", {"text": "moving house"})
    done = _experiment(client, today, "tai_chi")
    _post(client, f"/experiments/{done.pk}/start/")
    done.refresh_from_db()
    experiments.refresh_status(done, done.days.last().day + timedelta(days=1))
    # A failed upload.
    broken = SimpleUploadedFile("export.xml", b"<HealthData>\n<Record type='x'>\n</Oops>\n")
    _post(client, "/imports/", {"kind": "apple-health", "file": broken})


def _states(maya) -> set[str]:
    return set(Experiment.objects.filter(user=maya).values_list("status", flat=True))


def _without_exported_at(text: str) -> str:
    doc = json.loads(text)
    doc.pop("exported_at")
    return json.dumps(doc, sort_keys=True, indent=1)


def _csv_files(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n != "fibrolog.json"}


@pytest.fixture
def used(maya, maya_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _use_every_page(maya, maya_client)
    assert _states(maya) == {"draft", "running", "paused", "stopped", "completed"}
    assert Response.objects.filter(user=maya, answers={}).exists()  # opened, not answered
    assert ImportJob.objects.get(user=maya).state == "failed"
    return maya


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_it_gives_back_the_same_export_for_every_state_of_the_app(used, tmp_path, fmt):
    suffix = ".json" if fmt == "json" else ".zip"
    before, after = tmp_path / f"before{suffix}", tmp_path / f"after{suffix}"
    assert run("export", "--format", fmt, "--out", str(before), "--user", "maya").exit_code == 0
    assert run("erase", "--user", "maya", "--yes").exit_code == 0
    create_account("maya", PASSPHRASE)
    result = run("import", "fibrolog", str(before), "--user", "maya")
    assert result.exit_code == 0, result.output
    assert run("export", "--format", fmt, "--out", str(after), "--user", "maya").exit_code == 0
    if fmt == "json":
        assert _without_exported_at(after.read_text()) == _without_exported_at(before.read_text())
    else:
        assert _csv_files(after) == _csv_files(before)
