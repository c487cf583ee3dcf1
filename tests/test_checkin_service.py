"""Saving a day: upserts, clearing, notes kept from both tabs, tags, treatments, flares."""

from datetime import date, timedelta

import pytest

from fibrolog.diary.models import DailyValue, DayTag, Flare, Note
from fibrolog.diary.services.checkin import DayChanges, NoteEdit, day_state, mark_flare, save_day
from fibrolog.treatments.models import Intake
from fibrolog.treatments.services import start_treatment

DAY = date(2026, 11, 20)


def test_it_saves_values_and_reads_them_back(maya):
    save_day(maya, DAY, DayChanges(values={"pain": 6, "fatigue": 7}))
    assert day_state(maya, DAY).values == {"pain": 6, "fatigue": 7}


def test_it_updates_the_same_day_instead_of_duplicating(maya):
    save_day(maya, DAY, DayChanges(values={"pain": 6}))
    save_day(maya, DAY, DayChanges(values={"pain": 4}))
    assert DailyValue.objects.filter(user=maya, day=DAY).count() == 1
    assert day_state(maya, DAY).values["pain"] == 4


def test_it_stores_no_row_for_what_was_not_logged(maya):
    save_day(maya, DAY, DayChanges(values={"pain": 0}))
    keys = set(DailyValue.objects.filter(user=maya).values_list("metric__key", flat=True))
    assert keys == {"pain"}  # a zero is a zero; fatigue has no row at all


def test_it_clears_a_value_by_deleting_its_row(maya):
    save_day(maya, DAY, DayChanges(values={"pain": 6}))
    save_day(maya, DAY, DayChanges(values={"pain": None}))
    assert not DailyValue.objects.filter(user=maya).exists()


def test_it_rolls_back_the_whole_day_on_an_unknown_metric(maya):
    with pytest.raises(ValueError, match="Unknown metric: nonsense"):
        save_day(
            maya, DAY, DayChanges(values={"pain": 6, "nonsense": 1}, tags_add=frozenset({"x"}))
        )
    assert day_state(maya, DAY).is_empty


def test_it_keeps_both_notes_when_two_tabs_edit_the_same_day(maya):
    save_day(maya, DAY, DayChanges(note=NoteEdit("", "Tab one: bad night")))
    save_day(maya, DAY, DayChanges(note=NoteEdit("", "Tab two: short walk")))
    text = Note.objects.get(user=maya, day=DAY).text
    assert "Tab one: bad night" in text and "Tab two: short walk" in text


def test_it_replaces_a_note_edited_from_what_was_shown(maya):
    save_day(maya, DAY, DayChanges(note=NoteEdit("", "first")))
    save_day(maya, DAY, DayChanges(note=NoteEdit("first", "first, then better")))
    assert Note.objects.get(user=maya, day=DAY).text == "first, then better"


def test_it_adds_and_removes_tags_as_deltas(maya):
    save_day(maya, DAY, DayChanges(tags_add=frozenset({"poor sleep", "travel"})))
    save_day(
        maya, DAY, DayChanges(tags_add=frozenset({"a new one"}), tags_remove=frozenset({"travel"}))
    )
    assert day_state(maya, DAY).tags == {"poor sleep", "a new one"}
    assert DayTag.objects.filter(user=maya).count() == 2


def test_it_records_taken_not_taken_and_not_logged(maya):
    ldn = start_treatment(maya, name="", key="ldn", start=DAY - timedelta(days=10))
    save_day(maya, DAY, DayChanges(intakes={ldn.id: True}))
    save_day(maya, DAY - timedelta(days=1), DayChanges(intakes={ldn.id: False}))
    assert Intake.objects.get(treatment=ldn, day=DAY).taken is True
    assert Intake.objects.get(treatment=ldn, day=DAY - timedelta(days=1)).taken is False
    assert not Intake.objects.filter(treatment=ldn, day=DAY - timedelta(days=2)).exists()


def test_it_refuses_someone_elses_treatment(maya, sam):
    theirs = start_treatment(sam, name="Yoga", start=DAY)
    with pytest.raises(ValueError, match="Unknown treatment"):
        save_day(maya, DAY, DayChanges(intakes={theirs.id: True}))


def _flares(user):
    return [(f.start.day, f.end.day, f.severity) for f in Flare.objects.filter(user=user)]


def test_it_grows_a_flare_day_by_day_and_merges_neighbours(maya):
    for d in (18, 19, 21):
        mark_flare(maya, date(2026, 11, d), 2)
    assert _flares(maya) == [(18, 19, 2), (21, 21, 2)]
    mark_flare(maya, date(2026, 11, 20), 3)
    assert _flares(maya) == [(18, 21, 3)]


def test_it_splits_a_flare_when_a_middle_day_is_unmarked(maya):
    for d in (18, 19, 20):
        mark_flare(maya, date(2026, 11, d), 2)
    mark_flare(maya, date(2026, 11, 19), 0)
    assert _flares(maya) == [(18, 18, 2), (20, 20, 2)]
    mark_flare(maya, date(2026, 11, 18), 0)
    mark_flare(maya, date(2026, 11, 20), 0)
    assert _flares(maya) == []


def test_it_keeps_one_persons_day_apart_from_anothers(maya, sam):
    save_day(maya, DAY, DayChanges(values={"pain": 8}))
    assert day_state(sam, DAY).is_empty
