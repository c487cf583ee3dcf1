from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "fibrolog.reports"
    label = "reports"
