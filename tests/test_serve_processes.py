"""`fibrolog serve --processes 2`: gunicorn with two web processes and a job worker beside them."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

EXE = [sys.executable, "-m", "fibrolog"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


@pytest.mark.skipif(not Path("/proc").is_dir() or os.name != "posix", reason="gunicorn: Unix")
def test_it_serves_with_two_processes_and_a_worker_then_stops_them_all(tmp_path):
    env = {**os.environ, "FIBROLOG_DATA_DIR": str(tmp_path / "data")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    create = [*EXE, "user", "create", "maya", "--password-stdin"]
    subprocess.run([*EXE, "migrate"], env=env, check=True, capture_output=True)
    subprocess.run(create, env=env, input="lavender window quietly\n", text=True, check=True)
    port = _free_port()
    server = subprocess.Popen(
        [*EXE, "serve", "--processes", "2", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base, children = f"http://127.0.0.1:{port}", []
    try:
        deadline, health = time.monotonic() + 90, None
        while time.monotonic() < deadline:
            try:
                health = _get(f"{base}/healthz")
            except OSError:  # not listening yet
                health = None
            if health and health[0] == 200:
                break
            assert server.poll() is None, server.stdout.read().decode()  # type: ignore[union-attr]
            time.sleep(0.3)
        assert health is not None and health[0] == 200, health
        assert json.loads(health[1])["worker"]["running"] == 1
        assert _get(f"{base}/login/")[0] == 200
        children = _children(server.pid)
        assert len(children) == 3  # two web processes and the job worker
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=40)
        except subprocess.TimeoutExpired:
            server.kill()
            raise
    time.sleep(1)
    assert not [pid for pid in children if Path(f"/proc/{pid}").exists()]  # none left behind
    output = server.stdout.read().decode()  # type: ignore[union-attr]
    assert "2 processes, with a job worker" in output
