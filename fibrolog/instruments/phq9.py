"""PHQ-9, the nine-item depression scale (Kroenke, Spitzer and Williams 2001)."""

from __future__ import annotations

from fibrolog.instruments.base import Band, Flag, Instrument, Item, options, sum_scorer

PHQ_LICENCE = (
    "Developed by Drs Spitzer, Williams, Kroenke and colleagues with an educational grant from "
    "Pfizer Inc. No permission is required to reproduce, translate, display or distribute."
)

FREQUENCY = options("Not at all", "Several days", "More than half the days", "Nearly every day")
DIFFICULTY = options(
    "Not difficult at all", "Somewhat difficult", "Very difficult", "Extremely difficult"
)

_QUESTIONS = (
    ("q1", "Little interest or pleasure in doing things", "44250-9"),
    ("q2", "Feeling down, depressed, or hopeless", "44255-8"),
    ("q3", "Trouble falling or staying asleep, or sleeping too much", "44259-0"),
    ("q4", "Feeling tired or having little energy", "44254-1"),
    ("q5", "Poor appetite or overeating", "44251-7"),
    (
        "q6",
        "Feeling bad about yourself, or that you are a failure or have let yourself or your "
        "family down",
        "44258-2",
    ),
    (
        "q7",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "44252-5",
    ),
    (
        "q8",
        "Moving or speaking so slowly that other people could have noticed; or the opposite, "
        "being so fidgety or restless that you have been moving around a lot more than usual",
        "44253-3",
    ),
    (
        "q9",
        "Thoughts that you would be better off dead, or of hurting yourself in some way",
        "44260-8",
    ),
)

SELF_HARM = Flag(
    item="q9",
    name="self_harm_risk",
    sentence=(
        "You said you have had thoughts that you would be better off dead or of hurting "
        "yourself: please talk to someone you trust or a crisis line today."
    ),
)

PHQ9 = Instrument(
    name="phq9",
    title="PHQ-9",
    version="PHQ-9 (2001)",
    recall="the last 2 weeks",
    stem="Over the last 2 weeks, how often have you been bothered by any of the following "
    "problems?",
    items=(
        *(Item(key, text, 0, 3, FREQUENCY, loinc=loinc) for key, text, loinc in _QUESTIONS),
        Item(
            "q10",
            "If you checked off any problems, how difficult have these problems made it for "
            "you to do your work, take care of things at home, or get along with other people?",
            0,
            3,
            DIFFICULTY,
            optional=True,
            scored=False,
            loinc="69722-7",
        ),
    ),
    scorer=sum_scorer(SELF_HARM),
    total_range=(0, 27),
    bands=(
        Band(0, 4, "minimal"),
        Band(5, 9, "mild"),
        Band(10, 14, "moderate"),
        Band(15, 19, "moderately severe"),
        Band(20, 27, "severe"),
    ),
    bands_source="Kroenke, Spitzer and Williams 2001",
    loinc="44249-1",
    loinc_total="44261-6",
    source="Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression "
    "severity measure. J Gen Intern Med 2001;16(9):606-613.",
    licence=PHQ_LICENCE,
)
