"""Self-experiment use cases: design, lock, run, analyse; `report_rows` for the clinician report."""

from fibrolog.experiments.services.design import Advice, advice
from fibrolog.experiments.services.lifecycle import (
    Assignment,
    ExperimentError,
    assignments,
    change_plan,
    current_plan,
    note,
    pause,
    plan_for,
    record_taken,
    refresh_status,
    resume,
    save_draft,
    start,
    stop,
)
from fibrolog.experiments.services.results import (
    ExperimentResult,
    ReportRow,
    report_rows,
    result,
)

__all__ = [
    "Advice",
    "Assignment",
    "ExperimentError",
    "ExperimentResult",
    "ReportRow",
    "advice",
    "assignments",
    "change_plan",
    "current_plan",
    "note",
    "pause",
    "plan_for",
    "record_taken",
    "refresh_status",
    "report_rows",
    "result",
    "resume",
    "save_draft",
    "start",
    "stop",
]
