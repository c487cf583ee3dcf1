"""Template context every page needs: the person's theme."""

from __future__ import annotations

from django.http import HttpRequest


def preferences(request: HttpRequest) -> dict[str, str]:
    """Return the theme to put on <html>."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        profile = getattr(user, "profile", None)
        if profile is not None:
            return {"theme": profile.theme}
    return {"theme": "auto"}
