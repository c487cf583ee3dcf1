from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "fibrolog.imports"
    label = "imports"
