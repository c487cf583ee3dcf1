from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "fibrolog.archive"
    label = "archive"
