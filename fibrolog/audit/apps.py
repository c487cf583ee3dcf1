from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "fibrolog.audit"
    label = "audit"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from fibrolog.audit import logins

        user_logged_in.connect(logins.logged_in, dispatch_uid="fibrolog.audit.login")
        user_login_failed.connect(logins.login_failed, dispatch_uid="fibrolog.audit.login_failed")
