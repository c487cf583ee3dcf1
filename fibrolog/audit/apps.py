from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "fibrolog.audit"
    label = "audit"
