"""Questionnaires in the app: a page at a time, pause and resume, results in honest words."""

from fibrolog.questionnaires.models import Response
from fibrolog.questionnaires.services import start_or_resume


def _start(client, name):
    response = client.post(f"/questionnaires/{name}/start/")
    assert response.status_code == 302
    return response["Location"]


def test_it_scores_a_peg_on_one_page_and_says_it_in_plain_words(maya, maya_client):
    page = _start(maya_client, "peg")
    assert "Page 1 of 1" in maya_client.get(page).content.decode()
    done = maya_client.post(page, {"pain": "6", "enjoyment": "7", "activity": "4", "next": "1"})
    result = maya_client.get(done["Location"]).content.decode()
    assert "5.7" in result and "watch how it changes" in result
    assert Response.objects.get(user=maya).answers == {"pain": 6, "enjoyment": 7, "activity": 4}


def test_it_pauses_and_resumes_where_she_left_off(maya, maya_client):
    page1 = _start(maya_client, "phq9")
    paused = maya_client.post(page1, {f"q{n}": "1" for n in range(1, 6)} | {"pause": "1"})
    assert paused["Location"] == "/questionnaires/"
    assert "Continue" in maya_client.get("/questionnaires/").content.decode()
    resumed = _start(maya_client, "phq9")
    assert resumed.endswith("/page/2/")
    assert Response.objects.filter(user=maya).count() == 1


def test_it_refuses_an_answer_outside_the_options_and_keeps_nothing(maya, maya_client):
    page1 = _start(maya_client, "phq9")
    response = maya_client.post(page1, {"q1": "7", "q2": "1", "next": "1"})
    assert response.status_code == 400
    assert "Nothing was saved" in response.content.decode()
    assert Response.objects.get(user=maya).answers == {}


def test_it_shows_crisis_resources_when_item_9_is_above_zero(maya, maya_client):
    page1 = _start(maya_client, "phq9")
    page2 = maya_client.post(page1, {f"q{n}": "0" for n in range(1, 6)} | {"next": "1"})
    form = maya_client.get(page2["Location"]).content.decode()
    assert 'id="crisis"' in form and "116 123" in form  # ready on the same page, shown by script
    assert 'name="q9" value="1" data-crisis="1"' in form
    done = maya_client.post(
        page2["Location"], {"q6": "0", "q7": "0", "q8": "0", "q9": "1", "next": "1"}
    )
    result = maya_client.get(done["Location"]).content.decode()
    assert result.index("You are not alone") < result.index("<h1>")
    assert "988" in result and "116 123" in result


def test_it_never_shows_crisis_resources_for_item_9_at_zero(maya, maya_client):
    response = start_or_resume(maya, "phq9")
    response.answers = {f"q{n}": 0 for n in range(1, 10)}
    response.save()
    done = maya_client.post(
        f"/questionnaires/r/{response.pk}/page/2/",
        {"q6": "0", "q7": "0", "q8": "0", "q9": "0", "next": "1"},
    )
    assert "You are not alone" not in maya_client.get(done["Location"]).content.decode()


def test_it_reads_the_body_map_and_words_acr_results_honestly(maya, maya_client):
    page1 = _start(maya_client, "acr2016")
    body = maya_client.get(page1).content.decode()
    assert 'class="site site-shoulder_left"' in body and 'class="site site-lower_back"' in body
    ticked = [
        "shoulder_left",
        "shoulder_right",
        "upper_arm_left",
        "upper_arm_right",
        "hip_left",
        "hip_right",
        "upper_leg_left",
        "upper_leg_right",
        "neck",
        "lower_back",
    ]
    from fibrolog.instruments.acr import SITE_KEYS

    # As a browser sends it: a hidden 0 for every site, then 1 for each ticked box.
    post = {key: ["0", "1"] if key in ticked else "0" for key in SITE_KEYS} | {"next": "1"}
    page2 = maya_client.post(page1, post)
    page3 = maya_client.post(
        page2["Location"], {"fatigue": "2", "unrefreshed": "2", "cognitive": "1", "next": "1"}
    )
    done = maya_client.post(
        page3["Location"],
        {
            "headaches": "1",
            "lower_abdominal": "0",
            "depression": "0",
            "duration_months": "12",
            "next": "1",
        },
    )
    result = maya_client.get(done["Location"]).content.decode()
    # Spec worked example 1: WPI 10, SSS 6, FS 16 (severe), meets 2016.
    assert '<span class="number">16</span>' in result and "severe" in result
    assert "meet the 2016 criteria thresholds" in result and "a clinician confirms" in result
    assert "you have fibromyalgia" not in result.lower()
    assert Response.objects.get(user=maya).answers["jaw_left"] == 0


def test_it_marks_a_meaningful_improvement_in_the_history(maya, maya_client):
    for q9_total in (15, 9):  # a 6-point fall on the PHQ-9 (meaningful: 5 points, Löwe 2004)
        r = start_or_resume(maya, "phq9")
        answers = {f"q{n}": 0 for n in range(1, 10)}
        for n in range(1, q9_total // 3 + 1):
            answers[f"q{n}"] = 3
        r.answers = answers
        r.save()
        maya_client.post(
            f"/questionnaires/r/{r.pk}/page/2/",
            {k: str(v) for k, v in answers.items() if k in ("q6", "q7", "q8", "q9")}
            | {"next": "1"},
        )
    page = maya_client.get("/questionnaires/phq9/history/").content.decode()
    assert "meaningful improvement" in page
    assert 'role="img"' in page


def test_it_shows_due_questionnaires_on_today_until_done(maya, maya_client):
    from datetime import timedelta

    from fibrolog.accounts.services import today_for
    from fibrolog.diary.services.checkin import DayChanges, save_day

    save_day(maya, today_for(maya) - timedelta(days=1), DayChanges(values={"pain": 5}))
    assert "/questionnaires/peg/start/" in maya_client.get("/today/").content.decode()
    page = _start(maya_client, "peg")
    maya_client.post(page, {"pain": "3", "enjoyment": "3", "activity": "3", "next": "1"})
    today = maya_client.get("/today/").content.decode()
    assert "questionnaire_start" not in today
    assert "/questionnaires/peg/start/" not in today


def test_it_saves_the_reminder_schedule(maya, maya_client):
    from fibrolog.questionnaires.models import Schedule

    data = {f"every_{n}": "14" for n in ("peg", "phq9", "gad7", "fiqr", "acr2016", "phq15")}
    data |= {"on_phq9": "on"}
    assert maya_client.post("/questionnaires/schedule/", data).status_code == 302
    assert Schedule.objects.get(user=maya, instrument="phq9").enabled
    assert not Schedule.objects.get(user=maya, instrument="peg").enabled
    assert "/questionnaires/peg/start/" not in maya_client.get("/today/").content.decode()
