"""The main navigation: a few places always shown, the rest behind "More" on a phone."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from fibrolog.accounts.access import role_of

MAIN = (("today", "Today"), ("timeline", "Timeline"), ("insights", "Insights"))
MORE = (
    ("treatments", "Treatments"),
    ("experiments", "Experiments"),
    ("questionnaires", "Questionnaires"),
    ("settings", "Settings"),
)


def _links(request: HttpRequest, names) -> list[tuple[str, str, bool]]:
    links = []
    for name, label in names:
        try:
            url = reverse(name)
        except NoReverseMatch:  # an app that is not installed
            continue
        current = request.path == url or (
            url != "/" and request.path.startswith(url) and name not in ("today",)
        )
        links.append((url, label, current))
    return links


# Accounts without a diary get their own few places, and no link to a diary page.
NOT_A_PERSON = {
    "admin": (("manage_accounts", "Accounts"), ("manage_invitations", "Invitations")),
    # Names of apps not installed are skipped (see _links).
    "clinician": (
        ("clinic_dashboard", "Your people"),
        ("cohort_results", "Pooled results"),
        ("api_tokens", "API tokens"),
        ("clinician_code", "Sharing codes"),
    ),
}


def navigation(request: HttpRequest) -> dict[str, object]:
    """Return the navigation links for the logged-in pages."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    role = role_of(user)
    if role in NOT_A_PERSON:
        main = (*NOT_A_PERSON[role], ("account", "Account"))
        return {"main_nav": _links(request, main), "more_nav": []}
    return {"main_nav": _links(request, MAIN), "more_nav": _links(request, MORE)}
