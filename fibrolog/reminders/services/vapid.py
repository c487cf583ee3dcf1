"""The server's VAPID key pair for Web Push: made once into the data directory, kept private."""

from __future__ import annotations

import base64
import os

from cryptography.hazmat.primitives import serialization
from django.conf import settings
from py_vapid import Vapid


def key_path():
    return settings.DATA_DIR / "vapid_private.pem"


def vapid() -> Vapid:
    """Return the key pair, generating and saving it (mode 0600) the first time."""
    path = key_path()
    if path.exists():
        return Vapid.from_file(str(path))
    key = Vapid()
    key.generate_keys()
    pem = key.private_pem()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it meanwhile: use theirs
        return Vapid.from_file(str(path))
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    return key


def public_key() -> str:
    """Return the public key as browsers want it (applicationServerKey: base64url, no padding)."""
    raw = vapid().public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
