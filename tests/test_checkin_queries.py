"""The three requests a person makes most (today, save, timeline) read little, and saves stay right.

Counts, not times: a query more per request is what a server with 200 people feels first
(docs/server.md, Capacity). The bounds hold for a person with a treatment, tags and a note.
"""

from datetime import timedelta
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from fibrolog.accounts.services import ensure_profile, today_for
from fibrolog.diary.models import Tag
from fibrolog.diary.services.checkin import DayChanges, day_state, save_day
from fibrolog.treatments.services import start_treatment

PAGE, SAVE, TIMELINE = 22, 24, 10  # as measured on 2026-12-05, SQLite and PostgreSQL alike


def _count(call) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as seen:
        response = call()
    return len(seen), response


def _diary(maya):
    today = today_for(maya)
    start_treatment(
        maya, name="Low-dose naltrexone", start=today - timedelta(days=20), dose=Decimal("1.5")
    )
    for back in range(1, 8):
        changes = DayChanges(values={"pain": back % 10}, tags_add=frozenset({"poor sleep"}))
        save_day(maya, today - timedelta(days=back), changes)
    return today


def test_today_save_and_timeline_stay_within_their_query_counts(maya, maya_client):
    today = _diary(maya)
    day = today - timedelta(days=3)
    n_page, page = _count(lambda: maya_client.get("/today/"))
    form = {"day": day.isoformat(), "m_pain": "4", "o_pain": "3", "note": "x", "o_note": ""}
    n_save, saved = _count(lambda: maya_client.post("/checkin/", {**form, "o_tags": ""}))
    n_timeline, timeline = _count(lambda: maya_client.get("/timeline/"))
    assert (page.status_code, saved.status_code, timeline.status_code) == (200, 302, 200)
    assert n_page <= PAGE and n_save <= SAVE and n_timeline <= TIMELINE, (
        n_page,
        n_save,
        n_timeline,
    )
    assert day_state(maya, day).values["pain"] == 4


def test_the_profile_is_read_once_per_request(maya, maya_client):
    with CaptureQueriesContext(connection) as seen:
        maya_client.get("/today/")
    reads = [q["sql"] for q in seen.captured_queries if 'FROM "accounts_profile"' in q["sql"]]
    assert len(reads) == 1


def test_a_day_keeps_an_archived_tag_it_carries_and_can_drop_it(maya, maya_client):
    today = today_for(maya)
    day = today - timedelta(days=2)
    save_day(maya, day, DayChanges(tags_add=frozenset({"travel"})))
    Tag.objects.filter(user=maya, name="travel").update(archived=True)
    page = maya_client.get(f"/day/{day.isoformat()}/").content.decode()
    assert 'value="travel"' in page.split('name="o_tags"', 1)[1]  # still shown, ticked
    form = {"day": day.isoformat(), "o_tags": "travel", "note": "", "o_note": ""}
    kept = maya_client.post("/checkin/", {**form, "tags": ["travel"], "note": "kept"})
    assert kept.status_code == 302 and day_state(maya, day).tags == {"travel"}
    dropped = maya_client.post("/checkin/", form)
    assert dropped.status_code == 302 and day_state(maya, day).tags == frozenset()


def test_a_refused_save_shows_the_page_again_with_the_error_and_changes_nothing(maya, maya_client):
    day = today_for(maya) - timedelta(days=1)
    save_day(maya, day, DayChanges(values={"fatigue": 6}))
    form = {"day": day.isoformat(), "m_pain": "11", "m_fatigue": "2", "o_fatigue": "6"}
    refused = maya_client.post("/checkin/", {**form, "o_pain": "", "o_tags": "", "o_note": ""})
    page = refused.content.decode()
    assert refused.status_code == 400
    assert 'class="metric has-error" id="f-m_pain"' in page
    assert 'name="o_fatigue" value="6"' in page  # what the person's page carried, kept
    assert day_state(maya, day).values == {"fatigue": 6}


def test_a_profile_changed_through_the_kept_object_is_what_the_next_read_sees(maya):
    profile = ensure_profile(maya)
    profile.day_start_hour = 4
    profile.save(update_fields=["day_start_hour"])
    assert ensure_profile(maya).day_start_hour == 4
