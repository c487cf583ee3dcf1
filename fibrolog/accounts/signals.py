"""Announcements from accounts that higher apps subscribe to in their `apps.py`."""

from __future__ import annotations

from django.dispatch import Signal

# Sent with `user` once a new account and its profile exist, inside the same transaction;
# the diary gives the account its starter tags.
account_created = Signal()
