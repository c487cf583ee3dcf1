"""The clinic's forms: filters, a visit, a questionnaire request, a proposed self-experiment."""

from __future__ import annotations

from django import forms

from fibrolog import instruments
from fibrolog.analysis.trial_bounds import PAIRS, PERIOD, TREATMENT_DAYS, WASHOUT, WITHDRAWAL
from fibrolog.clinic.services.requests import EVERY
from fibrolog.experiments.forms import OUTCOMES
from fibrolog.experiments.models import Experiment
from fibrolog.questionnaires.services import DEFAULT_EVERY, OFFERED

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class FilterForm(forms.Form):
    flag = forms.BooleanField(label="Item 9 flag only", required=False)
    worse = forms.BooleanField(label="Worsening only", required=False)
    q = forms.CharField(label="Name", required=False, max_length=150)


class VisitForm(forms.Form):
    day = forms.DateField(label="Visit date", widget=DATE)


class RequestForm(forms.Form):
    instrument = forms.ChoiceField(
        label="Questionnaire",
        choices=[(n, instruments.get(n).title) for n in OFFERED],
        initial="fiqr",
    )
    every_days = forms.IntegerField(
        label="Every (days)", min_value=EVERY[0], max_value=EVERY[1], initial=DEFAULT_EVERY["fiqr"]
    )


class ProposalForm(forms.Form):
    tested = forms.CharField(label="What to test", max_length=80)
    comparison = forms.CharField(
        label="Compared with", max_length=80, initial="Nothing (usual care)"
    )
    primary = forms.ChoiceField(label="Main outcome", choices=OUTCOMES, initial="pain")
    design = forms.ChoiceField(
        label="Kind of trial", choices=Experiment.DESIGNS, initial="fast", widget=forms.RadioSelect
    )
    pairs = forms.IntegerField(
        required=False,
        label="Pairs of periods (fast)",
        min_value=PAIRS.low,
        max_value=PAIRS.high,
        initial=PAIRS.default,
    )
    period = forms.IntegerField(
        required=False,
        label="Days per period (fast)",
        min_value=PERIOD.low,
        max_value=PERIOD.high,
        initial=PERIOD.default,
    )
    washout = forms.IntegerField(
        required=False,
        label="Washout days (fast)",
        min_value=WASHOUT.low,
        max_value=WASHOUT.high,
        initial=WASHOUT.default,
    )
    treatment_days = forms.IntegerField(
        required=False,
        label="Days on treatment (slow)",
        min_value=TREATMENT_DAYS.low,
        max_value=TREATMENT_DAYS.high,
        initial=TREATMENT_DAYS.default,
    )
    withdrawal = forms.IntegerField(
        required=False,
        label="Days back off it at the end (slow)",
        min_value=0,
        max_value=WITHDRAWAL.high,
        initial=WITHDRAWAL.default,
    )
    message = forms.CharField(label="A word for them (optional)", required=False, max_length=300)

    def proposal(self) -> dict:
        """Return the proposal's fields, with the parameters its design uses (as the designer)."""
        data = self.cleaned_data
        keys = (
            ("treatment_days", "withdrawal")
            if data["design"] == "slow"
            else ("pairs", "period", "washout")
        )
        return {
            "tested": data["tested"],
            "comparison": data["comparison"],
            "primary": data["primary"],
            "design": data["design"],
            # A field the design uses but left empty takes the designer's default.
            "params": {k: self.fields[k].initial if data[k] is None else data[k] for k in keys},
            "message": data["message"],
        }
