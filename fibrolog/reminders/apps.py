from datetime import timedelta

from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "fibrolog.reminders"
    label = "reminders"

    def ready(self) -> None:
        from fibrolog.jobs.services import every
        from fibrolog.reminders.tasks import send_reminders

        every("reminders", send_reminders, interval=timedelta(minutes=1))
