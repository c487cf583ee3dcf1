"""Reminders: who is due at an instant, and sending what is due (see send_due)."""

from fibrolog.reminders.services.due import due_at
from fibrolog.reminders.services.send import Outcome, send_due
from fibrolog.reminders.services.subscriptions import forget_subscription, save_subscription

__all__ = ["Outcome", "due_at", "forget_subscription", "save_subscription", "send_due"]
