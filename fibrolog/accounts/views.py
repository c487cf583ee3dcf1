"""Log in and log out (Django's own views, with fibrolog's template)."""

from __future__ import annotations

from django.contrib.auth import views as auth_views

login = auth_views.LoginView.as_view(
    template_name="accounts/login.html", redirect_authenticated_user=True
)


class LogoutView(auth_views.LogoutView):
    """Log out, and tell the browser to forget what it keeps for this site (offline check-ins)."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"storage"'
        return response


logout = LogoutView.as_view()
