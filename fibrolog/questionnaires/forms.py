"""The reminder schedule form: every N days, on or off, per questionnaire."""

from __future__ import annotations

from django import forms

from fibrolog import instruments
from fibrolog.questionnaires.models import Schedule


class ScheduleForm(forms.Form):
    def __init__(self, *args, schedules: dict[str, Schedule], **kwargs):
        super().__init__(*args, **kwargs)
        self.schedules = schedules
        for name, plan in schedules.items():
            title = instruments.get(name).title
            self.fields[f"on_{name}"] = forms.BooleanField(
                label=f"Remind me of {title}", required=False, initial=plan.enabled
            )
            self.fields[f"every_{name}"] = forms.IntegerField(
                label=f"{title}: every how many days",
                min_value=1,
                max_value=365,
                initial=plan.every_days,
            )

    def rows(self):
        return [(self[f"on_{n}"], self[f"every_{n}"]) for n in self.schedules]

    def save(self, user) -> None:
        for name in self.schedules:
            Schedule.objects.update_or_create(
                user=user,
                instrument=name,
                defaults={
                    "enabled": self.cleaned_data[f"on_{name}"],
                    "every_days": self.cleaned_data[f"every_{name}"],
                },
            )
