"""The schedule as an iCalendar file: one all-day event per period, parseable."""

from datetime import datetime, timedelta

from fibrolog.accounts.services import today_for
from fibrolog.experiments import services
from tests._trial import draft


def _events(text: str) -> list[dict[str, str]]:
    unfolded = text.replace("\r\n ", "")
    events, current = [], None
    for line in unfolded.split("\r\n"):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            key, _, value = line.partition(":")
            current[key] = value
    return events


def test_it_serves_one_all_day_event_per_period(maya, maya_client):
    today = today_for(maya)
    exp = draft(maya, today, tested="A very long treatment name, with commas; and semicolons")
    services.start(exp, today)
    response = maya_client.get(f"/experiments/{exp.pk}/schedule.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == text.count("END:VEVENT") == 1 + 4 * 2
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    plan = services.current_plan(exp)
    events = _events(text)
    starts = [datetime.strptime(e["DTSTART;VALUE=DATE"], "%Y%m%d").date() for e in events]
    assert starts == [b.first for b in plan.blocks()]
    ends = [e["DTEND;VALUE=DATE"] for e in events]
    assert ends == [f"{b.last + timedelta(days=1):%Y%m%d}" for b in plan.blocks()]
    assert "with commas\\; and semicolons" in events[0]["SUMMARY"]
    assert len({e["UID"] for e in events}) == len(events)


def test_it_ends_the_calendar_on_the_day_a_trial_was_stopped(maya, maya_client):
    today = today_for(maya)
    exp = draft(maya, today - timedelta(days=20))
    services.start(exp, today - timedelta(days=20))
    services.stop(exp, today)
    text = maya_client.get(f"/experiments/{exp.pk}/schedule.ics").content.decode()
    events = _events(text)
    assert events[-1]["DTEND;VALUE=DATE"] == f"{today + timedelta(days=1):%Y%m%d}"


def test_it_has_no_calendar_for_a_draft(maya, maya_client):
    exp = draft(maya, today_for(maya))
    assert maya_client.get(f"/experiments/{exp.pk}/schedule.ics").status_code == 404
