"""`fibrolog import` finishes every import the web can: renamed moods, one person, columns.

The files are written here from the apps' documented layouts: Daylio's CSV export
(`full_date,date,weekday,time,mood,activities,note_title,note`, newest first, mood words the
person may rename) and Flaredown's research dump (one row per trackable, a `user_id` per person).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from fibrolog.cli import main
from fibrolog.diary.models import DailyValue, DayTag
from fibrolog.treatments.models import Intake

# Maya renamed rad to "super" and awful to "depressed", and kept "meh".
DAYLIO_RENAMED = """full_date,date,weekday,time,mood,activities,note_title,note
2025-04-04,April 4,Friday,10:00,meh,,,
2025-04-03,April 3,Thursday,20:15,super,friends | walk,,
2025-04-02,April 2,Wednesday,21:00,depressed,rest,,"bad flare"
2025-04-02,April 2,Wednesday,09:30,Fine,,,
"""

# Two people in one research dump: A1== and B2==.
FLAREDOWN_TWO = """user_id,age,sex,country,checkin_date,trackable_id,trackable_type,trackable_name,trackable_value
A1==,41,female,GB,2025-03-03,152,Symptom,Fatigue,4
A1==,41,female,GB,2025-03-03,9890,Treatment,Pregabalin,75.0 mg
A1==,41,female,GB,2025-03-03,1,Tag,Stressed,
B2==,35,female,US,2025-03-03,152,Symptom,Fatigue,1
B2==,35,female,US,2025-03-04,152,Symptom,Fatigue,2
B2==,35,female,US,2025-03-04,7,Tag,Rainy,
"""  # noqa: E501

DIARY_DMY = """Datum,Schmerz,Notiz
03/04/2025,6,schlecht geschlafen
04/04/2025,4,
"""


def _file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _run(*args: str):
    return CliRunner().invoke(main, ["import", *args], catch_exceptions=False)


def _error(result) -> str:
    assert result.exit_code == 1, result.output
    (message,) = json.loads(result.stdout.splitlines()[-1])["errors"]
    assert "\n" not in message
    return message


def _values(user, metric: str) -> dict[date, float]:
    rows = DailyValue.objects.filter(user=user, metric__key=metric).exclude(source="manual")
    return {row.day: row.value for row in rows}


def test_it_names_the_renamed_moods_she_must_place_and_imports_nothing(maya, tmp_path):
    path = _file(tmp_path, "daylio.csv", DAYLIO_RENAMED)
    message = _error(_run("daylio", path, "--json", "--yes"))
    assert message.startswith("daylio: ") and "--map mood:LABEL=N" in message
    for mood in ("'super'", "'depressed'", "'fine'"):
        assert mood in message
    assert "'meh'" not in message  # a default mood is proposed, not asked
    assert not DailyValue.objects.filter(user=maya).exists()


def test_it_imports_renamed_daylio_moods_placed_with_map(maya, tmp_path):
    path = _file(tmp_path, "daylio.csv", DAYLIO_RENAMED)
    places = ["--map", "mood:super=9", "--map", "mood:depressed=1", "--map", "mood:Fine=6"]
    result = _run("daylio", path, *places, "--yes", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["records_new"] > 0
    assert _values(maya, "mood") == {
        date(2025, 4, 2): 3.5,  # depressed (1) and Fine (6) on one day: averaged
        date(2025, 4, 3): 9.0,
        date(2025, 4, 4): 5.0,  # meh: the proposed default
    }


def test_it_refuses_a_mood_the_file_does_not_hold_or_a_place_off_the_scale(maya, tmp_path):
    path = _file(tmp_path, "daylio.csv", DAYLIO_RENAMED)
    unknown = _error(_run("daylio", path, "--map", "mood:rad=9", "--yes", "--json"))
    assert unknown.startswith("--map 'mood:rad=9'") and "'super'" in unknown
    off = _error(_run("daylio", path, "--map", "mood:super=11", "--yes", "--json"))
    assert off.startswith("--map 'mood:super=11'") and "0 to 10" in off
    person = _error(_run("daylio", path, "--person", "A1==", "--yes", "--json"))
    assert person.startswith("--person")
    assert not DailyValue.objects.filter(user=maya).exists()


def test_it_lists_the_people_of_a_research_file_when_no_person_is_chosen(maya, tmp_path):
    path = _file(tmp_path, "flaredown.csv", FLAREDOWN_TWO)
    message = _error(_run("flaredown", path, "--yes", "--json"))
    assert "--person ID" in message and "'A1=='" in message and "'B2=='" in message
    stranger = _error(_run("flaredown", path, "--person", "C3==", "--yes", "--json"))
    assert stranger.startswith("--person C3==") and "'B2=='" in stranger
    assert not DailyValue.objects.filter(user=maya).exists()


def test_it_imports_only_the_chosen_persons_rows_of_a_research_file(maya, tmp_path):
    path = _file(tmp_path, "flaredown.csv", FLAREDOWN_TWO)
    result = _run("flaredown", path, "--person", "B2==", "--yes", "--json")
    assert result.exit_code == 0, result.output
    # Flaredown rates 0-4; fibrolog's fatigue is 0-10.
    assert _values(maya, "fatigue") == {date(2025, 3, 3): 2.5, date(2025, 3, 4): 5.0}
    tags = set(DayTag.objects.filter(user=maya).values_list("tag__name", flat=True))
    assert tags == {"rainy"}  # A1=='s "Stressed" is not hers
    assert not Intake.objects.filter(treatment__user=maya).exists()  # nor A1=='s Pregabalin


def test_it_maps_a_flaredown_symptom_to_another_metric_or_a_tag(maya, tmp_path):
    path = _file(tmp_path, "flaredown.csv", FLAREDOWN_TWO)
    args = ["--person", "B2==", "--map", "Fatigue=tag", "--yes", "--json"]
    assert _run("flaredown", path, *args).exit_code == 0
    assert _values(maya, "fatigue") == {}
    tags = set(DayTag.objects.filter(user=maya).values_list("tag__name", flat=True))
    assert tags == {"fatigue", "rainy"}
    bad = _error(
        _run("flaredown", path, "--person", "B2==", "--map", "Fatigue=tiredness", "--json")
    )
    assert bad.startswith("--map 'Fatigue=tiredness'") and "metric" in bad


def test_it_reads_a_csv_with_the_date_format_the_web_form_asks_for(maya, tmp_path):
    path = _file(tmp_path, "diary.csv", DIARY_DMY)
    columns = ["--map", "date=Datum", "--map", "Schmerz=pain", "--map", "note=Notiz"]
    result = _run("csv", path, *columns, "--date-format", "%d/%m/%Y", "--json")
    assert result.exit_code == 0, result.output
    assert _values(maya, "pain") == {date(2025, 4, 3): 6.0, date(2025, 4, 4): 4.0}
    without = _run("csv", path, *columns, "--json")
    assert without.exit_code == 1 and "03/04/2025" in without.stdout


def test_it_refuses_answers_a_kind_does_not_take(maya, tmp_path):
    path = _file(tmp_path, "diary.csv", DIARY_DMY)
    message = _error(_run("apple-health", path, "--map", "mood:rad=9", "--json"))
    assert message.startswith("--map: ") and "apple-health" in message
    fmt = _error(_run("daylio", path, "--date-format", "%d/%m/%Y", "--json"))
    assert fmt.startswith("--date-format")
