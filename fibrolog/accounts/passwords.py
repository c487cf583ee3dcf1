"""A password validator Django lacks: the user name must not be inside the passphrase."""

from __future__ import annotations

from django.core.exceptions import ValidationError


class NameInsideValidator:
    """Refuse a passphrase that contains the user name (alicealice1 for alice)."""

    def validate(self, password: str, user=None) -> None:
        name = (getattr(user, "username", "") or "").strip().lower()
        if len(name) >= 3 and name in password.lower():
            raise ValidationError(
                "This passphrase contains your user name; choose words nobody could guess.",
                code="password_contains_username",
            )

    def get_help_text(self) -> str:
        return "Your passphrase cannot contain your user name."
