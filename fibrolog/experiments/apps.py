from django.apps import AppConfig


class ExperimentsConfig(AppConfig):
    name = "fibrolog.experiments"
    label = "experiments"

    def ready(self) -> None:
        from fibrolog.diary.signals import day_saved
        from fibrolog.experiments.panels import register_panels
        from fibrolog.experiments.receivers import update_status_after_save

        day_saved.connect(update_status_after_save, dispatch_uid="experiments-status")
        register_panels()
