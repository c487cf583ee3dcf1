"""Forms to design a self-experiment, change its plan once started, and record what happened."""

from __future__ import annotations

from django import forms

from fibrolog.analysis.trial_bounds import (
    FAST_BASELINE,
    MCID,
    PAIRS,
    PERIOD,
    SLOW_BASELINE,
    TREATMENT_DAYS,
    WASHOUT,
    WITHDRAWAL,
)
from fibrolog.catalogue import HIGHER, LOWER, METRICS, SYMPTOM, TREATMENTS
from fibrolog.experiments.models import Experiment

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
OUTCOMES = [(m.key, m.name) for m in METRICS if m.kind == SYMPTOM and m.worse in (HIGHER, LOWER)]
SECONDARY = [c for c in OUTCOMES if c[0] in ("fatigue", "fog", "sleep_quality", "mood")]


class _Dated(forms.Form):
    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today


class DesignForm(_Dated):
    tested_key = forms.ChoiceField(
        label="What do you want to test?",
        required=False,
        choices=[("", "Choose from the list...")] + [(t.key, t.name) for t in TREATMENTS],
    )
    tested = forms.CharField(
        label="Or describe it",
        required=False,
        max_length=80,
        help_text="For example: no caffeine after noon, a heat pad at night, a pacing rule.",
    )
    comparison = forms.CharField(
        label="Compared with",
        max_length=80,
        initial="Nothing (usual care)",
        help_text="What you do on the other days: nothing, your usual routine, or another option.",
    )
    primary = forms.ChoiceField(label="Main outcome", choices=OUTCOMES, initial="pain")
    secondary = forms.MultipleChoiceField(
        label="Also look at",
        required=False,
        choices=SECONDARY,
        widget=forms.CheckboxSelectMultiple,
    )
    design = forms.ChoiceField(
        label="Kind of trial", choices=Experiment.DESIGNS, initial="fast", widget=forms.RadioSelect
    )
    start = forms.DateField(label="First day", widget=DATE)
    pairs = forms.IntegerField(
        label="Pairs of periods (fast)",
        min_value=PAIRS.low,
        max_value=PAIRS.high,
        initial=PAIRS.default,
        help_text=f"Each pair is one period on each option, in a random order. At least "
        f"{PAIRS.low}.",
    )
    period = forms.IntegerField(
        label="Days per period (fast)",
        min_value=PERIOD.low,
        max_value=PERIOD.high,
        initial=PERIOD.default,
    )
    washout = forms.IntegerField(
        label="Washout days after each switch (fast)",
        min_value=WASHOUT.low,
        max_value=WASHOUT.high,
        initial=WASHOUT.default,
        help_text="Days left out of the analysis while the last option wears off.",
    )
    baseline = forms.IntegerField(
        label="Baseline days",
        required=False,
        min_value=FAST_BASELINE.low,
        max_value=SLOW_BASELINE.high,
        help_text=f"Empty: {FAST_BASELINE.default} days for a fast trial, "
        f"{SLOW_BASELINE.default} for a slow one.",
    )
    treatment_days = forms.IntegerField(
        label="Days on treatment (slow)",
        min_value=TREATMENT_DAYS.low,
        max_value=TREATMENT_DAYS.high,
        initial=TREATMENT_DAYS.default,
    )
    withdrawal = forms.IntegerField(
        label="Days back off it at the end (slow, optional)",
        min_value=0,
        max_value=WITHDRAWAL.high,
        initial=WITHDRAWAL.default,
        help_text=f"0, or {WITHDRAWAL.text()} days: stopping again shows whether the change "
        "follows it.",
    )
    mcid = forms.FloatField(
        label="Smallest change that matters to you",
        min_value=MCID.low,
        max_value=MCID.high,
        initial=MCID.default,
        help_text="In points of the main outcome (0-10). 1 point is the usual meaningful change.",
    )

    def clean_start(self):
        value = self.cleaned_data["start"]
        if value < self.today:
            raise forms.ValidationError("The first day cannot be in the past.")
        return value

    def clean(self):
        data = super().clean()
        if not data.get("tested_key") and not (data.get("tested") or "").strip():
            self.add_error("tested", "Choose from the list or describe what you want to test.")
        return data

    def fields_for_model(self) -> dict:
        """Return the experiment's fields from the cleaned data."""
        data = self.cleaned_data
        names = {t.key: t.name for t in TREATMENTS}
        params = {k: data[k] for k in ("pairs", "period", "washout", "treatment_days")}
        params["withdrawal"] = data["withdrawal"]
        params["baseline"] = data["baseline"]
        if data["design"] == "slow":
            params = {k: params[k] for k in ("baseline", "treatment_days", "withdrawal")}
        else:
            params = {k: params[k] for k in ("baseline", "pairs", "period", "washout")}
        return {
            "tested": (data["tested"] or "").strip() or names.get(data["tested_key"], ""),
            "tested_key": data["tested_key"],
            "comparison": data["comparison"].strip(),
            "primary": data["primary"],
            "secondary": [s for s in data["secondary"] if s != data["primary"]],
            "design": data["design"],
            "params": {k: v for k, v in params.items() if v is not None},
            "mcid": data["mcid"],
            "start": data["start"],
        }

    @staticmethod
    def initial_for(exp: Experiment) -> dict:
        return {
            "tested_key": exp.tested_key,
            "tested": "" if exp.tested_key else exp.tested,
            "comparison": exp.comparison,
            "primary": exp.primary,
            "secondary": exp.secondary,
            "design": exp.design,
            "start": exp.start,
            "mcid": exp.mcid,
            **exp.params,
        }


class ChangeForm(forms.Form):
    """What may change once started: length, meaningful change, secondary outcomes."""

    pairs = forms.IntegerField(
        label="Pairs of periods", min_value=PAIRS.low, max_value=PAIRS.high, required=False
    )
    treatment_days = forms.IntegerField(
        label="Days on treatment",
        min_value=TREATMENT_DAYS.low,
        max_value=TREATMENT_DAYS.high,
        required=False,
    )
    withdrawal = forms.IntegerField(
        label="Withdrawal days", min_value=0, max_value=WITHDRAWAL.high, required=False
    )
    mcid = forms.FloatField(
        label="Smallest change that matters", min_value=MCID.low, max_value=MCID.high
    )
    secondary = forms.MultipleChoiceField(
        label="Also look at", required=False, choices=SECONDARY, widget=forms.CheckboxSelectMultiple
    )
    reason = forms.CharField(
        label="Why change it?",
        max_length=200,
        help_text="Shown with the result: changes after the start are deviations.",
    )

    def changes(self, exp: Experiment) -> dict:
        data = self.cleaned_data
        keep = ("pairs",) if exp.design == "fast" else ("treatment_days", "withdrawal")
        out = {k: data[k] for k in keep if data.get(k) is not None}
        out["mcid"] = data["mcid"]
        out["secondary"] = [s for s in data["secondary"] if s != exp.primary]
        return out


class NoteForm(_Dated):
    day = forms.DateField(label="Day", widget=DATE)
    text = forms.CharField(
        label="What happened?",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="A missed switch, an extra dose, an illness, a new medicine...",
    )

    def clean_day(self):
        value = self.cleaned_data["day"]
        if value > self.today:
            raise forms.ValidationError("That day is in the future.")
        return value


class StopForm(_Dated):
    text = forms.CharField(label="Why stop? (optional)", max_length=500, required=False)
