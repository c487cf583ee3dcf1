"""The three ways a reminder travels: Web Push, an ntfy topic, an e-mail.

HTTP goes through a poster (url, body, headers) -> status code that tests replace with a
recorder, as the weather importer's fetcher; e-mail goes through Django's mail settings.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import SimpleNamespace

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string

Poster = Callable[[str, bytes, Mapping[str, str]], int]


class SendError(RuntimeError):
    """A reminder that could not be delivered, with a short reason."""


class Gone(SendError):
    """The push address no longer exists (the browser unsubscribed): forget it."""


@dataclass(frozen=True)
class Message:
    title: str
    body: str
    url: str


def urllib_poster(url: str, body: bytes, headers: Mapping[str, str]) -> int:
    """POST `body` to `url` and return the HTTP status (errors included)."""
    request = urllib.request.Request(url, data=body, headers=dict(headers), method="POST")
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except (urllib.error.URLError, TimeoutError) as exc:
        raise SendError(f"could not reach {url.split('/')[2]}: {exc}") from None


def configured_poster() -> Poster:
    """Return the poster named by settings.REMINDER_POSTER (a dotted path)."""
    return import_string(settings.REMINDER_POSTER)


def send_ntfy(topic_url: str, message: Message, poster: Poster) -> None:
    """Publish the reminder to an ntfy topic (a plain HTTP POST)."""
    headers = {"Title": message.title, "Tags": "calendar", "Content-Type": "text/plain"}
    if message.url.startswith("http"):
        headers["Click"] = message.url
    status = poster(topic_url, message.body.encode(), headers)
    if status >= 300:
        raise SendError(f"ntfy answered {status}")


def send_email(address: str, message: Message) -> None:
    """Send the reminder by e-mail through Django's mail settings."""
    text = message.body + (f"\n\n{message.url}" if message.url.startswith("http") else "")
    try:
        send_mail(message.title, text, None, [address])
    except OSError as exc:
        raise SendError(f"e-mail could not be sent: {exc}") from None


class _Session:
    """The one method of requests.Session that pywebpush calls, over a poster."""

    def __init__(self, poster: Poster):
        self.poster = poster

    def post(self, url: str, data: bytes | None = None, headers=None, timeout=None, **_):
        status = self.poster(url, data or b"", {k: str(v) for k, v in (headers or {}).items()})
        return SimpleNamespace(status_code=status, reason="", text="", headers={})


def send_webpush(
    subscription: Mapping[str, object], message: Message, poster: Poster, vapid
) -> None:
    """Encrypt the reminder for one browser and hand it to its push service, signed with VAPID."""
    from pywebpush import WebPushException, webpush

    data = json.dumps({"title": message.title, "body": message.body, "url": message.url})
    claims = {"sub": settings.FIBROLOG_PUSH_CONTACT}
    try:
        webpush(
            dict(subscription),
            data,
            vapid_private_key=vapid,
            vapid_claims=claims,
            ttl=12 * 3600,
            requests_session=_Session(poster),
        )
    except WebPushException as exc:
        status = getattr(exc.response, "status_code", None)
        if status in (404, 410):
            raise Gone("the browser no longer takes notifications") from None
        raise SendError(f"push service answered {status}") from None
