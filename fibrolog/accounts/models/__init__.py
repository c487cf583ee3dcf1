"""Accounts: the profile (role, preferences), invitations to sign up, and signed-in sessions."""

from __future__ import annotations

from fibrolog.accounts.models.invitation import Invitation
from fibrolog.accounts.models.profile import (
    ADMIN,
    CLINICIAN,
    PERSON,
    ROLES,
    Profile,
    default_checkin,
)
from fibrolog.accounts.models.session import UserSession

__all__ = [
    "ADMIN",
    "CLINICIAN",
    "PERSON",
    "ROLES",
    "Invitation",
    "Profile",
    "UserSession",
    "default_checkin",
]
