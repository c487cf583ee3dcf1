"""Keep the Web Push addresses a person's browsers give when they turn notifications on."""

from __future__ import annotations

from collections.abc import Mapping

from fibrolog.reminders.models import PushSubscription


def save_subscription(user, subscription: Mapping[str, object]) -> PushSubscription:
    """Store (or move to this person) one browser's push subscription; raise ValueError if bad."""
    keys = subscription.get("keys")
    endpoint = subscription.get("endpoint")
    if not isinstance(endpoint, str) or not endpoint.startswith("https://"):
        raise ValueError("a push subscription needs an https endpoint")
    if not isinstance(keys, Mapping) or not keys.get("p256dh") or not keys.get("auth"):
        raise ValueError("a push subscription needs its p256dh and auth keys")
    row, _ = PushSubscription.objects.update_or_create(
        endpoint=endpoint[:1000],
        defaults={
            "user": user,
            "p256dh": str(keys["p256dh"])[:200],
            "auth": str(keys["auth"])[:100],
        },
    )
    return row


def forget_subscription(user, endpoint: str) -> None:
    """Forget a browser's push subscription (it turned notifications off)."""
    PushSubscription.objects.filter(user=user, endpoint=endpoint).delete()
