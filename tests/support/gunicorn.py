"""A real gunicorn serving the project, for tests that need several processes."""

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "neonum.settings.prod",
    "SECRET_KEY": "gunicorn-test-only-secret-" + "k3y" * 12,
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "false",
}


@contextlib.contextmanager
def start_gunicorn(port, workers=2, env=None, timeout=60):
    """Starts `gunicorn neonum.wsgi` with `workers` workers on 127.0.0.1:`port` (production
    settings unless `env` says otherwise), yields its base URL once it answers, stops it."""
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment.update(PRODUCTION)
    environment.update(env or {})
    log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - closed when the server stops
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "neonum.wsgi", "--workers", str(workers),
         "--bind", f"127.0.0.1:{port}", "--graceful-timeout", "5"],
        cwd=ROOT, env=environment, start_new_session=True,
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"gunicorn stopped: {log.read()}")
            try:
                requests.get(f"{url}/fr/", timeout=5)
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()
