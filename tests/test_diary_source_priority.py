"""One source wins a day everywhere: check-in, timeline, engine, experiments, report, FHIR, CSV.

Maya logs her pain by hand on a day for which the demo and an import also hold a pain value;
on the next day only two imports do. Sam's own entry on that day must not count for her.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

import pytest

from fibrolog.accounts.services import today_for
from fibrolog.archive.export.csv_files import files
from fibrolog.archive.export.fhir_bundle import bundle
from fibrolog.diary.models import DailyValue
from fibrolog.diary.services.checkin import DayChanges, save_day
from fibrolog.diary.services.frame import diary_frame
from fibrolog.diary.services.timeline import timeline
from fibrolog.experiments.services.data import daily_series
from fibrolog.imports.writers import daily_values
from fibrolog.ingest import DayEntry


@pytest.fixture
def days(maya, sam):
    """Return (mixed day, imports-only day) and the value and source each should show."""
    mixed = today_for(maya) - timedelta(days=3)
    only_imports = mixed + timedelta(days=1)
    save_day(maya, mixed, DayChanges(values={"pain": 3}))
    save_day(maya, mixed, DayChanges(values={"pain": 5}), source=DailyValue.DEMO)
    daily_values(
        maya,
        [
            DayEntry("fitbit", "p1", mixed, "pain", 7.0),
            DayEntry("fitbit", "p2", only_imports, "pain", 8.0),
            DayEntry("bearable", "p3", only_imports, "pain", 6.0),
        ],
    )
    save_day(sam, only_imports, DayChanges(values={"pain": 1}))
    return {mixed: (3.0, "manual"), only_imports: (6.0, "bearable")}


def test_it_picks_manual_then_demo_then_imports_in_name_order(maya, days):
    winners = DailyValue.objects.for_user(maya).preferred().values_list("day", "source", "value")
    assert {d: (v, s) for d, s, v in winners} == days
    assert DailyValue.objects.for_user(maya).count() == 5  # the losers are kept, not shown


def test_every_reader_shows_the_same_winner(maya, maya_client, days):
    first, last = min(days), max(days)
    expected = {d: value for d, (value, _) in days.items()}

    shown = {}
    for day in days:
        page = maya_client.get(f"/day/{day.isoformat()}/").content.decode()
        shown[day] = float(re.search(r'name="m_pain" value="(\d+)" checked', page)[1])
    assert shown == expected, "check-in"

    charted = {}
    for day in days:
        (chart,) = [c for c in timeline(maya, day, 1).charts if c.key == "pain"]
        low, high = re.search(r"lowest ([\d.]+)[^,]*, highest ([\d.]+)", chart.svg).groups()
        assert low == high
        charted[day] = float(low)
    assert charted == expected, "timeline"

    frame, _ = diary_frame(maya, start=first, end=last)
    assert {ts.date(): v for ts, v in frame["pain"].items()} == expected, "engine frame"

    assert daily_series(maya, "pain", first, last) == [expected[first], expected[last]]

    reported = {}
    for day in days:
        query = f"start={day.isoformat()}&end={day.isoformat()}&sections=symptoms"
        page = maya_client.get(f"/report/?{query}").content.decode()
        row = r'<th scope="row">Pain</th>\s*<td>1 of 1</td>\s*<td>([\d.]+)</td>'
        reported[day] = float(re.search(row, page)[1])
    assert reported == expected, "report"

    observations = [
        e["resource"]
        for e in bundle(maya)["entry"]
        if e["resource"]["resourceType"] == "Observation"
        and e["resource"]["code"]["text"] == "Pain"
    ]
    exported = {
        o["effectiveDateTime"]: (o["valueQuantity"]["value"], o["meta"]["tag"][0]["code"])
        for o in observations
    }
    assert len(observations) == len(days)
    assert exported == {d.isoformat(): winner for d, winner in days.items()}, "FHIR"

    parts, _ = files(maya)
    rows = list(csv.DictReader(io.StringIO(parts["diary.csv"].decode("utf-8"), newline="")))
    assert {r["date"]: float(r["pain"]) for r in rows} == {
        d.isoformat(): v for d, v in expected.items()
    }, "CSV"
