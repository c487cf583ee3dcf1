"""Treatments: start from the catalogue, titrate the dose, stop; bad doses are refused."""

from datetime import timedelta
from decimal import Decimal

import pytest

from fibrolog.accounts.services import today_for
from fibrolog.treatments.models import Regimen, Treatment
from fibrolog.treatments.services import TreatmentError, change_dose, start_treatment


def test_it_starts_low_dose_naltrexone_from_the_catalogue(maya, maya_client):
    start = today_for(maya) - timedelta(days=30)
    response = maya_client.post(
        "/treatments/",
        {"key": "ldn", "name": "", "dose": "1.5", "unit": "", "start": start.isoformat()},
    )
    assert response.status_code == 302
    ldn = Treatment.objects.get(user=maya)
    assert (ldn.name, ldn.unit, ldn.onset) == ("Low-dose naltrexone", "mg", "slow")
    assert ldn.regimens.get().dose == Decimal("1.5")


def test_it_records_an_ldn_titration_as_consecutive_regimens(maya, maya_client):
    today = today_for(maya)
    ldn = start_treatment(
        maya, name="", key="ldn", start=today - timedelta(days=28), dose=Decimal("1.5")
    )
    for dose, ago in (("3", 14), ("4.5", 0)):
        maya_client.post(
            f"/treatments/{ldn.pk}/",
            {
                "change_dose": "1",
                "dose-dose": dose,
                "dose-on": (today - timedelta(days=ago)).isoformat(),
            },
        )
    rows = [(r.start, r.stop, r.dose) for r in Regimen.objects.filter(treatment=ldn)]
    assert rows == [
        (today - timedelta(days=28), today - timedelta(days=15), Decimal("1.5")),
        (today - timedelta(days=14), today - timedelta(days=1), Decimal("3")),
        (today, None, Decimal("4.5")),
    ]
    page = maya_client.get(f"/treatments/{ldn.pk}/").content.decode()
    assert "4.5 mg" in page and "1.5 mg" in page


def test_it_refuses_a_dose_of_abc_and_changes_nothing(maya, maya_client):
    ldn = start_treatment(maya, name="", key="ldn", start=today_for(maya), dose=Decimal("1.5"))
    response = maya_client.post(
        f"/treatments/{ldn.pk}/",
        {"change_dose": "1", "dose-dose": "abc", "dose-on": today_for(maya).isoformat()},
    )
    assert response.status_code == 400
    assert "Enter a number" in response.content.decode()
    assert ldn.regimens.get().dose == Decimal("1.5")


def test_it_refuses_a_negative_dose_and_a_future_start(maya, maya_client):
    future = today_for(maya) + timedelta(days=3)
    response = maya_client.post(
        "/treatments/", {"key": "omega3", "dose": "-5", "start": future.isoformat()}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "greater than or equal to 0" in page and "in the future" in page
    assert not Treatment.objects.filter(user=maya).exists()


def test_it_stops_a_treatment_on_the_last_day_taken(maya, maya_client):
    today = today_for(maya)
    yoga = start_treatment(maya, name="", key="yoga", start=today - timedelta(days=60))
    maya_client.post(
        f"/treatments/{yoga.pk}/", {"stop": "1", "stop-on": (today - timedelta(days=5)).isoformat()}
    )
    assert yoga.regimens.get().stop == today - timedelta(days=5)
    assert "not running" in maya_client.get("/treatments/").content.decode()


def test_it_will_not_change_the_dose_of_a_stopped_treatment(maya):
    today = today_for(maya)
    t = start_treatment(maya, name="Curcumin", start=today - timedelta(days=10))
    t.regimens.update(stop=today - timedelta(days=5))
    with pytest.raises(TreatmentError, match="not running"):
        change_dose(t, dose=Decimal(500), on=today)


def test_it_offers_todays_treatments_on_the_check_in(maya, maya_client):
    start_treatment(maya, name="", key="ldn", start=today_for(maya), dose=Decimal("4.5"))
    page = maya_client.get("/today/").content.decode()
    assert "Low-dose naltrexone 4.5 mg" in page and "Not taken" in page
