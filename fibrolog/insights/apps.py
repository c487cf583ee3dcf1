from datetime import time

from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "fibrolog.insights"
    label = "insights"

    def ready(self) -> None:
        from fibrolog.diary.signals import day_saved
        from fibrolog.insights.receivers import refit_after_save
        from fibrolog.insights.tasks import refit_everyone
        from fibrolog.jobs.services import daily

        day_saved.connect(refit_after_save, dispatch_uid="insights-refit")
        daily("nightly-refits", refit_everyone, at=time(3, 0))  # everyone's "today" moved on
