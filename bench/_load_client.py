"""The load generator of bench/server_load.py: one thread and one keep-alive connection per person.

Each person logs in, then every ~10 s (jittered) opens today's check-in, saves a check-in of a
past day (a day of its own for every save, so each acknowledged write is one row to find later)
with a pain value and a note, and opens the timeline. Plain `http.client` on loopback: light
enough that the server, not the generator, is what is measured (its CPU is reported).
"""

from __future__ import annotations

import http.client
import random
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlencode

TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
STALE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)
FIRST_DAY_BACK = 3  # the k-th save goes to today - 3 - k: always a past day, whatever the zone


@dataclass(frozen=True)
class Sample:
    """One request: its kind, when it started (monotonic s), how long it took (ms), and if ok."""

    kind: str
    at: float
    ms: float
    ok: bool
    status: int


@dataclass(frozen=True)
class Ack:
    """A check-in the server acknowledged (302): it must be in the database afterwards."""

    person: str
    day: date
    pain: int
    note: str


@dataclass
class Tally:
    """What all the people saw; filled from many threads."""

    samples: list[Sample] = field(default_factory=list)
    acks: list[Ack] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, sample: Sample, ack: Ack | None = None) -> None:
        with self.lock:
            self.samples.append(sample)
            if ack is not None:
                self.acks.append(ack)


class Person:
    """One logged-in person with her own connection and cookies."""

    def __init__(self, name: str, password: str, port: int, headers: dict[str, str]) -> None:
        self.name, self.password, self.port = name, password, port
        self.headers = headers  # Host, X-Forwarded-Proto, Origin in server mode
        self.cookies: dict[str, str] = {}
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.token = ""
        self.saves = 0
        self.reconnects = 0

    def request(self, method: str, path: str, form: dict[str, str] | None = None):
        """Send one request on the kept-alive connection; return (status, body)."""
        headers = dict(self.headers)
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            response, data = self._send(method, path, body, headers)
        except STALE:
            # The server closed the idle kept-alive connection (gunicorn keeps one for 2 s) before
            # reading this request: send it again on a new one, as a browser does.
            self.conn.close()
            self.reconnects += 1
            response, data = self._send(method, path, body, headers)
        for cookie in response.headers.get_all("Set-Cookie") or ():
            name, _, rest = cookie.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        found = TOKEN.search(data)
        if found:
            self.token = found.group(1).decode()
        return response.status, data

    def _send(self, method: str, path: str, body: str | None, headers: dict[str, str]):
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            return response, response.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()  # a new connection next time
            raise

    def timed(self, tally: Tally, kind: str, method: str, path: str, form=None, want=200):
        """Make a request and record it; return its status (0 when the connection failed)."""
        started = time.monotonic()
        try:
            status, _ = self.request(method, path, form)
        except (OSError, http.client.HTTPException):
            status = 0
        ms = (time.monotonic() - started) * 1000
        tally.add(Sample(kind, started, ms, status == want, status))
        return status

    def login(self, tally: Tally) -> bool:
        self.request("GET", "/login/")
        form = {"username": self.name, "password": self.password}
        form["csrfmiddlewaretoken"] = self.token
        return self.timed(tally, "login", "POST", "/login/", form, want=302) == 302

    def cycle(self, tally: Tally, today: date) -> None:
        """Open today's check-in, save one day, open the timeline."""
        self.timed(tally, "page: today", "GET", "/today/")
        day = today - timedelta(days=FIRST_DAY_BACK + self.saves)
        pain, note = (self.saves * 7 + len(self.name)) % 11, f"load {self.name} {self.saves}"
        form = {
            "csrfmiddlewaretoken": self.token,
            "day": day.isoformat(),
            "m_pain": str(pain),
            "o_pain": "",
            "note": note,
            "o_note": "",
            "o_tags": "",
        }
        self.saves += 1
        started = time.monotonic()
        try:
            status, _ = self.request("POST", "/checkin/", form)
        except (OSError, http.client.HTTPException):
            status = 0
        ms = (time.monotonic() - started) * 1000
        ack = Ack(self.name, day, pain, note) if status == 302 else None
        tally.add(Sample("check-in", started, ms, status == 302, status), ack)
        self.timed(tally, "page: timeline", "GET", "/timeline/")


def run_people(
    people: list[Person],
    tally: Tally,
    seconds: float,
    period: float,
    logins_at_once: int,
    on_start: Callable[[], None],
) -> float:
    """Log everyone in (a few at a time), call `on_start`, run their cycles for `seconds`.

    Return when the cycles started (monotonic seconds).
    """
    gate = threading.Semaphore(logins_at_once)  # each login hashes a passphrase (Argon2)
    logged_in = threading.Barrier(len(people) + 1)
    go = threading.Event()
    start: list[float] = []

    def live(person: Person, seed: int) -> None:
        rng = random.Random(seed)
        with gate:
            ok = person.login(tally)
        logged_in.wait()
        go.wait()
        if not ok:
            return
        began = start[0]
        when = began + rng.uniform(0, period)  # spread the people over the first period
        while when < began + seconds:
            delay = when - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            person.cycle(tally, date.today())
            when += period * rng.uniform(0.8, 1.2)

    threads = [
        threading.Thread(target=live, args=(p, i), daemon=True) for i, p in enumerate(people)
    ]
    for thread in threads:
        thread.start()
    logged_in.wait()
    on_start()  # e.g. read the CPU counters: the logins' hashing is not part of the steady load
    start.append(time.monotonic())
    go.set()
    for thread in threads:
        thread.join(seconds + 120)
    return start[0]
