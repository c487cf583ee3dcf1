"""Template context every page needs: the person's theme."""

from __future__ import annotations

from django.http import HttpRequest


def preferences(request: HttpRequest) -> dict[str, str]:
    """Return the theme for <html> and the account's time zone (compared with the browser's)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        profile = getattr(user, "profile", None)
        if profile is not None:
            return {"theme": profile.theme, "account_zone": profile.timezone}
    return {"theme": "auto"}
