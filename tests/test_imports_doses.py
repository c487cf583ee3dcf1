"""Maya's medication log comes with doses: they are kept, and "Not Taken" stays not taken."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from fibrolog.imports.loader import run_import
from fibrolog.imports.options import choices_to_json
from fibrolog.ingest import preview_flaredown
from fibrolog.ingest.fixtures import diaries
from fibrolog.treatments.models import Intake, Treatment

LOG = """Date,Pregabalin,Tags
2025-03-01,75 mg,
2025-03-02,75 mg,
2025-03-03,150 mg,
2025-03-04,Not Taken,
2025-03-05,150 mg,
"""


def test_it_keeps_the_doses_and_the_days_not_taken_of_an_imported_log(maya, tmp_path):
    path = diaries.write(tmp_path / "flaredown.csv", LOG)
    options = {"choices": choices_to_json(preview_flaredown(path).proposed)}
    run_import(maya, "flaredown", str(path), options=options)
    pregabalin = Treatment.objects.get(user=maya, key="pregabalin")
    assert pregabalin.unit == "mg"
    regimens = [(r.start, r.stop, r.dose) for r in pregabalin.regimens.order_by("start")]
    assert regimens == [
        (date(2025, 3, 1), date(2025, 3, 2), Decimal("75.000")),
        (date(2025, 3, 3), None, Decimal("150.000")),
    ]
    taken = dict(Intake.objects.filter(treatment=pregabalin).values_list("day", "taken"))
    assert taken[date(2025, 3, 4)] is False and taken[date(2025, 3, 5)] is True
    run_import(maya, "flaredown", str(path), options=options)  # again: nothing changes
    assert [(r.start, r.stop, r.dose) for r in pregabalin.regimens.order_by("start")] == regimens
