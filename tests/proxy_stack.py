"""Caddy in front of `fibrolog serve` and `fibrolog worker`, as deploy/ sets them up, on loopback.

Everything lives in one temporary folder: Caddy's data (its own local CA) and config, the
fibrolog data directory, the secret key file, the backups. The database is a SQLite file there,
or with FIBROLOG_TEST_DB=postgres a fresh database in the suite's throwaway cluster. Nothing
listens beyond 127.0.0.1 and nothing reaches the network: Caddy signs its own certificates.
"""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import ssl
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from tests import deploy, postgres
from tests.server_env import STRONG_KEY, clean_env

PASSPHRASE = "lavender window quietly"
READY_SECONDS = 120


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def caddy_or_reason() -> tuple[str | None, str]:
    """Return Caddy's path, or None and what to do about it."""
    found = shutil.which("caddy")
    return found, "caddy is not installed: run `make system-deps` (Debian package caddy)"


@dataclass
class Stack:
    """The running processes and where they answer."""

    folder: Path
    https_port: int = field(default_factory=free_port)
    http_port: int = field(default_factory=free_port)
    upstream_port: int = field(default_factory=free_port)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    database: str = ""

    @property
    def url(self) -> str:
        return f"https://localhost:{self.https_port}"

    @property
    def root_ca(self) -> Path:
        """Caddy's local root certificate (written when Caddy starts)."""
        return self.folder / "xdg-data" / "caddy" / "pki" / "authorities" / "local" / "root.crt"

    def paths(self) -> dict[str, str]:
        """Return the deploy/ placeholders and what they become here (ports and paths only)."""
        return {
            deploy.EXE: deploy.RUN_HERE,
            deploy.SITE: f"localhost:{self.https_port}",
            deploy.UPSTREAM: f"127.0.0.1:{self.upstream_port}",
            "--port 8000": f"--port {self.upstream_port}",
            deploy.SECRET_KEY_FILE: str(self.folder / "etc" / "secret_key"),
            deploy.DATA_DIR: str(self.folder / "data"),
            deploy.BACKUPS: str(self.folder / "backups"),
        }

    def env(self) -> dict[str, str]:
        """The environment of the units: deploy/fibrolog.env with this machine's paths."""
        used = {k: v for k, v in self.paths().items() if k in deploy.text("fibrolog.env")}
        variables = deploy.environment(deploy.render("fibrolog.env", used))
        variables["DATABASE_URL"] = self.database
        return clean_env(Path(variables["FIBROLOG_DATA_DIR"]), **variables)

    def unit(self, name: str) -> str:
        used = {k: v for k, v in self.paths().items() if k in deploy.text(name)}
        return deploy.render(name, used)

    def run_unit(self, name: str) -> list[subprocess.CompletedProcess[str]]:
        """Run a oneshot unit's commands in order (ExecStartPre, ExecStart, ExecStartPost)."""
        keys = ("ExecStartPre", "ExecStart", "ExecStartPost")
        return [_run(command, self.env()) for command in deploy.commands(self.unit(name), *keys)]


def _run(command: list[str], env: dict[str, str], stdin: str | None = None):
    done = subprocess.run(
        command, env=env, cwd=deploy.ROOT, input=stdin, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, f"{command}: {done.stderr}"
    return done


def _database(folder: Path) -> str:
    if not postgres.ON_POSTGRES:
        return f"sqlite:///{folder / 'data' / 'fibrolog.sqlite3'}"
    cluster, name = postgres.cluster(), f"proxy_{os.getpid()}"
    subprocess.run(
        [postgres.binary("createdb"), "-h", str(cluster), "-U", postgres.USER, name],
        check=True,
        capture_output=True,
    )
    return postgres.database_url(cluster, name)


def start(folder: Path, caddy: str) -> Stack:
    """Set up and start Caddy, the web and the worker; return when HTTPS answers."""
    stack = Stack(folder)
    (folder / "etc").mkdir(mode=0o700)
    (folder / "backups").mkdir(mode=0o700)
    key = folder / "etc" / "secret_key"
    key.write_text(STRONG_KEY + "\n")
    key.chmod(0o600)
    stack.database = _database(folder)
    try:
        env = stack.env()
        web = stack.unit("fibrolog-web.service")
        (migrate,) = deploy.commands(web, "ExecStartPre")
        _run(migrate, env)
        create = [*deploy.RUN_HERE.split(), "user", "create", "maya", "--password-stdin"]
        _run(create, env, stdin=PASSPHRASE + "\n")
        (serve,) = deploy.commands(web, "ExecStart")
        (work,) = deploy.commands(stack.unit("fibrolog-worker.service"), "ExecStart")
        for name, command in (("web", serve), ("worker", work)):
            stack.processes[name] = _spawn(command, env, folder / f"{name}.log")
        caddyfile = folder / "Caddyfile"
        caddyfile.write_text(_global_options(stack) + stack.unit("Caddyfile"))
        caddy_env = {
            **os.environ,
            "HOME": str(folder / "caddy-home"),
            "XDG_DATA_HOME": str(folder / "xdg-data"),
            "XDG_CONFIG_HOME": str(folder / "xdg-config"),
        }
        stack.processes["caddy"] = _spawn(
            [caddy, "run", "--config", str(caddyfile), "--adapter", "caddyfile"],
            caddy_env,
            folder / "caddy.log",
        )
        _wait_until_served(stack)
    except BaseException:
        stop(stack)
        raise
    return stack


def _global_options(stack: Stack) -> str:
    """Caddy's test-only options: its own CA, trusted nowhere, loopback ports, no admin API."""
    return (
        "{\n"
        "\tadmin off\n"
        "\tlocal_certs\n"
        "\tskip_install_trust\n"
        "\tdefault_bind 127.0.0.1\n"
        f"\thttp_port {stack.http_port}\n"
        f"\thttps_port {stack.https_port}\n"
        "}\n\n"
    )


def _spawn(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(
            command, env=env, cwd=deploy.ROOT, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped with all its children
        )  # fmt: skip


def https_get(stack: Stack, path: str) -> tuple[int, dict[str, str], bytes]:
    """GET through Caddy, trusting only Caddy's root certificate."""
    context = ssl.create_default_context(cafile=str(stack.root_ca))
    try:
        with urllib.request.urlopen(f"{stack.url}{path}", context=context, timeout=10) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def https_post(stack: Stack, path: str, form: dict[str, str], headers: dict[str, str]) -> int:
    """POST a form through Caddy (not following a redirect); return the status."""
    context = ssl.create_default_context(cafile=str(stack.root_ca))
    connection = http.client.HTTPSConnection("localhost", stack.https_port, context=context)
    body = urllib.parse.urlencode(form)
    kind = {"Content-Type": "application/x-www-form-urlencoded"}
    try:
        connection.request("POST", path, body=body, headers={**kind, **headers})
        return connection.getresponse().status
    finally:
        connection.close()


def _wait_until_served(stack: Stack) -> None:
    deadline, last = time.monotonic() + READY_SECONDS, "nothing yet"
    while time.monotonic() < deadline:
        for name, process in stack.processes.items():
            if process.poll() is not None:
                log = (stack.folder / f"{name}.log").read_text(errors="replace")
                raise AssertionError(f"{name} exited with {process.returncode}:\n{log[-3000:]}")
        if stack.root_ca.exists():
            try:
                status, _headers, _body = https_get(stack, "/login/")
                if status == 200:
                    return
                last = f"HTTP {status}"  # 502 from Caddy until fibrolog listens
            except (OSError, ssl.SSLError) as exc:
                last = str(exc)
        time.sleep(0.3)
    raise AssertionError(f"no answer through Caddy within {READY_SECONDS} s: {last}")


def stop(stack: Stack) -> list[int]:
    """Stop every process group the stack started; return the ids of any left alive."""
    for process in stack.processes.values():
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in stack.processes.values():
        try:
            process.wait(timeout=45)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    time.sleep(0.5)
    left = [pid for pid in _members(stack) if Path(f"/proc/{pid}").exists()]
    if postgres.ON_POSTGRES and stack.database:
        name = stack.database.rsplit("/", 1)[1]
        dropdb = [postgres.binary("dropdb"), "-h", str(postgres.cluster()), "-U", postgres.USER]
        subprocess.run([*dropdb, "--if-exists", name], capture_output=True)
    return left


def _members(stack: Stack) -> list[int]:
    """Return every live process in the stack's process groups."""
    groups = {process.pid for process in stack.processes.values()}
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) in groups and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found
