"""`fibrolog share` and `fibrolog audit` from a terminal: the exact contract and clear errors."""

from __future__ import annotations

import json
from datetime import datetime

from click.testing import CliRunner
from django.db import connection

from fibrolog.audit.models import AuditEntry
from fibrolog.audit.services import record
from fibrolog.cli import main
from fibrolog.sharing.services import active_share, can_see


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_it_shares_everything_for_180_days_by_default(maya, dr_chen):
    result = run("share", "maya", "--with", "drchen")
    assert result.exit_code == 0, result.output
    assert "drchen can see maya's report, diary, questionnaires and insights until" in result.output
    made = active_share(maya, dr_chen)
    assert made.parts == ["report", "diary", "questionnaires", "insights"]
    assert (made.expires_at - made.created_at).days == 180
    assert AuditEntry.objects.get(subject=maya, action="share").address == "command line"


def test_it_shares_some_parts_for_some_days_and_revokes(maya, dr_chen):
    result = run("share", "maya", "--with", "drchen", "--days", "30", "--what", "report,diary")
    assert result.exit_code == 0, result.output
    assert can_see(dr_chen, maya, "diary") and not can_see(dr_chen, maya, "insights")
    result = run("share", "maya", "--revoke", "drchen")
    assert result.exit_code == 0 and "drchen can no longer see maya's data" in result.output
    assert not can_see(dr_chen, maya, "report")
    again = run("share", "maya", "--revoke", "drchen")
    assert again.exit_code == 0 and "nothing to stop" in again.output


def test_it_names_what_is_wrong(maya, sam, dr_chen):
    for args, message in (
        (["maya", "--with", "nobody"], "No account called 'nobody'"),
        (["nobody", "--with", "drchen"], "No account called 'nobody'"),
        (["maya", "--with", "sam"], "sam is not a clinician"),
        (["drchen", "--with", "drchen"], "drchen does not keep a diary"),
        (["maya", "--with", "drchen", "--what", "report,dreams"], "unknown part 'dreams'"),
        (["maya", "--with", "drchen", "--days", "0"], "at least 1 day (not 0)"),
        (["maya", "--with", "drchen", "--days", "-3"], "at least 1 day (not -3)"),
        (["maya"], "either --with CLINICIAN or --revoke CLINICIAN"),
    ):
        result = run("share", *args)
        assert result.exit_code != 0, args
        assert message in result.output, (args, result.output)
    assert active_share(maya, dr_chen) is None


def test_it_prints_a_persons_trail_as_json(maya, dr_chen):
    run("share", "maya", "--with", "drchen", "--what", "diary")
    record(dr_chen, "view", "diary", subject=maya, address="192.0.2.8")
    result = run("audit", "maya", "--json")
    assert result.exit_code == 0, result.output
    trail = json.loads(result.output)
    assert [t["action"] for t in trail] == ["view", "share"]
    newest = trail[0]
    assert newest["who"] == "drchen" and newest["what"] == "diary"
    assert newest["address"] == "192.0.2.8" and newest["role"] == "clinician"
    assert datetime.fromisoformat(newest["when"]).tzinfo is not None
    plain = run("audit", "maya")
    assert "drchen (clinician) looked at diary from 192.0.2.8" in plain.output


def test_it_verifies_the_chains_and_names_the_first_broken_entry(maya, dr_chen):
    for what in ("diary", "report"):
        record(dr_chen, "view", what, subject=maya)
    intact = run("audit", "verify")
    assert intact.exit_code == 0 and "intact: 2 entries checked" in intact.output
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {AuditEntry._meta.db_table} SET address = %s WHERE what = %s",
            ["10.0.0.1", "diary"],
        )
    broken = run("audit", "verify")
    assert broken.exit_code == 1
    assert f"person:{maya.pk} entry 1: was changed after it was written" in broken.output


def test_it_says_when_the_person_is_unknown(db):
    result = run("audit", "nobody", "--json")
    assert result.exit_code == 1 and "No account called 'nobody'" in result.output
