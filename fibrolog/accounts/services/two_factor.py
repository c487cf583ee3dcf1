"""Two-factor log-in with an authenticator app (TOTP) and ten one-time recovery codes."""

from __future__ import annotations

import hashlib
import hmac
import secrets

import segno
from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from fibrolog.accounts.models import PERSON
from fibrolog.lib.env import server_mode

RECOVERY_CODES = 10
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread


def required(user) -> bool:
    """Return True when this account must use two-factor: clinicians and admins on a server."""
    if not server_mode():
        return False
    profile = getattr(user, "profile", None)
    return profile is not None and profile.role != PERSON


def has_two_factor(user) -> bool:
    """Return True when the account has a confirmed authenticator."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user) -> TOTPDevice:
    """Return the unconfirmed authenticator being set up, making one the first time."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


def qr_svg(uri: str) -> str:
    """Return the otpauth address as an inline SVG QR code (no image file, no script)."""
    return segno.make(uri, error="m").svg_inline(scale=4, border=2, dark="#000", light="#fff")


def _digest(code: str) -> str:
    """Return what is stored for a recovery code: a keyed hash, never the code itself."""
    normal = code.strip().lower().replace("-", "").replace(" ", "")
    key = settings.SECRET_KEY.encode("utf-8")
    return hmac.new(key, normal.encode("utf-8"), hashlib.sha256).hexdigest()[:16]


def _new_code() -> str:
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(16))  # 16 x log2(31) = 79 bits
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Replace the account's recovery codes with ten new ones and return them (shown once)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [_new_code() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=_digest(c)) for c in codes)
    return codes


@transaction.atomic
def confirm(user, code: str) -> list[str] | None:
    """Confirm the authenticator being set up with a code from it; return the recovery codes."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    if device is None or not device.verify_token(code.strip().replace(" ", "")):
        return None
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(user)


def verify(user, code: str):
    """Return the device that accepts this code (authenticator or unused recovery code), or None.

    A recovery code works once. Both kinds slow down after failures (django-otp's throttling).
    """
    code = code.strip()
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if isinstance(device, TOTPDevice):
                token = code.replace(" ", "")
                if token.isdigit() and device.verify_token(token):
                    return device
            elif (
                isinstance(device, StaticDevice)
                and not code.replace(" ", "").isdigit()
                and device.verify_token(_digest(code))
            ):
                return device
    return None


@transaction.atomic
def turn_off(user) -> None:
    """Remove the authenticator and the recovery codes."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def recovery_codes_left(user) -> int:
    """Return how many recovery codes are still unused."""
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
