"""The reminder settings form."""

from __future__ import annotations

from django import forms

from fibrolog.reminders.models import Reminder


class ReminderForm(forms.ModelForm):
    ntfy_url = forms.URLField(
        label="ntfy topic URL",
        required=False,
        max_length=300,
        assume_scheme="https",
        help_text="For example https://ntfy.sh/a-long-random-name "
        "(anyone who knows it can read it).",
    )

    class Meta:
        model = Reminder
        fields = ["channel", "at", "ntfy_url", "email"]
        labels = {
            "channel": "Remind me by",
            "at": "At (your time)",
            "email": "E-mail address",
        }
        help_texts = {
            "at": "No reminder on a day you have already checked in.",
        }
        widgets = {
            "channel": forms.RadioSelect,
            "at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def clean(self) -> dict:
        data = super().clean()
        channel = data.get("channel")
        if channel == Reminder.NTFY and not data.get("ntfy_url"):
            self.add_error("ntfy_url", "Give the ntfy topic URL to send to.")
        if channel == Reminder.EMAIL and not data.get("email"):
            self.add_error("email", "Give the e-mail address to send to.")
        return data
