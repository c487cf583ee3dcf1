"""bench/server_load.py's server side: a database, `fibrolog serve`, CPU, what was stored."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from tests import postgres
from tests.server_env import SERVER, clean_env

PUBLIC_HOST = "diary.example.org"
TICKS = os.sysconf("SC_CLK_TCK")


def postgres_available() -> bool:
    try:
        postgres.binary("initdb")
    except RuntimeError:
        return False
    return True


def start_postgres() -> Path:
    return postgres.start()


def stop_postgres(folder: Path) -> None:
    postgres.stop(folder)


def environment(data: Path, cluster: Path | None) -> dict[str, str]:
    """Return the server's environment: server mode on PostgreSQL, the laptop mode on SQLite."""
    if cluster is None:
        return clean_env(data)
    return clean_env(data, DATABASE_URL=postgres.database_url(cluster), **SERVER)


def request_headers(env: dict[str, str], port: int) -> dict[str, str]:
    """Return what a browser behind the HTTPS proxy would send (server mode), or plain HTTP's."""
    if "FIBROLOG_PUBLIC_URL" not in env:
        return {"Host": f"127.0.0.1:{port}"}
    return {"Host": PUBLIC_HOST, "X-Forwarded-Proto": "https", "Origin": f"https://{PUBLIC_HOST}"}


def _python(env: dict[str, str], code: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        env={**env, "DJANGO_SETTINGS_MODULE": "fibrolog.settings"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    return done.stdout


CREATE = """
import sys, django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from fibrolog.accounts.services import create_account
password, names = sys.argv[1], sys.argv[2:]
for name in names:
    create_account(name, None)
get_user_model().objects.filter(username__in=names).update(password=make_password(password))
"""


def create_people(env: dict[str, str], names: list[str], password: str) -> None:
    """Create the database's tables and the people (one passphrase hash for all: quick)."""
    _python(env, CREATE, password, *names)


STORED = """
import json, django
django.setup()
from fibrolog.diary.models import DailyValue, Note
values = DailyValue.objects.filter(user__username__startswith="load", metric__key="pain")
notes = Note.objects.filter(user__username__startswith="load")
pairs = {
    "values": values.values_list("user__username", "day", "value"),
    "notes": notes.values_list("user__username", "day", "text"),
}
print(json.dumps({k: [[u, d.isoformat(), x] for u, d, x in rows] for k, rows in pairs.items()}))
"""


def stored_days(env: dict[str, str]) -> dict[str, dict[tuple[str, str], object]]:
    """Return the pain values and notes of every load person, by (person, day)."""
    found = json.loads(_python(env, STORED))
    return {part: {(u, d): x for u, d, x in found[part]} for part in ("values", "notes")}


def check_acks(acks, stored) -> tuple[int, int]:
    """Return how many acknowledged check-ins are missing or wrong, and half-written days."""
    values, notes = stored["values"], stored["notes"]
    lost = sum(
        values.get((a.person, a.day.isoformat())) != a.pain
        or notes.get((a.person, a.day.isoformat())) != a.note
        for a in acks
    )
    return lost, len(set(values) ^ set(notes))  # a day with a value but no note, or the reverse


def own_cpu() -> float:
    """Return this process's CPU seconds (all its threads)."""
    times = os.times()
    return times.user + times.system


def tree_cpu(root: int) -> float:
    """Return the CPU seconds of process `root` and everything under it (from /proc)."""
    parents: dict[int, int] = {}
    spent: dict[int, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        spent[pid] = sum(int(x) for x in fields[11:15]) / TICKS  # own and reaped children's
    total = 0.0
    for pid, cpu in spent.items():
        walk = pid
        while walk not in (0, 1, root) and walk in parents:
            walk = parents[walk]
        total += cpu if walk == root else 0.0
    return total


def _workers(root: int) -> list[int]:
    """Return the pids of `fibrolog worker` processes started by process `root`."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().split(b"\0")
            parent = int((cmdline.parent / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if parent == root and b"worker" in args:
            found.append(int(cmdline.parent.name))
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Serving:
    """`fibrolog serve` with its defaults (server mode on PostgreSQL) and its worker."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env, self.port = env, _free_port()
        self.process: subprocess.Popen[str] | None = None
        self.how = ""

    def __enter__(self) -> Serving:
        command = [sys.executable, "-m", "fibrolog", "serve", "--port", str(self.port)]
        self.process = subprocess.Popen(
            command, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        assert self.process.stdout is not None
        self.how = self.process.stdout.readline().strip().partition("(")[2].split(";")[0]
        headers = request_headers(self.env, self.port)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("fibrolog serve stopped while starting")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                conn.request("GET", "/healthz", headers=headers)
                if conn.getresponse().status == 200:  # the web answers and the worker beats
                    return self
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError("fibrolog serve did not become healthy in 120 s")

    def cpu(self, cluster: Path | None) -> tuple[float, float, float]:
        """Return CPU seconds so far of the web, of the job worker, and of PostgreSQL."""
        assert self.process is not None
        database = 0.0
        if cluster is not None:
            postmaster = int((cluster / "data" / "postmaster.pid").read_text().split()[0])
            database = tree_cpu(postmaster)
        worker = sum(tree_cpu(pid) for pid in _workers(self.process.pid))
        return tree_cpu(self.process.pid) - worker, worker, database

    def __exit__(self, *exc: object) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
