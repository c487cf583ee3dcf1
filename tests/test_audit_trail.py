"""The audit trail: logins, exports, the person's page, tamper evidence, concurrent appends."""

from __future__ import annotations

import threading

import pytest
from django.db import close_old_connections, connection
from django.test import Client

from fibrolog.audit.models import SYSTEM, AuditEntry
from fibrolog.audit.services import chain_of, check, entries_for, record
from fibrolog.sharing.services import share
from tests.conftest import PASSPHRASE


def test_it_records_logins_and_failed_logins(maya):
    Client().post(
        "/login/",
        {"username": "maya", "password": "wrong " + PASSPHRASE},
        REMOTE_ADDR="203.0.113.9",
    )
    Client().post(
        "/login/", {"username": "maya", "password": PASSPHRASE}, REMOTE_ADDR="203.0.113.9"
    )
    Client().post(
        "/login/", {"username": "nobody", "password": PASSPHRASE}, REMOTE_ADDR="198.51.100.4"
    )
    mine = [(e.action, e.actor_name, e.address) for e in entries_for(maya)]
    assert mine[:2] == [("login", "maya", "203.0.113.9"), ("login failed", "", "203.0.113.9")]
    stranger = AuditEntry.objects.get(chain=SYSTEM)
    assert stranger.action == "login failed" and "'nobody'" in stranger.what
    assert stranger.address == "198.51.100.4" and stranger.subject is None


def test_it_records_each_export(maya_client, maya):
    assert maya_client.get("/data/export/json/").status_code == 200
    assert maya_client.get("/data/export/csv/").status_code == 200
    exports = [e.what for e in entries_for(maya).filter(action="export")]
    assert exports == ["all data (csv)", "all data (json)"]


def test_it_shows_the_person_who_looked_newest_first(maya_client, maya, dr_chen):
    share(maya, dr_chen, ["diary"], 30, address="192.0.2.1")
    record(dr_chen, "view", "diary", subject=maya, address="192.0.2.44")
    page = maya_client.get("/audit/").content.decode()
    assert page.index("drchen") < page.index("you</strong>")
    assert '<strong>drchen</strong> <span class="muted">(clinician)</span>' in page
    assert "looked at diary" in page and "from 192.0.2.44" in page
    assert "Your record is whole" in page


def test_it_pages_a_long_trail(maya_client, maya, dr_chen):
    for n in range(60):
        record(dr_chen, "view", f"diary page {n}", subject=maya)
    first = maya_client.get("/audit/").content.decode()
    assert "diary page 59" in first and "diary page 0<" not in first and "Older" in first
    second = maya_client.get("/audit/?page=2").content.decode()
    assert "diary page 0" in second and "Newer" in second


def test_it_shows_no_one_elses_trail(maya, sam_client, dr_chen):
    record(dr_chen, "view", "maya-only-entry", subject=maya)
    assert "maya-only-entry" not in sam_client.get("/audit/").content.decode()


def test_it_names_an_entry_edited_with_raw_sql(maya_client, maya, dr_chen):
    for what in ("diary", "report", "insights"):
        record(dr_chen, "view", what, subject=maya)
    assert check().intact
    table = AuditEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET what = %s WHERE chain = %s AND what = %s",
            ["nothing", chain_of(maya), "report"],
        )
    seq = AuditEntry.objects.get(what="nothing").seq
    problems = check().problems
    assert [str(p) for p in problems] == [
        f"person:{maya.pk} entry {seq}: was changed after it was written"
    ]
    page = maya_client.get("/audit/").content.decode()
    assert "Your record has been changed" in page and f"Entry {seq} was changed" in page


def test_it_names_a_deleted_entry(maya, dr_chen):
    for what in ("diary", "report", "insights"):
        record(dr_chen, "view", what, subject=maya)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {AuditEntry._meta.db_table} WHERE what = %s", ["report"])
    [problem, link] = check().problems
    assert problem.reason == f"expected entry {problem.seq - 1}"
    assert link.reason == "does not follow the entry before"


def test_it_refuses_to_change_an_entry_through_the_model(maya, dr_chen):
    entry = record(dr_chen, "view", "diary", subject=maya)
    entry.what = "nothing"
    with pytest.raises(PermissionError):
        entry.save()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("first", [True, False], ids=["empty-chain", "chain-with-entries"])
def test_it_keeps_every_chain_whole_when_threads_append_at_once(first):
    """Eight threads, each with its own database connection, append to one chain at once."""
    from fibrolog.accounts.services import create_account

    person = create_account("maya", PASSPHRASE)
    clinician = create_account("drchen", PASSPHRASE + " clinic", role="clinician")
    if not first:
        record(clinician, "view", "before", subject=person)
    before = AuditEntry.objects.filter(subject=person).count()
    threads, per_thread, errors = 8, 6, []
    start = threading.Barrier(threads)

    def append(n: int) -> None:
        try:
            start.wait()
            for i in range(per_thread):
                record(clinician, "view", f"thread {n} look {i}", subject=person)
                record(None, "login failed", f"thread {n} try {i}", subject=None)
        except Exception as exc:
            errors.append(repr(exc))
        finally:
            close_old_connections()
            connection.close()

    workers = [threading.Thread(target=append, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    mine = AuditEntry.objects.filter(subject=person)
    assert mine.count() == before + threads * per_thread
    assert sorted(mine.values_list("seq", flat=True)) == list(range(1, mine.count() + 1))
    assert AuditEntry.objects.filter(chain=SYSTEM).count() == threads * per_thread
    assert check().intact, check().problems


@pytest.mark.django_db(transaction=True)
def test_it_keeps_chains_whole_when_bulk_and_single_appends_meet():
    """The clinic dashboard's bulk append and single appends, from six threads at once."""
    from fibrolog.accounts.services import create_account
    from fibrolog.audit.services import record_each

    people = [create_account(f"person{n}", PASSPHRASE + f" {n}") for n in range(3)]
    clinician = create_account("drchen", PASSPHRASE + " clinic", role="clinician")
    errors: list[str] = []
    start = threading.Barrier(6)

    def append(n: int) -> None:
        try:
            start.wait()
            for i in range(5):
                if n % 2:
                    record_each(clinician, "view", {p: f"dashboard {n}.{i}" for p in people})
                else:
                    record(clinician, "view", f"single {n}.{i}", subject=people[i % 3])
        except Exception as exc:
            errors.append(repr(exc))
        finally:
            connection.close()

    workers = [threading.Thread(target=append, args=(n,)) for n in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    views = AuditEntry.objects.filter(action="view")
    assert views.count() == 3 * 5 * 3 + 3 * 5
    assert check().intact, check().problems
