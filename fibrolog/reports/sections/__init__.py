"""The report's sections, in page order: each a heading, a template and a build function.

A new section (for example "What seems linked / experiments", once the insights engine and
experiments exist) is one more entry here, with its builder and template.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fibrolog.reports.sections import evidence, notes, questionnaires, symptoms, treatments


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    template: str
    build: Callable[[Any], dict[str, Any]]
    default: bool = True  # chosen unless the person unticks it
    label: str = ""  # the words next to its tick box


SECTIONS: tuple[Section, ...] = (
    Section(
        "symptoms",
        "Symptom trends",
        "reports/section_symptoms.html",
        symptoms.build,
        label="Symptom trends and flares",
    ),
    Section(
        "questionnaires",
        "Questionnaires and criteria",
        "reports/section_questionnaires.html",
        questionnaires.build,
        label="Questionnaires (ACR, FIQR, PHQ-9, GAD-7, PEG)",
    ),
    Section(
        "treatments",
        "Treatments",
        "reports/section_treatments.html",
        treatments.build,
        label="Treatments, doses and adherence",
    ),
    Section(
        "evidence",
        "What seems linked, and tested effects",
        "reports/section_evidence.html",
        evidence.build,
        label="What seems linked, treatment effects and self-experiments",
    ),
    Section(
        "notes",
        "Notes",
        "reports/section_notes.html",
        notes.build,
        default=False,
        label="My notes (private: left out unless you tick this)",
    ),
)


def keys() -> tuple[str, ...]:
    """Return every section key, in page order."""
    return tuple(s.key for s in SECTIONS)


def default_keys() -> frozenset[str]:
    """Return the sections chosen unless the person says otherwise."""
    return frozenset(s.key for s in SECTIONS if s.default)
