from django.apps import AppConfig


class TreatmentsConfig(AppConfig):
    name = "fibrolog.treatments"
    label = "treatments"
