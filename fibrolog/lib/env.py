"""Small typed readers of environment variables, for the one settings module."""

from __future__ import annotations

import os
from urllib.parse import urlsplit


def env_str(name: str, default: str = "") -> str:
    """Return the variable's value, or the default when unset or empty."""
    return os.environ.get(name) or default


def env_bool(name: str, default: bool = False) -> bool:
    """Return True for 1/true/yes/on, False for 0/false/no/off, else the default."""
    raw = os.environ.get(name, "").strip().lower()
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    return default


def env_list(name: str, default: list[str]) -> list[str]:
    """Return a comma-separated variable as a list of stripped items."""
    raw = os.environ.get(name, "")
    items = [item.strip() for item in raw.split(",") if item.strip()]
    return items or default


def env_float(name: str, default: float) -> float:
    """Return the variable as a positive number, or the default when unset; raise if not one."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name}: {raw!r} is not a number") from None
    if not value > 0:
        raise ValueError(f"{name}: must be above 0, got {raw}")
    return value


def env_int(name: str, default: int) -> int:
    """Return the variable as a whole number (the default when unset); raise ValueError if not."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{name}: {raw!r} is not a whole number") from None


def public_url(name: str) -> str:
    """Return the variable as an `https://host[:port]` origin, "" when unset; raise if malformed."""
    raw = os.environ.get(name, "").strip().rstrip("/")
    if not raw:
        return ""
    try:
        parts = urlsplit(raw)
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number)
    except ValueError as exc:
        raise ValueError(f"{name}: {raw!r} is not a URL ({exc})") from None
    if parts.scheme != "https":
        raise ValueError(f"{name}: {raw!r} must start with https:// (a server is reached by HTTPS)")
    if not parts.hostname or parts.path or parts.query or parts.fragment or parts.username:
        raise ValueError(f"{name}: {raw!r} must be just https://host[:port], with no path")
    return f"https://{parts.netloc.lower()}"


def server_mode() -> bool:
    """Return True when fibrolog serves many people (FIBROLOG_PUBLIC_URL is set)."""
    return bool(os.environ.get("FIBROLOG_PUBLIC_URL", "").strip())


def site_url() -> str:
    """Return the address people reach fibrolog at: the public URL, else the laptop's."""
    return public_url("FIBROLOG_PUBLIC_URL") or "http://127.0.0.1:8000"
