"""django-axes' lockout check as the first authentication backend, for web requests only."""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """Refuse a locked-out account name on a login page; checks without a request pass through.

    Only the web has an address to count; `authenticate()` called without a request (the
    command line, tests) is never exposed to guessing, so axes has nothing to say about it.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
