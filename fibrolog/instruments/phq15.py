"""PHQ-15, the fifteen-item somatic symptom scale (Kroenke, Spitzer and Williams 2002)."""

from __future__ import annotations

from fibrolog.instruments.base import Band, Instrument, Item, options, sum_scorer
from fibrolog.instruments.phq9 import PHQ_LICENCE

BOTHERED = options("Not bothered at all", "Bothered a little", "Bothered a lot")

_QUESTIONS = (
    ("q1", "Stomach pain"),
    ("q2", "Back pain"),
    ("q3", "Pain in your arms, legs, or joints (knees, hips, etc.)"),
    ("q4", "Menstrual cramps or other problems with your periods"),
    ("q5", "Headaches"),
    ("q6", "Chest pain"),
    ("q7", "Dizziness"),
    ("q8", "Fainting spells"),
    ("q9", "Feeling your heart pound or race"),
    ("q10", "Shortness of breath"),
    ("q11", "Pain or problems during sexual intercourse"),
    ("q12", "Constipation, loose bowels, or diarrhea"),
    ("q13", "Nausea, gas, or indigestion"),
    ("q14", "Feeling tired or having low energy"),
    ("q15", "Trouble sleeping"),
)

# q4 may be left out by people who do not menstruate; it then counts 0.
PHQ15 = Instrument(
    name="phq15",
    title="PHQ-15",
    version="PHQ-15 (2002)",
    recall="the last 4 weeks",
    stem="During the last 4 weeks, how much have you been bothered by any of the following "
    "problems?",
    items=tuple(Item(key, text, 0, 2, BOTHERED, optional=key == "q4") for key, text in _QUESTIONS),
    scorer=sum_scorer(),
    total_range=(0, 30),
    bands=(
        Band(0, 4, "minimal"),
        Band(5, 9, "low"),
        Band(10, 14, "medium"),
        Band(15, 30, "high"),
    ),
    bands_source="Kroenke, Spitzer and Williams 2002",
    loinc="69728-4",
    loinc_total="70273-8",
    source="Kroenke K, Spitzer RL, Williams JBW. The PHQ-15: validity of a new measure for "
    "evaluating the severity of somatic symptoms. Psychosom Med 2002;64(2):258-266.",
    licence=PHQ_LICENCE,
)
