"""PostgreSQL stopped and started again under a running server: a calm 503, then it carries on.

A cluster of its own (the suite's shared one is never stopped), `fibrolog serve` in server mode
with its worker, and two sessions saving a check-in after another while the database goes away
and comes back. Afterwards every acknowledged save is in the database, and no day is
half-written (a value without its note): a day is saved in one transaction.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import date

import pytest

from bench._load_client import Person, Tally
from tests import postgres
from tests.server_env import SERVER, clean_env, fibrolog

PASSWORD = "lavender window quietly"
HEADERS = {"Host": "diary.example.org", "X-Forwarded-Proto": "https"}
FORM_HEADERS = {**HEADERS, "Origin": "https://diary.example.org"}

try:
    postgres.binary("initdb")
    HAVE_POSTGRES = True
except RuntimeError:
    HAVE_POSTGRES = False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _health(port: int) -> int:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", "/healthz", headers=HEADERS)
        return conn.getresponse().status
    except OSError:
        return 0


def _wait_healthy(port: int, server: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while _health(port) != 200:
        assert server.poll() is None, "fibrolog serve stopped"
        assert time.monotonic() < deadline, "not healthy in time"
        time.sleep(0.5)


def _save(person: Person, day: date, pain: int, note: str):
    form = {
        "csrfmiddlewaretoken": person.token,
        "day": day.isoformat(),
        "m_pain": str(pain),
        "o_pain": "",
        "note": note,
        "o_note": "",
        "o_tags": "",
    }
    return person.request("POST", "/checkin/", form)


def _stored(folder) -> tuple[dict, dict]:
    import psycopg

    with psycopg.connect(host=str(folder), user=postgres.USER, dbname=postgres.DATABASE) as db:
        values = db.execute(
            "SELECT v.day, v.value FROM diary_dailyvalue v"
            " JOIN diary_metric m ON m.id = v.metric_id WHERE m.key = 'pain'"
        ).fetchall()
        notes = db.execute("SELECT day, text FROM diary_note").fetchall()
    return dict(values), dict(notes)


@pytest.fixture
def cluster():
    folder = postgres.start()
    yield folder
    postgres.stop(folder)


@pytest.mark.skipif(not HAVE_POSTGRES, reason="needs PostgreSQL's programs (make system-deps)")
def test_a_restarted_database_costs_a_503_and_loses_nothing(cluster, tmp_path):
    env = clean_env(tmp_path, DATABASE_URL=postgres.database_url(cluster), **SERVER)
    made = fibrolog(env, "user", "create", "maya", "--password-stdin", stdin=PASSWORD + "\n")
    assert made.returncode == 0, made.stderr
    port, log = _free_port(), tmp_path / "server.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "fibrolog", "serve", "--processes", "1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    try:
        _wait_healthy(port, server, 120)
        people = [Person("maya", PASSWORD, port, FORM_HEADERS) for _ in range(3)]
        for person in people:
            assert person.login(Tally())
            assert person.request("GET", "/today/")[0] == 200
        tally, stop = Tally(), threading.Event()

        def keep_saving(person: Person) -> None:
            while not stop.is_set():  # each save goes to a day of its own, further back
                person.cycle(tally, date.today())
                time.sleep(0.05)

        people[1].saves = 1000  # the two savers' days never overlap
        savers = [threading.Thread(target=keep_saving, args=(p,)) for p in people[:2]]
        watcher, yesterday = people[2], date.fromordinal(date.today().toordinal() - 1)
        for thread in savers:
            thread.start()
        time.sleep(2)
        postgres.pause(cluster)
        status, body = _save(watcher, yesterday, 6, "while the database is away")
        page = body.decode()
        assert status == 503
        assert "The database is not answering." in page
        assert "Nothing you typed was saved" in page and "try again in a minute" in page.lower()
        assert "Traceback" not in page and "Server Error" not in page
        assert watcher.request("GET", "/today/")[0] == 503  # reading says so too
        time.sleep(1)
        postgres.resume(cluster)
        status, _ = _save(watcher, yesterday, 7, "after the restart")
        assert status == 302  # the first request after the restart works: no server restart
        time.sleep(2)
        stop.set()
        for thread in savers:
            thread.join(60)
        _wait_healthy(port, server, 60)  # the worker is back too
        assert server.poll() is None
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(40)
        except subprocess.TimeoutExpired:
            server.kill()
    said = log.read_text()
    assert "Database trouble (not answering)" in said
    assert "Traceback" not in said  # one line per refused request, not a traceback
    answered = {s.status for s in tally.samples}
    assert 503 in answered and 302 in answered, answered  # saves before, during and after
    assert answered <= {200, 302, 503}, answered  # never a 500 or a dropped connection
    values, notes = _stored(cluster)
    for ack in tally.acks:
        assert values.get(ack.day) == ack.pain and notes.get(ack.day) == ack.note, ack
    assert values[yesterday] == 7 and notes[yesterday] == "after the restart"
    assert set(values) == set(notes)  # no day half-written
    assert os.environ.get(postgres.HOST_VAR) != str(cluster)  # the suite's cluster untouched
