"""Maya switches from Bearable, Flaredown or Daylio: she confirms the scales, then imports."""

import dataclasses

import pytest

from fibrolog.ingest import (
    DayEntry,
    DayNote,
    DayTag,
    IngestError,
    Intake,
    Scale,
    parse_bearable,
    parse_daylio,
    parse_flaredown,
    preview_bearable,
    preview_daylio,
    preview_flaredown,
)
from fibrolog.ingest.fixtures import diaries


def by_type(records):
    out = {DayEntry: {}, DayTag: set(), DayNote: [], Intake: []}
    for r in records:
        if isinstance(r, DayEntry):
            out[DayEntry][(r.day.isoformat(), r.metric)] = r.value
        elif isinstance(r, DayTag):
            out[DayTag].add((r.day.isoformat(), r.tag))
        else:
            out[type(r)].append(r)
    return out


def test_it_asks_the_bearable_scales_the_file_does_not_state(tmp_path):
    path = diaries.write(tmp_path / "bearable.csv", diaries.BEARABLE_V2)
    preview = preview_bearable(path)
    questions = {q.key: q for q in preview.scales}
    assert set(questions) == {"Mood", "Energy", "Sleep quality"}
    assert (questions["Mood"].observed_low, questions["Mood"].observed_high) == (3, 7)
    assert questions["Energy"].proposed.reverse and questions["Energy"].metric == "fatigue"
    names = {q.name: q.proposed for q in preview.names}
    assert names == {"Widespread pain": "pain", "Neck pain": "pain", "Brain fog": "fog",
                     "Itchy eyes": None}  # fmt: skip
    assert "'Gratitude' rows (1) are not imported." in preview.summary()


def test_it_imports_bearable_with_the_confirmed_choices(tmp_path):
    path = diaries.write(tmp_path / "bearable.csv", diaries.BEARABLE_V2)
    got = by_type(parse_bearable(path, choices=preview_bearable(path).proposed))
    values = got[DayEntry]
    assert values[("2025-03-03", "mood")] == round((2 / 9 + 4 / 9) / 2 * 10, 4)
    assert values[("2025-03-03", "pain")] == 7.5  # the worst of the day's pains: severe
    assert values[("2025-03-03", "sleep_hours")] == 6.75
    assert values[("2025-03-03", "fatigue")] == 7.5  # energy 2 of 1-5, reversed
    assert ("2025-03-03", "itchy eyes") in got[DayTag]  # no metric: kept as a tag
    assert ("2025-03-03", "stressful day") in got[DayTag]  # "Stressed" maps onto a default tag
    pregabalin, magnesium = got[Intake]
    assert (pregabalin.treatment, pregabalin.dose, pregabalin.unit) == ("pregabalin", 75, "mg")
    assert (magnesium.treatment, magnesium.dose, magnesium.unit, magnesium.amount) == (
        "magnesium", None, "mg", 2)  # fmt: skip
    assert [n.text for n in got[DayNote]] == ["woke at 3am"]


def test_it_reads_the_older_bearable_layout_with_ordinal_dates(tmp_path):
    path = diaries.write(tmp_path / "bearable.csv", diaries.BEARABLE_V1)
    preview = preview_bearable(path)
    assert (str(preview.first_day), str(preview.last_day)) == ("2021-12-08", "2021-12-09")
    choices = dataclasses.replace(preview.proposed, scales={"Mood": Scale(1, 10)})
    values = by_type(parse_bearable(path, choices=choices))[DayEntry]
    assert values[("2021-12-09", "mood")] == round(7 / 9 * 10, 4)


def test_it_imports_nothing_from_bearable_until_the_scales_are_confirmed(tmp_path):
    path = diaries.write(tmp_path / "bearable.csv", diaries.BEARABLE_V2)
    unconfirmed = dataclasses.replace(preview_bearable(path).proposed, scales={})
    with pytest.raises(IngestError, match="has not been confirmed"):
        list(parse_bearable(path, choices=unconfirmed))


def test_it_refuses_a_bearable_rating_outside_the_confirmed_scale(tmp_path):
    path = diaries.write(tmp_path / "bearable.csv", diaries.BEARABLE_V2)
    narrow = dataclasses.replace(
        preview_bearable(path).proposed,
        scales={**preview_bearable(path).proposed.scales, "Mood": Scale(1, 5)},
    )
    with pytest.raises(IngestError) as caught:
        list(parse_bearable(path, choices=narrow))
    assert caught.value.line == 15 and "outside 1-5" in caught.value.message


def test_it_asks_which_person_a_flaredown_research_dump_is_about(tmp_path):
    path = diaries.write(tmp_path / "flaredown.csv", diaries.FLAREDOWN_LONG)
    preview = preview_flaredown(path)
    assert preview.people == ("U1==", "U2==") and preview.proposed.person == ""
    with pytest.raises(IngestError, match="several people"):
        list(parse_flaredown(path, choices=preview.proposed))
    chosen = dataclasses.replace(preview.proposed, person="U1==")
    got = by_type(parse_flaredown(path, choices=chosen))
    assert got[DayEntry] == {
        ("2025-03-03", "condition_severity"): 3,  # a rated condition is a metric, not a tag
        ("2025-03-03", "fatigue"): 10.0,
        ("2025-03-03", "stiffness"): 7.5,
        ("2025-03-04", "fatigue"): 5.0,
    }
    assert got[DayTag] == {("2025-03-03", "stressful day"), ("2025-03-03", "food: coffee")}
    assert [(i.name, i.dose, i.unit) for i in got[Intake]] == [("Pregabalin", 75.0, "mg")]
    assert "weather" in preview.summary()


def test_it_tells_rated_columns_from_treatments_in_the_wide_flaredown_layout(tmp_path):
    path = diaries.write(tmp_path / "flaredown.csv", diaries.FLAREDOWN_WIDE)
    preview = preview_flaredown(path)
    assert {q.name: q.proposed for q in preview.names} == {
        "Fibromyalgia": "condition_severity", "Fatigue": "fatigue", "Joint stiffness": "stiffness",
    }  # fmt: skip
    got = by_type(parse_flaredown(path, choices=preview.proposed))
    assert got[DayEntry][("2025-03-04", "fatigue")] == 5.0
    assert len(got[Intake]) == 2 and ("2025-03-03", "food: oatmeal") in got[DayTag]


def test_it_asks_where_a_renamed_daylio_mood_sits(tmp_path):
    path = diaries.write(tmp_path / "daylio.csv", diaries.DAYLIO)
    preview = preview_daylio(path)
    labels = {q.label: q.proposed for q in preview.labels}
    assert labels["rad"] == 10 and labels["spoony"] is None
    with pytest.raises(IngestError, match="'spoony' has not been placed") as caught:
        list(parse_daylio(path, choices=preview.proposed))
    assert caught.value.line == 6
    placed = dataclasses.replace(preview.proposed, labels={**preview.proposed.labels, "spoony": 4})
    got = by_type(parse_daylio(path, choices=placed))
    # good and rad on the 4th, and "bad" written at 01:30 on the 5th, before her day start
    assert got[DayEntry][("2025-03-04", "mood")] == round((7.5 + 10 + 2.5) / 3, 4)
    assert got[DayEntry][("2025-03-02", "mood")] == 4
    assert ("2025-03-04", "insomnia") in got[DayTag]
    assert {(n.title, n.text) for n in got[DayNote]} >= {
        ("Flare", "Whole body ache, could not sleep")
    }


def test_it_gives_diary_records_the_same_keys_on_a_second_import(tmp_path):
    path = diaries.write(tmp_path / "bearable.csv", diaries.BEARABLE_V2)
    choices = preview_bearable(path).proposed
    first = [r.natural_key for r in parse_bearable(path, choices=choices)]
    assert first == [r.natural_key for r in parse_bearable(path, choices=choices)]
    assert len(first) == len(set(first))


BEARABLE_FATIGUE = """date,date formatted,weekday,time of day,category,rating/amount,detail,notes
"3rd Mar 2025","2025-03-03","Monday","am","Energy","4","",""
"3rd Mar 2025","2025-03-03","Monday","pm","Energy","3","",""
"4th Mar 2025","2025-03-04","Tuesday","am","Energy","2","",""
"4th Mar 2025","2025-03-04","Tuesday","pm","Symptom","1","Fatigue (Mild)",""
"5th Mar 2025","2025-03-05","Wednesday","pm","Symptom","3","Fatigue (Severe)",""
"5th Mar 2025","2025-03-05","Wednesday","pm","Energy","5","",""
"""


def test_it_keeps_the_worst_fatigue_per_day_and_averages_energy_on_days_without_the_symptom(
    tmp_path,
):
    path = diaries.write(tmp_path / "bearable.csv", BEARABLE_FATIGUE)
    values = by_type(parse_bearable(path, choices=preview_bearable(path).proposed))[DayEntry]
    # energy 4 and 3 of 1-5 are fatigue 2.5 and 5: their mean, no symptom that day
    assert values[("2025-03-03", "fatigue")] == 3.75
    assert values[("2025-03-04", "fatigue")] == 7.5  # energy 2 (7.5) is worse than mild (2.5)
    assert values[("2025-03-05", "fatigue")] == 7.5  # severe (7.5) is worse than energy 5 (0)


def test_it_reads_flaredown_conditions_weather_and_not_taken_treatments(tmp_path):
    from fibrolog.ingest.fixtures import layouts

    path = diaries.write(tmp_path / "flaredown.csv", layouts.FLAREDOWN_APP)
    preview = preview_flaredown(path)
    assert {q.name: q.proposed for q in preview.names} == {
        "pain in hand joints": "pain", "Fibromyalgia": "condition_severity", "Fatigue": "fatigue",
    }  # fmt: skip
    assert "weather" in preview.summary().lower()
    got = by_type(parse_flaredown(path, choices=preview.proposed))
    assert got[DayEntry][("2025-03-03", "pain")] == 10.0  # 4 of 0-4
    assert got[DayEntry][("2025-03-03", "condition_severity")] == 3  # kept on Flaredown's 0-4
    assert got[DayEntry][("2025-03-04", "condition_severity")] == 2
    taken = {(i.day.isoformat(), i.name, i.dose, i.unit, i.taken) for i in got[Intake]}
    assert taken == {
        ("2025-03-03", "Pregabalin", 75.0, "mg", True),
        ("2025-03-03", "Vitamin D", None, "", False),
        ("2025-03-04", "Pregabalin", None, "", False),
        ("2025-03-04", "Vitamin D", 1000.0, "iu", True),
    }
    tags = sorted(tag for _, tag in got[DayTag])
    assert len(tags) == 2 and all(len(tag) <= 40 for tag in tags) and tags[0] != tags[1]
    assert not any("weather" in tag or "1002" in tag for tag in tags)
