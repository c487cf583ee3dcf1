"""The report form: a period and the sections to include (notes only when ticked)."""

from __future__ import annotations

from django import forms

from fibrolog.reports.sections import SECTIONS

# A date input reads only ISO dates (yyyy-mm-dd), whatever the locale's display format.
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReportForm(forms.Form):
    start = forms.DateField(label="From", widget=DATE)
    end = forms.DateField(label="To", widget=DATE)
    sections = forms.MultipleChoiceField(
        label="Include",
        choices=[(s.key, s.label or s.title) for s in SECTIONS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    name = forms.CharField(
        label="Name to print (optional)",
        max_length=80,
        required=False,
        help_text="Left blank, the report carries no name.",
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", "The last day must be on or after the first day.")
        return data
