"""Less to do on the check-in: same as yesterday, a bad day, yesterday, one suggestion."""

from __future__ import annotations

from datetime import date, timedelta

from fibrolog.accounts.services import today_for
from fibrolog.diary.models import DailyValue
from fibrolog.diary.services.checkin import DayChanges, day_state, save_day
from fibrolog.diary.services.wording import question_for
from fibrolog.questionnaires.models import Schedule


def _section(page: str, name: str) -> str:
    return page.split(f'name="{name}"', 1)[1].split("</fieldset>", 1)[0]


def test_it_fills_in_yesterday_for_review_without_saving(maya, maya_client):
    today = today_for(maya)
    save_day(maya, today - timedelta(days=1), DayChanges(values={"pain": 6, "sleep_hours": 7}))
    page = maya_client.get("/today/").content.decode()
    assert 'href="?fill=yesterday"' in page
    filled = maya_client.get("/today/?fill=yesterday").content.decode()
    assert "Nothing is saved until you do" in filled
    assert 'value="6" checked' in filled.split('name="m_pain"', 1)[1]
    assert 'name="m_sleep_hours" value="7" checked' in filled
    assert day_state(maya, today).values == {}  # only Save writes
    maya_client.post(
        "/checkin/",
        {"day": today.isoformat(), "m_pain": "6", "o_pain": "", "m_sleep_hours": "7"},
    )
    assert day_state(maya, today).values == {"pain": 6, "sleep_hours": 7}


def test_it_keeps_what_today_already_has_over_yesterday(maya, maya_client):
    today = today_for(maya)
    save_day(maya, today - timedelta(days=1), DayChanges(values={"pain": 6, "fatigue": 2}))
    save_day(maya, today, DayChanges(values={"pain": 3}))
    filled = maya_client.get("/today/?fill=yesterday").content.decode()
    assert 'value="3" checked' in _section(filled, "o_pain")
    assert 'value="2" checked' in _section(filled, "o_fatigue")


def test_a_bad_day_asks_only_pain_fatigue_and_sleep(maya, maya_client):
    page = maya_client.get("/today/?mode=bad").content.decode()
    asked = {m for m in ("pain", "fatigue", "sleep_quality", "fog", "mood", "exertion")}
    shown = {m for m in asked if f'name="m_{m}"' in page}
    assert shown == {"pain", "fatigue", "sleep_quality"}
    assert "The rest can wait" in page and 'name="note"' not in page
    assert 'href="?"' in page  # back to every question
    today = today_for(maya)
    response = maya_client.post(
        "/checkin/",
        {"day": today.isoformat(), "mode": "bad", "m_pain": "8", "m_fatigue": "9"},
    )
    assert response.status_code == 302
    assert day_state(maya, today).values == {"pain": 8, "fatigue": 9}


def test_yesterday_is_one_link_away_and_asked_about_yesterday(maya, maya_client):
    today = today_for(maya)
    yesterday = today - timedelta(days=1)
    page = maya_client.get("/today/").content.decode()
    assert f'href="/day/{yesterday.isoformat()}/">Yesterday</a>' in page
    past = maya_client.get(f"/day/{yesterday.isoformat()}/").content.decode()
    assert "How much pain overall yesterday?" in past
    assert "How well did you sleep the night before yesterday?" in past
    assert "today?" not in past


def test_it_words_every_question_for_a_past_day():
    today = date(2026, 12, 4)
    asked = {
        "How much pain overall today?": "How much pain overall yesterday?",
        "How is your mood?": "How was your mood yesterday?",
        "How stiff are you?": "How stiff were you yesterday?",
        "How anxious do you feel?": "How anxious did you feel yesterday?",
        "How tired, even after rest?": "How tired yesterday, even after rest?",
        "Did you wake unrefreshed?": "Did you wake unrefreshed yesterday?",
    }
    for now, then in asked.items():
        assert question_for(now, date(2026, 12, 3), today) == then
        assert question_for(now, today, today) == now
    older = question_for("How stressful was today?", date(2026, 12, 1), today)
    assert older == "How stressful was on Tue 1 Dec?"


def test_a_typed_number_beside_the_quick_picks_wins(maya, maya_client):
    today = today_for(maya)
    maya_client.post(
        "/checkin/",
        {"day": today.isoformat(), "m_sleep_hours": "7", "x_sleep_hours": "6.5"},
    )
    assert day_state(maya, today).values == {"sleep_hours": 6.5}


def test_day_one_shows_only_the_check_in(maya, maya_client):
    page = maya_client.get("/today/").content.decode()
    assert "/questionnaires/" not in page.split("</form>")[-2] + page.split("</form>")[-1]
    assert "start/" not in page


def test_afterwards_one_suggestion_below_the_check_in_until_not_now(maya, maya_client):
    today = today_for(maya)
    save_day(maya, today - timedelta(days=1), DayChanges(values={"pain": 5}))
    page = maya_client.get("/today/").content.decode()
    assert page.count("/start/") == 1
    assert page.index("/start/") > page.index("Save today")
    response = maya_client.post("/questionnaires/peg/not-now/")
    assert response.status_code == 302
    assert Schedule.objects.get(user=maya, instrument="peg").dismissed_on == today
    assert "/start/" not in maya_client.get("/today/").content.decode()


def test_a_stranger_cannot_put_off_a_questionnaire(client, maya):
    response = client.post("/questionnaires/peg/not-now/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not Schedule.objects.filter(dismissed_on__isnull=False).exists()
    assert not DailyValue.objects.exists()
