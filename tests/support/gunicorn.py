"""Real gunicorn processes for tests, serving the test database.

    with start_gunicorn(workers=2, env={"SUGGESTIONS_PER_HOUR": "3"}) as server:
        urllib.request.urlopen(server.url + "/healthz")

`start_gunicorn(port=None, workers=2, env=None, timeout=60)` starts `gunicorn -c
python:neonum.gunicorn_conf neonum.wsgi` with the production settings on 127.0.0.1 (a free
port unless `port` is given), against the database the test uses (pytest-django's
`test_…`: use `transactional_db` or `live_server`-style fixtures, so that the data is
committed and visible to the server). `env` adds or overrides environment variables (the
defaults are in `production_env()`; `DJANGO_SETTINGS_MODULE=neonum.settings.test` serves
the static files from the source folders, without collectstatic). It waits until `/healthz`
answers 200 and yields a `Server` (`url`, `port`, `process`, `log()`: what it wrote so far);
leaving the block stops it and its workers. A server that does not come up within `timeout`
seconds raises with its output."""

import atexit
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import connection

from tests.support.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_env():
    """Environment variables pointing a new process at the database of this test run."""
    name = connection.settings_dict["NAME"]
    url = os.environ.get("DATABASE_URL")
    if url:
        return {"DATABASE_URL": urlunsplit(urlsplit(url)._replace(path="/" + name))}
    return {"NEONUM_PG_DB": name}


def _mail_folder():
    """Where a server's mails are written, removed when the test process ends."""
    folder = tempfile.mkdtemp(prefix="neonum-mail-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def production_env():
    """The production settings as a deployment behind an HTTPS proxy would have them, with
    the test database, the test media and emails kept in a file."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    return {
        **base,
        **database_env(),
        "DJANGO_SETTINGS_MODULE": "neonum.settings.prod",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": _mail_folder(),
        "LOG_LEVEL": "INFO",
    }


@dataclass
class Server:
    port: int
    process: subprocess.Popen
    log_path: Path

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def log(self):
        return self.log_path.read_text(errors="replace")

    def log_with(self, text, timeout=10):
        """The log once `text` is in it: gunicorn writes a request's access line after it has
        sent the response, so a client holding its answer can read the log before the line."""
        wait_until(
            lambda: text in self.log(),
            timeout,
            message=lambda: f"not in gunicorn's log after {timeout} s: {text}\n{self.log()}",
        )
        return self.log()


def wait_until_ready(server, timeout):
    def answers():
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped at start:\n{server.log()}")
        try:
            with urllib.request.urlopen(server.url + "/healthz", timeout=5) as response:
                return response.status == 200
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False  # not up yet

    wait_until(
        answers,
        timeout,
        every=0.2,
        message=lambda: f"gunicorn did not answer within {timeout} s:\n{server.log()}",
    )


@contextlib.contextmanager
def start_gunicorn(port=None, workers=2, env=None, timeout=60):
    port = port or free_port()
    environment = {
        **production_env(),
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": str(workers),
        **(env or {}),
    }
    with tempfile.NamedTemporaryFile(prefix="gunicorn-", suffix=".log", delete=False) as log:
        log_path = Path(log.name)
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "python:neonum.gunicorn_conf",
             "neonum.wsgi"],
            cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    server = Server(port=port, process=process, log_path=log_path)
    try:
        wait_until_ready(server, timeout)
        yield server
    finally:
        # The whole group: the workers too, even if the master is gone.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log_path.unlink(missing_ok=True)
