"""Forms for set-up, sign-up, preferences, two-factor codes and invitations."""

from __future__ import annotations

from zoneinfo import available_timezones

from django import forms

from fibrolog.accounts.models import PERSON, ROLES, Profile
from fibrolog.lib.days import is_zone, local_zone_name

ZONES = sorted(available_timezones() - {"localtime", "Factory"})


class SetupForm(forms.Form):
    username = forms.CharField(label="Your name (to log in)", max_length=150)
    password = forms.CharField(
        label="Passphrase",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 12 characters; a few words you will remember works well.",
    )
    timezone = forms.ChoiceField(
        label="Your time zone",
        required=False,
        choices=[(z, z) for z in ZONES],
        initial=local_zone_name,
        help_text="Days are filed by this zone's midnight. This browser's zone is picked for you.",
        widget=forms.Select(attrs={"data-browser-zone": ""}),
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


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=24,
        help_text="The 6 digits your authenticator app shows, or one of your recovery codes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )


class InvitationForm(forms.Form):
    LIFETIMES = [("1d", "1 day"), ("7d", "7 days"), ("30d", "30 days")]

    role = forms.ChoiceField(choices=ROLES, initial=PERSON, widget=forms.RadioSelect)
    expires = forms.ChoiceField(label="Valid for", choices=LIFETIMES, initial="7d")
