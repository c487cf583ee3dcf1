"""Give a new account the diary's starter tags."""

from __future__ import annotations

from typing import Any

from fibrolog.catalogue import DEFAULT_TAGS
from fibrolog.diary.models import Tag


def add_starter_tags(sender: Any, user: Any, **kwargs: Any) -> None:
    """Create the catalogue's starter tags for `user` (an `account_created` receiver)."""
    Tag.objects.bulk_create([Tag(user=user, name=name) for name in DEFAULT_TAGS])
