"""The replica router against a real streaming replica of the test cluster (bin/pg replica).

The test database pytest creates on the primary streams to the replica like everything else;
each test adds a connection to it and waits until the replica has replayed the primary's
writes, then checks where reads and writes really went (`pg_is_in_recovery()`)."""

import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.db import connections, transaction
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actors.models import Actor
from neonum.replicas import COOKIE, ReadYourWritesMiddleware
from tests.factories import ActorFactory
from tests.support.locks import held

ROOT = Path(__file__).resolve().parents[2]
PRIMARY_PORT = int(os.environ.get("NEONUM_PG_PORT", "25432"))
REPLICA_PORT = int(os.environ.get("NEONUM_PG_REPLICA_PORT", PRIMARY_PORT + 1))
MIDDLEWARE = "neonum.replicas.ReadYourWritesMiddleware"

pytestmark = [
    pytest.mark.skipif(
        bool(os.environ.get("DATABASE_URL")), reason="needs the project's own cluster (bin/pg)"
    ),
    # One process starts and stops the cluster's single replica: these tests run in one.
    pytest.mark.xdist_group("replica"),
]


def pg(*args):
    return subprocess.run(
        ["bin/pg", *args], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def replica(django_db_setup):
    """The local replica (started for these tests if it was not running, then stopped) as the
    `replica` alias on its copy of the test database. A mirror for the test case: never
    flushed (it is read-only) nor created.

    The cluster has one replica: a lock held for the module's tests keeps another test process
    from copying, starting or stopping it meanwhile (the xdist group alone did not)."""
    with held(ROOT / "var" / "replica-tests.lock"):
        yield from _replica()


def _replica():
    was_running = pg("replica", "status").returncode == 0
    started = pg("replica", "start")
    assert started.returncode == 0, started.stdout + started.stderr
    accepting_connections()
    primary = connections["default"].settings_dict
    connections.settings["replica"] = {
        **primary, "PORT": REPLICA_PORT, "CONN_MAX_AGE": 0, "TEST": {"MIRROR": "default"},
    }  # fmt: skip
    yield "replica"
    connections["replica"].close()
    del connections["replica"]
    del connections.settings["replica"]
    if not was_running:
        pg("replica", "stop")


def accepting_connections():
    """A replica just copied returns from `pg_ctl start` while it still replays the copy's
    WAL ("the database system is starting up"): waits until it takes connections."""
    primary = connections["default"].settings_dict
    conninfo = {"host": primary["HOST"], "user": primary["USER"], "dbname": "postgres"}
    deadline = time.monotonic() + 60
    while True:
        try:
            with psycopg.connect(port=REPLICA_PORT, connect_timeout=5, **conninfo):
                return
        except psycopg.OperationalError as error:
            assert time.monotonic() < deadline, f"the replica refused connections for 60 s: {error}"
        time.sleep(0.1)  # polling a condition: the replica is not up yet


@pytest.fixture
def routed(replica, settings):
    """The router and its middleware on, with that one replica."""
    settings.DATABASE_REPLICAS = [replica]
    settings.DATABASE_ROUTERS = ["neonum.replicas.PrimaryReplicaRouter"]
    settings.MIDDLEWARE = [settings.MIDDLEWARE[0], MIDDLEWARE, *settings.MIDDLEWARE[1:]]


uses_replica = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


def replicated():
    """Waits until the replica has replayed everything the primary has written so far."""
    # The insert position, not the write position: with synchronous_commit off (the tests'
    # connections) a commit record can still sit in the WAL buffers, before the latter.
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_insert_lsn()")
        (lsn,) = cursor.fetchone()
    primary = connections["default"].settings_dict
    conninfo = {"host": primary["HOST"], "user": primary["USER"], "dbname": "postgres"}
    # A replica started behind (the development cluster after a benchmark's load: gigabytes
    # of WAL to replay) takes minutes to catch up, which is no failure while it advances.
    deadline, replayed = time.monotonic() + 30, None
    with psycopg.connect(port=REPLICA_PORT, autocommit=True, **conninfo) as conn:
        while True:
            query = "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn, pg_last_wal_replay_lsn()"
            done, position = conn.execute(query, [lsn]).fetchone()
            if done:
                return
            if position != replayed:
                deadline, replayed = time.monotonic() + 30, position
            assert time.monotonic() < deadline, "the replica replayed nothing for 30 s"
            time.sleep(0.02)


def in_recovery(alias):
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery()")
        return cursor.fetchone()[0]


def handle(request, view):
    """Runs `view` inside the middleware, as a request would; returns its result and response."""
    seen = {}

    def get_response(request):
        seen["result"] = view()
        return HttpResponse()

    response = ReadYourWritesMiddleware(get_response)(request)
    return seen["result"], response


@uses_replica
def test_a_read_goes_to_the_replica_and_finds_the_replicated_rows(routed, reference_tx):
    ActorFactory(name="Répliqué")
    replicated()

    def view():
        queryset = Actor.objects.filter(name="Répliqué")
        return queryset.db, in_recovery(queryset.db), list(queryset.values_list("name", flat=True))

    (alias, standby, names), response = handle(RequestFactory().get("/fr/"), view)
    assert (alias, standby, names) == ("replica", True, ["Répliqué"])
    assert COOKIE not in response.cookies


@uses_replica
def test_a_write_goes_to_the_primary_and_the_reads_after_it_too(routed, reference_tx):
    def view():
        user = get_user_model().objects.create_user("ecrit@example.org", "ecrit@example.org")
        queryset = Actor.objects.all()
        return user._state.db, queryset.db, in_recovery(queryset.db)

    (written_to, read_from, standby), response = handle(RequestFactory().get("/fr/"), view)
    assert (written_to, read_from, standby) == ("default", "default", False)
    assert response.cookies[COOKIE]["max-age"] == 5


@uses_replica
def test_a_session_write_does_not_take_the_reads_off_the_replica(routed):
    def view():
        SessionStore().create()
        return Actor.objects.all().db

    read_from, response = handle(RequestFactory().get("/fr/"), view)
    assert read_from == "replica" and COOKIE not in response.cookies


@uses_replica
def test_a_read_inside_a_transaction_stays_on_the_primary(routed):
    def view():
        with transaction.atomic():
            return Actor.objects.all().db

    assert handle(RequestFactory().get("/fr/"), view)[0] == "default"


@uses_replica
def test_reads_stay_on_the_primary_for_the_browser_that_wrote_only(routed, reference_tx):
    ActorFactory()
    replicated()
    writer, other = Client(), Client()
    # Any form sent counts as a write, a failed login attempt too.
    login = writer.post(
        reverse("account_login"), {"login": "personne@example.org", "password": "x" * 12}
    )
    assert login.status_code == 200 and COOKIE in login.cookies

    def actor_reads(client):
        """Queries on the actors table per database while `client` fetches the directory."""
        with (
            CaptureQueriesContext(connections["default"]) as primary,
            CaptureQueriesContext(connections["replica"]) as replica_queries,
        ):
            assert client.get("/fr/").status_code == 200
        return [
            sum('"actors_actor"' in query["sql"] for query in captured)
            for captured in (primary, replica_queries)
        ]

    on_primary, on_replica = actor_reads(writer)
    assert on_primary > 0 and on_replica == 0
    on_primary, on_replica = actor_reads(other)
    assert on_primary == 0 and on_replica > 0


@uses_replica
def test_a_forged_cookie_does_not_pin(routed):
    request = RequestFactory().get("/fr/", HTTP_COOKIE=f"{COOKIE}=1")
    assert handle(request, lambda: Actor.objects.all().db)[0] == "replica"


@uses_replica
def test_outside_a_request_everything_reads_the_primary(routed):
    # Commands and background tasks read what they are about to write.
    assert Actor.objects.all().db == "default"


def test_without_replicas_nothing_is_routed():
    code = (
        "import django; from django.conf import settings; django.setup();"
        "print(len(settings.DATABASES), settings.DATABASE_ROUTERS,"
        f" {MIDDLEWARE!r} in settings.MIDDLEWARE)"
    )

    def run(**extra):
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_REPLICA_URLS"}
        env.update(DJANGO_SETTINGS_MODULE="neonum.settings.dev", **extra)
        result = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
            timeout=60, check=True,
        )  # fmt: skip
        return result.stdout.strip()

    assert run() == "1 [] False"
    urls = "postgis://r@db1.example.org/carto,postgis://r@db2.example.org/carto"
    assert run(DATABASE_REPLICA_URLS=urls) == ("3 ['neonum.replicas.PrimaryReplicaRouter'] True")
