from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "fibrolog.sharing"
    label = "sharing"
