"""The person's share form: a clinician from the list or a clinician's code, what, how long."""

from __future__ import annotations

from django import forms

from fibrolog.sharing.models import DEFAULT_DAYS, PARTS
from fibrolog.sharing.services.words import display_name


class ShareForm(forms.Form):
    clinician = forms.TypedChoiceField(
        coerce=int, required=False, empty_value=None, label="A clinician on this server"
    )
    code = forms.CharField(
        required=False,
        max_length=20,
        label="Or the code your clinician gave you",
        help_text="8 letters and digits, like ABCD-2345.",
    )
    parts = forms.MultipleChoiceField(
        choices=list(PARTS.items()),
        widget=forms.CheckboxSelectMultiple,
        initial=list(PARTS),
        label="What they may see",
        error_messages={"required": "Tick at least one thing to share."},
    )
    days = forms.IntegerField(
        min_value=1,
        max_value=3660,
        initial=DEFAULT_DAYS,
        label="For how many days",
        help_text="You can stop sharing at any time.",
    )

    def __init__(self, *args, clinicians=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "Choose a clinician")] + [(c.pk, display_name(c)) for c in clinicians]
        self.fields["clinician"].choices = choices

    def clean(self) -> dict:
        data = super().clean()
        if bool(data.get("clinician")) == bool(data.get("code", "").strip()):
            raise forms.ValidationError("Choose a clinician from the list, or type their code.")
        return data
