from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "fibrolog.accounts"
    label = "accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_logged_out

        from fibrolog.accounts.services import sessions

        def logged_in(sender, request, user, **kwargs) -> None:
            sessions.record(request, user)

        def logged_out(sender, request, user, **kwargs) -> None:
            sessions.forget(request.session.session_key)

        user_logged_in.connect(
            logged_in, weak=False, dispatch_uid="fibrolog.accounts.sessions.record"
        )
        user_logged_out.connect(
            logged_out, weak=False, dispatch_uid="fibrolog.accounts.sessions.forget"
        )
