from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "fibrolog.insights"
    label = "insights"
