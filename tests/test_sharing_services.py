"""Sharing as services: by a clinician's code (once, for a week), in plain words, audited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from fibrolog.audit.services import entries_for
from fibrolog.sharing.models import PARTS, ClinicianCode
from fibrolog.sharing.services import (
    SharingError,
    can_see,
    clinicians,
    history,
    new_code,
    redeem,
    revoke,
    share,
    share_by_code,
)
from fibrolog.sharing.services.words import sentence


def test_it_shares_by_code_once_and_keeps_only_a_hash(maya, sam, dr_chen):
    made, code = new_code(dr_chen)
    assert len(code) == 9 and code[4] == "-"
    assert code.replace("-", "") not in made.code_hash
    got = share_by_code(maya, code.lower().replace("-", " "), ["report", "diary"], 90)
    assert got.clinician == dr_chen and got.parts == ["report", "diary"]
    assert can_see(dr_chen, maya, "diary") and not can_see(dr_chen, maya, "insights")
    with pytest.raises(SharingError, match="used already"):
        share_by_code(sam, code, ["report"], 90)
    assert not can_see(dr_chen, sam, "report")


def test_it_refuses_an_expired_a_wrong_or_a_malformed_code(maya, dr_chen):
    made, code = new_code(dr_chen)
    ClinicianCode.objects.filter(pk=made.pk).update(expires_at=timezone.now() - timedelta(1))
    with pytest.raises(SharingError, match="expired"):
        redeem(code, maya)
    with pytest.raises(SharingError, match="no clinician has that code"):
        redeem("ABCD-2345", maya)
    with pytest.raises(SharingError, match="8 letters"):
        redeem("ABC", maya)


def test_it_keeps_the_code_unused_when_the_share_is_refused(maya, dr_chen):
    made, code = new_code(dr_chen)
    with pytest.raises(SharingError, match="unknown part"):
        share_by_code(maya, code, ["everything"], 90)
    made.refresh_from_db()
    assert made.used_at is None
    assert share_by_code(maya, code, list(PARTS), 30).clinician == dr_chen


def test_it_makes_codes_only_for_clinicians(maya):
    with pytest.raises(SharingError, match="not a clinician"):
        new_code(maya)


def test_it_says_a_share_in_plain_words(maya, dr_chen):
    dr_chen.first_name, dr_chen.last_name = "Dr", "Chen"
    dr_chen.save()
    made = share(maya, dr_chen, ["report", "diary"], 10)
    day = timezone.localtime(made.expires_at)
    assert sentence(made) == (f"Dr Chen can see your report and diary until {day.day} {day:%B %Y}")
    revoke(maya, dr_chen)
    made.refresh_from_db()
    assert "until you stopped sharing on" in sentence(made)
    assert history(maya) == [made]


def test_it_writes_sharing_and_revoking_in_the_persons_trail(maya, dr_chen):
    share(maya, dr_chen, ["report"], 30, address="192.0.2.7")
    assert revoke(maya, dr_chen) == 1
    assert revoke(maya, dr_chen) == 0  # nothing in force: nothing more recorded
    actions = [(e.action, e.actor_name, e.address) for e in entries_for(maya)]
    assert actions[:2] == [("revoke", "maya", ""), ("share", "maya", "192.0.2.7")]
    assert "report with drchen until" in entries_for(maya)[1].what


def test_it_lists_the_clinicians_on_this_server(maya, dr_chen, ada):
    assert clinicians() == [dr_chen]


def test_it_refuses_a_share_for_less_than_a_day(maya, dr_chen):
    with pytest.raises(SharingError, match="at least 1 day"):
        share(maya, dr_chen, ["report"], 0)
