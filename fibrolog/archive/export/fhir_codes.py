"""The codes the FHIR export uses: LOINC where one exists, else the project's own code system.

Plain data. docs/your-data.md lists them for the people who receive the file.
"""

from __future__ import annotations

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
METRIC_SYSTEM = "https://fibrolog.org/fhir/CodeSystem/metric"
SCORE_SYSTEM = "https://fibrolog.org/fhir/CodeSystem/score"
TREATMENT_SYSTEM = "https://fibrolog.org/fhir/CodeSystem/treatment"
QUESTIONNAIRE_BASE = "https://fibrolog.org/fhir/Questionnaire/"
PATIENT_ID_SYSTEM = "https://fibrolog.org/fhir/NamingSystem/person"

# metric key -> (LOINC code, display): only where the LOINC concept is the same measurement.
METRIC_LOINC = {
    "pain": ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"),
    "sleep_hours": ("93832-4", "Sleep duration"),
    "steps": ("41950-7", "Number of steps in 24 hour Measured"),
    "resting_heart_rate": ("40443-4", "Heart rate --resting"),
    "hrv": ("80404-7", "R-R interval.standard deviation (Heart rate variability)"),
    "weight": ("29463-7", "Body weight"),
}

# fibrolog unit -> (UCUM code, human unit); scores and counts use UCUM annotations.
UCUM_UNITS = {
    "0-10": ("{score}", "score"),
    "0-3": ("{score}", "score"),
    "": ("{score}", "score"),
    "h": ("h", "h"),
    "min": ("min", "min"),
    "cups": ("{cups}", "cups"),
    "steps": ("/d", "steps/day"),
    "bpm": ("/min", "beats/min"),
    "ms": ("ms", "ms"),
    "hPa": ("hPa", "hPa"),
    "°C": ("Cel", "°C"),
    "kg": ("kg", "kg"),
    "mg": ("mg", "mg"),
    "%": ("%", "%"),
    "IU": ("[iU]", "IU"),
    "sessions": ("{sessions}", "sessions"),
}

# Which observation category a metric goes in (default: survey, a self-report).
ACTIVITY = {"steps", "sleep_hours", "exertion"}
VITAL = {"resting_heart_rate", "hrv", "weight"}

# Treatment kinds that are medication statements; exercise, therapy and lifestyle are not.
MEDICATION_KINDS = {"medication", "supplement"}


def unit(text: str) -> dict[str, str]:
    """Return a Quantity's unit fields for a fibrolog unit (UCUM where known)."""
    if text in UCUM_UNITS:
        code, shown = UCUM_UNITS[text]
        return {"unit": shown, "system": UCUM, "code": code}
    return {"unit": text}


def category(metric_key: str) -> str:
    """Return the observation category code for a metric."""
    if metric_key in VITAL:
        return "vital-signs"
    if metric_key in ACTIVITY:
        return "activity"
    return "survey"
