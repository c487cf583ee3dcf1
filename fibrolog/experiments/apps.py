from django.apps import AppConfig


class ExperimentsConfig(AppConfig):
    name = "fibrolog.experiments"
    label = "experiments"
