"""Maya is reminded at 20:00 in London by ntfy, Sam at noon in Los Angeles by e-mail; none twice."""

from __future__ import annotations

import base64
import json
import os
from datetime import UTC, date, datetime, time

import http_ece
import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.core import mail

from fibrolog.accounts.services import ensure_profile
from fibrolog.cli import main
from fibrolog.diary.services.checkin import DayChanges, save_day
from fibrolog.reminders.models import PushSubscription, Reminder, ReminderSent
from fibrolog.reminders.services import save_subscription, send_due
from fibrolog.reminders.services.vapid import public_key

pytestmark = pytest.mark.django_db
AT = datetime(2026, 12, 4, 20, 0, tzinfo=UTC)


class Recorder:
    """Stands in for the network: keeps every POST and answers with a chosen status."""

    def __init__(self, status: int = 201):
        self.status, self.posts = status, []

    def __call__(self, url: str, body: bytes, headers) -> int:
        self.posts.append((url, body, {k.lower(): v for k, v in headers.items()}))
        return self.status


def _remind(user, zone: str, at: time, channel: str, **where) -> None:
    profile = ensure_profile(user)
    profile.timezone = zone
    profile.save()
    Reminder.objects.create(user=user, channel=channel, at=at, **where)


@pytest.fixture
def people(maya, sam, django_user_model):
    _remind(maya, "Europe/London", time(20, 0), "ntfy", ntfy_url="https://ntfy.example/maya-x7")
    _remind(sam, "America/Los_Angeles", time(12, 0), "email", email="sam@example.org")
    quiet = django_user_model.objects.create_user("quiet")
    _remind(quiet, "Europe/London", time(20, 0), "off")
    return maya, sam


def _due(at: str) -> list[dict]:
    result = CliRunner().invoke(main, ["reminders", "due", "--at", at, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_it_lists_who_is_due_and_how_without_sending(people):
    listed = _due("2026-12-04T20:00:00Z")
    assert [(d["user"], d["channel"]) for d in listed] == [("maya", "ntfy"), ("sam", "email")]
    assert listed[1]["local_time"] == "12:00" and listed[1]["zone"] == "America/Los_Angeles"
    assert not ReminderSent.objects.exists() and mail.outbox == []
    assert _due("2026-12-04T20:30:00Z") == []


def test_it_skips_someone_who_has_already_checked_in(people):
    maya, _ = people
    save_day(maya, date(2026, 12, 4), DayChanges(values={"pain": 5}))
    assert [d["user"] for d in _due("2026-12-04T20:00:00Z")] == ["sam"]


def test_it_sends_each_reminder_once_by_its_channel(people):
    network = Recorder()
    outcomes = send_due(AT, poster=network)
    assert [(o.due.user, o.ok) for o in outcomes] == [("maya", True), ("sam", True)]
    [(url, body, headers)] = network.posts
    assert url == "https://ntfy.example/maya-x7" and headers["title"] == "Time for your check-in"
    assert body.startswith(b"How was today?")
    [email] = mail.outbox
    assert email.to == ["sam@example.org"] and "check-in" in email.subject
    assert send_due(AT, poster=network) == []  # a second sender at the same moment: nothing
    assert len(network.posts) == 1 and len(mail.outbox) == 1


def test_it_records_a_failed_send_and_does_not_retry(people):
    outcomes = send_due(AT, poster=Recorder(status=500))
    first = outcomes[0]
    assert (first.due.user, first.ok, first.error) == ("maya", False, "ntfy answered 500")
    assert ReminderSent.objects.get(user__username="maya").error == "ntfy answered 500"
    assert send_due(AT, poster=Recorder()) == []


def _browser_keys() -> tuple[ec.EllipticCurvePrivateKey, bytes, dict]:
    private = ec.generate_private_key(ec.SECP256R1())
    public = private.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    auth = os.urandom(16)

    def b64(raw: bytes) -> str:
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    info = {
        "endpoint": "https://push.example/send/abc",
        "keys": {"p256dh": b64(public), "auth": b64(auth)},
    }
    return private, auth, info


def test_it_sends_a_push_only_the_subscribed_browser_can_read(maya):
    _remind(maya, "Europe/London", time(20, 0), "webpush")
    private, auth, info = _browser_keys()
    save_subscription(maya, info)
    network = Recorder()
    [outcome] = send_due(AT, poster=network)
    assert outcome.ok
    [(url, body, headers)] = network.posts
    assert url == info["endpoint"] and headers["content-encoding"] == "aes128gcm"
    assert headers["authorization"].startswith("vapid t=")
    assert f"k={public_key()}" in headers["authorization"]
    plain = http_ece.decrypt(body, private_key=private, auth_secret=auth, version="aes128gcm")
    assert json.loads(plain)["title"] == "Time for your check-in"


def test_it_forgets_a_browser_that_turned_notifications_off(maya):
    _remind(maya, "Europe/London", time(20, 0), "webpush")
    save_subscription(maya, _browser_keys()[2])
    [outcome] = send_due(AT, poster=Recorder(status=410))
    assert not outcome.ok and not PushSubscription.objects.exists()


def test_it_keeps_a_subscription_from_the_reminders_page(maya_client, maya):
    info = _browser_keys()[2]
    response = maya_client.post("/reminders/subscribe/", info, content_type="application/json")
    assert response.status_code == 200 and PushSubscription.objects.get().user == maya
    bad = {**info, "endpoint": "http://push.example/plain"}
    assert (
        maya_client.post("/reminders/subscribe/", bad, content_type="application/json").status_code
        == 400
    )


def test_it_saves_the_reminder_settings(maya_client, maya):
    page = maya_client.get("/reminders/").content.decode()
    assert f'data-push-key="{public_key()}"' in page
    response = maya_client.post("/reminders/", {"channel": "ntfy", "at": "21:15", "ntfy_url": ""})
    assert response.status_code == 400
    response = maya_client.post(
        "/reminders/", {"channel": "ntfy", "at": "21:15", "ntfy_url": "https://ntfy.sh/maya-x7"}
    )
    assert response.status_code == 302
    saved = Reminder.objects.get(user=maya)
    assert (saved.channel, saved.at, saved.ntfy_url) == (
        "ntfy",
        time(21, 15),
        "https://ntfy.sh/maya-x7",
    )
