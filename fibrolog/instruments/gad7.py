"""GAD-7, the seven-item anxiety scale (Spitzer, Kroenke, Williams and Löwe 2006)."""

from __future__ import annotations

from fibrolog.instruments.base import Band, Instrument, Item, sum_scorer
from fibrolog.instruments.phq9 import FREQUENCY, PHQ_LICENCE

_QUESTIONS = (
    ("q1", "Feeling nervous, anxious, or on edge", "69725-0"),
    ("q2", "Not being able to stop or control worrying", "68509-9"),
    ("q3", "Worrying too much about different things", "69733-4"),
    ("q4", "Trouble relaxing", "69734-2"),
    ("q5", "Being so restless that it is hard to sit still", "69735-9"),
    ("q6", "Becoming easily annoyed or irritable", "69689-8"),
    ("q7", "Feeling afraid, as if something awful might happen", "69736-7"),
)

GAD7 = Instrument(
    name="gad7",
    title="GAD-7",
    version="GAD-7 (2006)",
    recall="the last 2 weeks",
    stem="Over the last 2 weeks, how often have you been bothered by the following problems?",
    items=tuple(Item(key, text, 0, 3, FREQUENCY, loinc=loinc) for key, text, loinc in _QUESTIONS),
    scorer=sum_scorer(),
    total_range=(0, 21),
    bands=(
        Band(0, 4, "minimal"),
        Band(5, 9, "mild"),
        Band(10, 14, "moderate"),
        Band(15, 21, "severe"),
    ),
    bands_source="Spitzer et al. 2006",
    loinc="69737-5",
    loinc_total="70274-6",
    source="Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing "
    "generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166(10):1092-1097.",
    licence=PHQ_LICENCE,
)
