"""Small typed readers of environment variables, for the one settings module."""

from __future__ import annotations

import os


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


def server_mode() -> bool:
    """Return True when fibrolog serves many people (FIBROLOG_PUBLIC_URL is set)."""
    return bool(env_str("FIBROLOG_PUBLIC_URL").strip())


def public_url() -> str:
    """Return the address people reach fibrolog at, without a trailing slash."""
    return (env_str("FIBROLOG_PUBLIC_URL").strip() or "http://127.0.0.1:8000").rstrip("/")
