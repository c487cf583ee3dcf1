"""Announcements from the diary that higher apps subscribe to in their `apps.py`.

`day_saved` is sent with `user` and `day` whenever a person's diary day changes (the check-in,
`fibrolog log`); insights refit in the background and experiments bring their status up to date.
The diary never imports its listeners: that keeps the imports between apps pointing down.
"""

from __future__ import annotations

from django.dispatch import Signal

day_saved = Signal()
