"""Pages of accounts: log in (with two-factor), sign up, your account, and account management."""

from __future__ import annotations

from fibrolog.accounts.views.account import account, password, sessions, two_factor
from fibrolog.accounts.views.login import login, login_code, logout, signup
from fibrolog.accounts.views.manage import accounts_list, invitations, revoke, unlock

__all__ = [
    "account",
    "accounts_list",
    "invitations",
    "login",
    "login_code",
    "logout",
    "password",
    "revoke",
    "sessions",
    "signup",
    "two_factor",
    "unlock",
]
