from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "fibrolog.insights"
    label = "insights"

    def ready(self) -> None:
        from fibrolog.diary.signals import day_saved
        from fibrolog.insights.receivers import refit_after_save

        day_saved.connect(refit_after_save, dispatch_uid="insights-refit")
