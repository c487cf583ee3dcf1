"""Settings: time zone, day start, theme, which metrics are on the check-in, own metrics."""

from fibrolog.accounts.models import Profile


def test_it_saves_time_zone_day_start_and_theme(maya, maya_client):
    response = maya_client.post(
        "/settings/",
        {
            "save_preferences": "1",
            "timezone": "Europe/Oslo",
            "day_start_hour": "5",
            "theme": "dark",
        },
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user=maya)
    assert (profile.timezone, profile.day_start_hour, profile.theme) == ("Europe/Oslo", 5, "dark")
    assert 'data-theme="dark"' in maya_client.get("/today/").content.decode()


def test_it_refuses_a_made_up_time_zone_and_a_day_start_of_25(maya, maya_client):
    response = maya_client.post(
        "/settings/",
        {"save_preferences": "1", "timezone": "Mars/Base", "day_start_hour": "25", "theme": "dark"},
    )
    page = response.content.decode()
    assert "&#x27;Mars/Base&#x27; is not a time zone" in page
    assert "less than or equal to 12" in page
    assert Profile.objects.get(user=maya).timezone != "Mars/Base"


def test_it_moves_a_metric_up_the_check_in(maya, maya_client):
    maya_client.post("/settings/", {"move": "fatigue:up"})
    assert Profile.objects.get(user=maya).checkin_metrics[:2] == ["fatigue", "pain"]
    page = maya_client.get("/today/").content.decode()
    assert page.index('name="m_fatigue"') < page.index('name="m_pain"')


def test_it_chooses_which_metrics_are_on_the_check_in(maya, maya_client):
    maya_client.post("/settings/", {"save_checkin": "1", "on_checkin": ["pain", "stiffness"]})
    assert Profile.objects.get(user=maya).checkin_metrics == ["pain", "stiffness"]
    page = maya_client.get("/today/").content.decode()
    assert 'name="m_stiffness"' in page and 'name="m_fatigue"' not in page


def test_it_adds_a_metric_of_her_own_to_the_check_in(maya, maya_client):
    response = maya_client.post(
        "/metrics/new/",
        {
            "name": "Jaw pain",
            "kind": "symptom",
            "low": "0",
            "high": "10",
            "step": "1",
            "unit": "",
            "worse": "higher",
        },
    )
    assert response.status_code == 302
    assert "jaw_pain" in Profile.objects.get(user=maya).checkin_metrics
    assert 'name="m_jaw_pain"' in maya_client.get("/today/").content.decode()


def test_it_refuses_a_metric_whose_top_is_below_its_bottom(maya_client):
    response = maya_client.post(
        "/metrics/new/",
        {"name": "Odd", "kind": "symptom", "low": "5", "high": "1", "step": "1", "worse": "higher"},
    )
    assert response.status_code == 400
    assert "must be above the lowest" in response.content.decode()


def test_it_keeps_one_persons_metrics_to_themselves(maya_client, sam_client):
    maya_client.post(
        "/metrics/new/",
        {
            "name": "Private itch",
            "kind": "symptom",
            "low": "0",
            "high": "10",
            "step": "1",
            "worse": "higher",
        },
    )
    assert "Private itch" not in sam_client.get("/settings/").content.decode()
