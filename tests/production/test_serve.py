"""bin/serve, what `make run` starts: the production stack over plain local HTTP, and
nothing left running once it is stopped."""

import http.client
import os
import signal
import stat
import subprocess

import pytest

from tests.support.gunicorn import ROOT, database_env, free_port
from tests.support.waiting import wait_until

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # bin/serve makes var/secret_key when missing: one process at a time.
    pytest.mark.xdist_group("serve"),
]


def children(pid):
    result = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True
    )
    return [int(p) for p in result.stdout.split()]


def alive(pids):
    return [pid for pid in pids if subprocess.run(["kill", "-0", str(pid)]).returncode == 0]


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    except OSError:
        return None, None, None
    finally:
        connection.close()


def interruptible():
    # As in a terminal, where Ctrl-C reaches a shell that does not ignore it: pytest-xdist's
    # workers ignore SIGINT, and a shell cannot trap a signal ignored when it started.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture
def serve(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECRET_KEY"))}
    env.update(
        database_env(),
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_CONCURRENCY="2",
        STATIC_ROOT=str(tmp_path / "static"),
        EMAIL_FILE_PATH=str(tmp_path / "mail"),
    )
    process = subprocess.Popen(
        [str(ROOT / "bin" / "serve")], cwd=ROOT, env=env, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=interruptible,
    )  # fmt: skip
    wait_until(
        lambda: get(port, "/healthz")[0] == 200 or process.poll() is not None, timeout=60, every=0.2
    )
    assert process.poll() is None, "bin/serve stopped at start"
    yield process, port
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def test_serves_the_production_settings_over_local_http(serve):
    process, port = serve
    status, headers, body = get(port, "/fr/compte/login/")
    assert status == 200
    # The session and CSRF cookies reach the browser over http, so that logging in works.
    cookie = headers["Set-Cookie"]
    assert cookie.startswith("csrftoken=") and "Secure" not in cookie
    assert "Permissions-Policy" in headers
    status, headers, body = get(port, "/fr/no-such-page/")
    assert status == 404 and b"URLconf" not in body  # DEBUG is off
    key = ROOT / "var" / "secret_key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600


def test_ctrl_c_stops_every_process_it_started(serve):
    process, port = serve
    started = children(process.pid)
    assert started
    workers = [pid for parent in started for pid in children(parent)]
    assert len(workers) == 2
    os.killpg(process.pid, signal.SIGINT)
    assert process.wait(timeout=60) != 0
    wait_until(lambda: not alive(started + workers), timeout=60, every=0.2)
    assert get(port, "/healthz")[0] is None


def test_killing_the_launcher_outright_stops_its_processes(serve):
    process, port = serve
    started = children(process.pid)
    process.kill()
    process.wait()
    wait_until(lambda: not alive(started), timeout=60, every=0.2)
