"""gunicorn instances of wijkaanpak on loopback, for `make bench`, fuzzing and the kill test.

    # with the repository root on sys.path (bench is a namespace package)
    from bench.scratch import clone, drop, prepared_template   # scratch databases
    from bench.servers import start_gunicorn, stop, kill

    server = start_gunicorn(database_url, 8101, workers=2)   # waits until it answers
    ... requests to server.url ...
    kill(server)    # SIGKILL to master and workers at once, as a crash would
    stop(server)    # SIGTERM, then SIGKILL after a grace period; safe after kill()

Settings are production (bench/server_settings.py: only the rate limits are lifted), with
the environment from bench.scratch.loopback_env. Each instance runs in its own process
group, so one signal reaches the master and every worker. Its output goes to a log file
(`server.log_path`), never to a pipe that could fill up and block the server.
"""

import atexit
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from bench.scratch import ROOT, loopback_env

_static_roots: dict[str, Path] = {}


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        """Running; an exited master is left unreaped, so its group id stays reserved."""
        if self.process.returncode is not None:
            return False
        flags = os.WEXITED | os.WNOHANG | os.WNOWAIT
        return os.waitid(os.P_PID, self.pid, flags) is None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def static_root(database_url: str) -> Path:
    """Collected static files (production serves them through whitenoise's manifest).

    Collected once per process into a temporary folder; pages fail without the manifest.
    """
    settings = loopback_env(database_url)["DJANGO_SETTINGS_MODULE"]
    if settings not in _static_roots:
        root = Path(tempfile.mkdtemp(prefix="wijkaanpak-static-"))
        atexit.register(shutil.rmtree, root, ignore_errors=True)
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v0"],
            env=loopback_env(database_url, STATIC_ROOT=str(root)),
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        _static_roots[settings] = root
    return _static_roots[settings]


def start_gunicorn(
    database_url: str,
    port: int | None = None,
    *,
    workers: int = 2,
    threads: int = 1,
    timeout: int = 30,
    log_path: Path | None = None,
    ready_within: float | None = 30.0,
    **env_overrides: str,
) -> Server:
    """Start `gunicorn wijkaanpak.wsgi` on 127.0.0.1:port and wait until it answers HTTP.

    `env_overrides` are extra environment variables (e.g. DB_CONN_MAX_AGE="0").
    `ready_within=None` returns at once (start several, then `wait_ready` each).
    Raises RuntimeError with the server's log when it does not come up.
    """
    port = port or free_port()
    if log_path is None:
        handle, name = tempfile.mkstemp(prefix=f"gunicorn-{port}-", suffix=".log")
        os.close(handle)
        log_path = Path(name)
        atexit.register(log_path.unlink, missing_ok=True)
    env = loopback_env(
        database_url,
        STATIC_ROOT=str(static_root(database_url)),
        SITE_URL=f"http://127.0.0.1:{port}",
        **env_overrides,
    )
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "wijkaanpak.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        f"--threads={threads}",
        f"--timeout={timeout}",
        "--graceful-timeout=5",
        "--log-level=warning",
    ]
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            command,
            env=env,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: one signal reaches every worker
        )
    server = Server(process=process, port=port, log_path=log_path)
    # A caller that dies without its teardown must not leave a server holding the database.
    atexit.register(stop, server)
    if ready_within is not None:
        try:
            wait_ready(server, ready_within)
        except BaseException:
            stop(server)
            raise
    return server


def wait_ready(server: Server, within: float) -> None:
    """Any HTTP answer counts: the master listens and a worker has loaded the app."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not server.alive():
            raise RuntimeError(f"gunicorn on port {server.port} exited:\n{server.log()}")
        try:
            with urllib.request.urlopen(f"{server.url}/open311/v2/services.json", timeout=5):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(
        f"gunicorn on port {server.port} did not answer in {within}s:\n{server.log()}"
    )


def _signal_group(server: Server, sig: int) -> None:
    # The group id is the master's pid (start_new_session). The master is reaped only after
    # this, so the id cannot have passed to another process group meanwhile.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, sig)


def kill(server: Server) -> None:
    """SIGKILL the master and all its workers at once; nothing gets to clean up."""
    if server.process.returncode is None:
        _signal_group(server, signal.SIGKILL)
        server.process.wait(timeout=10)


def stop(server: Server, grace: float = 10.0) -> None:
    """Graceful stop (SIGTERM: workers finish their request), SIGKILL after `grace` seconds.

    Safe to call again and after kill(); also ends workers a crashed master left behind.
    """
    if server.process.returncode is not None:
        return
    _signal_group(server, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while server.alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    _signal_group(server, signal.SIGKILL)
    server.process.wait(timeout=10)
