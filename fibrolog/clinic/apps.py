from django.apps import AppConfig


class ClinicConfig(AppConfig):
    name = "fibrolog.clinic"
    label = "clinic"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from fibrolog.clinic.panels import register_panels
        from fibrolog.clinic.receivers import keep_verdict
        from fibrolog.experiments.models import Experiment

        post_save.connect(keep_verdict, sender=Experiment, dispatch_uid="clinic-verdict")
        register_panels()
