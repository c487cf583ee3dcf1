"""Forms to start, change the dose of, and stop a treatment."""

from __future__ import annotations

from django import forms

from fibrolog.catalogue import TREATMENTS

DOSE = {"max_digits": 9, "decimal_places": 3, "min_value": 0}
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class _Dated(forms.Form):
    """A form whose date may not be in the future (the view passes the person's today)."""

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def _check(self, field: str):
        value = self.cleaned_data[field]
        if value > self.today:
            raise forms.ValidationError("That day is in the future.")
        return value


class StartForm(_Dated):
    key = forms.ChoiceField(
        label="Treatment",
        required=False,
        choices=[("", "Choose from the list...")] + [(t.key, t.name) for t in TREATMENTS],
    )
    name = forms.CharField(label="Or type its name", required=False, max_length=80)
    dose = forms.DecimalField(label="Dose", required=False, **DOSE)
    unit = forms.CharField(
        label="Unit",
        required=False,
        max_length=20,
        help_text="mg, IU, min ... (leave empty for the usual unit)",
    )
    start = forms.DateField(label="Started on", widget=DATE)

    def clean_start(self):
        return self._check("start")

    def clean(self):
        data = super().clean()
        if not data.get("key") and not (data.get("name") or "").strip():
            self.add_error("name", "Choose a treatment from the list or type its name.")
        return data


class DoseForm(_Dated):
    dose = forms.DecimalField(label="New dose", **DOSE)
    on = forms.DateField(label="From", widget=DATE)

    def clean_on(self):
        return self._check("on")


class StopForm(_Dated):
    on = forms.DateField(label="Last day taken", widget=DATE)

    def clean_on(self):
        return self._check("on")
