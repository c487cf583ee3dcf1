"""Create accounts, find whose data a command works on; invitations, sessions, lockout, 2FA."""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from fibrolog.accounts.models import ROLES, Profile
from fibrolog.accounts.signals import account_created


class AccountError(ValueError):
    """A person-readable reason an account could not be created or found."""


@transaction.atomic
def create_account(username: str, password: str | None, role: str = "person") -> object:
    """Create an account (a person unless told otherwise); None gives an unusable password.

    Sends `account_created`, so apps above (the diary's starter tags) add what they keep.
    """
    User = get_user_model()
    username = username.strip()
    if role not in dict(ROLES):
        raise AccountError(f"Role: {role!r} is not one of {', '.join(dict(ROLES))}.")
    if not username:
        raise AccountError("Name: please give a user name.")
    if User.objects.filter(username__iexact=username).exists():
        raise AccountError(f"Name: an account called {username!r} already exists.")
    user = User(username=username)
    if password is None:
        user.set_unusable_password()
    else:
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise AccountError("Password: " + " ".join(exc.messages)) from None
        user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    Profile.objects.create(user=user, role=role)
    account_created.send(sender=Profile, user=user)
    return user


def ensure_profile(user) -> Profile:
    """Return the person's profile, creating it with defaults the first time.

    The profile stays on the user object (Django's one-to-one cache), so a request that asks
    for it from several places reads it once. Change it through this object, not with
    `Profile.objects.filter(...).update(...)`, or a user object already in hand keeps the old one.
    """
    try:
        cached = user.profile
    except Profile.DoesNotExist:
        cached = None
    if cached is not None and cached.pk is not None:  # not an unsaved Profile(user=user)
        return cached
    profile, _ = Profile.objects.get_or_create(user=user)
    user.profile = profile
    return profile


def today_for(user) -> date:
    """Return the person's diary day now (see `Profile.today`)."""
    return ensure_profile(user).today()


def resolve_user(name: str | None):
    """Return the named account, or the only one when no name is given; else raise AccountError."""
    User = get_user_model()
    if name:
        user = User.objects.filter(username__iexact=name).first()
        if user is None:
            raise AccountError(f"No account called {name!r}. Create it with: fibrolog user create")
        return user
    users = list(User.objects.order_by("id")[:2])
    if not users:
        raise AccountError("There is no account yet. Create one with: fibrolog user create NAME")
    if len(users) > 1:
        raise AccountError("There are several accounts: say which with --user NAME")
    return users[0]


def set_password(user, password: str) -> None:
    """Validate and set a new passphrase."""
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise AccountError("Password: " + " ".join(exc.messages)) from None
    user.set_password(password)
    user.save(update_fields=["password"])
