"""Forms for set-up and preferences."""

from __future__ import annotations

from django import forms

from fibrolog.accounts.models import Profile
from fibrolog.lib.days import is_zone


class SetupForm(forms.Form):
    username = forms.CharField(label="Your name (to log in)", max_length=150)
    password = forms.CharField(
        label="Passphrase",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 12 characters; a few words you will remember works well.",
    )


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["timezone", "day_start_hour", "theme", "body_map_on_checkin"]
        labels = {
            "timezone": "Time zone",
            "day_start_hour": "My day starts at (hour, 0-12)",
            "body_map_on_checkin": "Show the body map on my daily check-in",
        }
        help_texts = {
            "timezone": "For example Europe/London or America/New_York.",
            "day_start_hour": "Entries made before this hour count for the day before. "
            "Default 4: logging at 1 am still counts for the evening.",
        }
        widgets = {
            "theme": forms.RadioSelect,
            "timezone": forms.TextInput(attrs={"list": "zones", "autocomplete": "off"}),
        }

    def clean_timezone(self) -> str:
        name = self.cleaned_data["timezone"].strip()
        if not is_zone(name):
            raise forms.ValidationError(f"{name!r} is not a time zone name, e.g. Europe/London.")
        return name
