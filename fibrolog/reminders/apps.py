from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "fibrolog.reminders"
    label = "reminders"
