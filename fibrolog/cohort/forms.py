"""The clinic's "run the pooled analysis" form: a catalogue treatment and a 0-10 symptom."""

from __future__ import annotations

from django import forms

from fibrolog.catalogue.treatments import TREATMENTS
from fibrolog.diary.services.frame import DEFAULT_OUTCOMES

OUTCOME_NAMES = {
    "pain": "Pain",
    "fatigue": "Fatigue",
    "fog": "Fibro fog",
    "sleep_quality": "Sleep quality",
    "mood": "Mood",
    "anxiety": "Anxiety",
}
SLOW = {t.key: t.onset == "slow" for t in TREATMENTS}


class RunForm(forms.Form):
    treatment = forms.ChoiceField(choices=[(t.key, t.name) for t in TREATMENTS])
    outcome = forms.ChoiceField(
        label="Symptom", choices=[(o, OUTCOME_NAMES.get(o, o)) for o in DEFAULT_OUTCOMES]
    )

    def slow(self) -> bool:
        """Return whether the chosen treatment acts over weeks (the catalogue's onset)."""
        return SLOW.get(self.cleaned_data["treatment"], True)
