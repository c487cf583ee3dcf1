"""The check-in page: shows the scales with their meaning, saves, refuses bad input cleanly."""

from datetime import timedelta

from fibrolog.accounts.services import today_for
from fibrolog.diary.models import DailyValue, Note
from fibrolog.diary.services.checkin import DayChanges, day_state, save_day


def _post(client, day, **fields):
    data = {"day": day.isoformat(), "o_tags": "", "note": "", "o_note": "", **fields}
    return client.post("/checkin/", data)


def test_it_shows_each_scale_with_the_meaning_of_its_numbers(maya_client):
    page = maya_client.get("/today/").content.decode()
    assert "0 = no pain" in page and "10 = worst imaginable" in page
    assert 'name="m_pain" value="10"' in page
    assert "Fibro fog" in page


def test_it_shows_yesterday_as_a_hint_without_prefilling_today(maya, maya_client):
    yesterday = today_for(maya) - timedelta(days=1)
    save_day(maya, yesterday, DayChanges(values={"pain": 7}))
    page = maya_client.get("/today/").content.decode()
    assert "Yesterday: 7" in page
    assert " checked" not in page.split('name="m_pain"', 1)[1].split("</fieldset>", 1)[0]


def test_it_saves_a_check_in_and_says_thank_you(maya, maya_client):
    today = today_for(maya)
    response = _post(
        maya_client,
        today,
        m_pain="6",
        o_pain="",
        m_fatigue="7",
        o_fatigue="",
        tags=["poor sleep"],
        note="Rough night",
    )
    assert response.status_code == 302
    state = day_state(maya, today)
    assert state.values == {"pain": 6, "fatigue": 7}
    assert state.tags == {"poor sleep"} and state.note == "Rough night"
    assert "Thank you" in maya_client.get("/today/").content.decode()


def test_it_refuses_pain_11_naming_the_field_and_changing_nothing(maya, maya_client):
    today = today_for(maya)
    response = _post(
        maya_client,
        today,
        m_pain="11",
        o_pain="",
        m_fatigue="5",
        o_fatigue="",
        note="should not be saved",
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was saved" in page and "Pain must be between 0 and 10; got 11." in page
    assert not DailyValue.objects.filter(user=maya).exists()
    assert not Note.objects.filter(user=maya).exists()


def test_it_refuses_a_check_in_for_the_year_3000(maya, maya_client):
    response = maya_client.post("/checkin/", {"day": "3000-01-01", "m_pain": "5", "o_pain": ""})
    assert response.status_code == 400
    assert "in the future" in response.content.decode()
    assert not DailyValue.objects.filter(user=maya).exists()


def test_it_refuses_to_open_a_future_or_malformed_day(maya_client):
    assert maya_client.get("/day/3000-01-01/").status_code == 400
    assert maya_client.get("/day/not-a-day/").status_code == 400


def test_it_backfills_and_edits_a_past_day(maya, maya_client):
    past = today_for(maya) - timedelta(days=40)
    assert maya_client.get(f"/day/{past.isoformat()}/").status_code == 200
    _post(maya_client, past, m_pain="3", o_pain="")
    _post(maya_client, past, m_pain="5", o_pain="3")
    assert DailyValue.objects.get(user=maya, day=past).value == 5


def test_it_saves_the_same_day_twice_without_duplicates(maya, maya_client):
    today = today_for(maya)
    for _ in range(2):
        _post(maya_client, today, m_pain="4", o_pain="")
    assert DailyValue.objects.filter(user=maya, day=today).count() == 1


def test_it_loses_nothing_when_two_tabs_save_the_same_day(maya, maya_client):
    today = today_for(maya)
    # Both tabs were opened on an empty day; each sets different things.
    _post(maya_client, today, m_pain="6", o_pain="", m_fatigue="", o_fatigue="", note="tab one")
    _post(maya_client, today, m_pain="", o_pain="", m_fatigue="8", o_fatigue="", note="tab two")
    state = day_state(maya, today)
    assert state.values == {"pain": 6, "fatigue": 8}
    assert "tab one" in state.note and "tab two" in state.note


def test_it_clears_a_value_only_when_asked(maya, maya_client):
    today = today_for(maya)
    _post(maya_client, today, m_pain="6", o_pain="")
    _post(maya_client, today, m_pain="none", o_pain="6")
    assert "pain" not in day_state(maya, today).values


def test_it_marks_a_flare_from_the_check_in(maya, maya_client):
    today = today_for(maya)
    _post(maya_client, today, flare="2", o_flare="0")
    assert day_state(maya, today).flare == 2


def test_it_offers_the_body_map_on_the_check_in_when_chosen(maya, maya_client):
    assert 'name="sites"' not in maya_client.get("/today/").content.decode()
    maya.profile.body_map_on_checkin = True
    maya.profile.save()
    assert 'name="sites" value="lower_back"' in maya_client.get("/today/").content.decode()
    today = today_for(maya)
    _post(maya_client, today, o_sites="", sites=["lower_back", "neck", "not_a_site"])
    assert day_state(maya, today).sites == {"lower_back", "neck"}
    _post(maya_client, today, o_sites="lower_back\x1fneck", sites=["neck"])
    assert day_state(maya, today).sites == {"neck"}


def test_it_keeps_body_map_sites_another_tab_added(maya, maya_client):
    today = today_for(maya)
    _post(maya_client, today, o_sites="", sites=["neck"])
    _post(maya_client, today, o_sites="", sites=["chest"])  # a second tab, opened before
    assert day_state(maya, today).sites == {"neck", "chest"}
