import gc
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections
from django.db.backends.base.creation import TEST_DATABASE_PREFIX
from django.test import TransactionTestCase
from playwright.sync_api import sync_playwright

from actors.demo import load_demo_actors
from actors.reference import load_reference_data
from tests.support import dbstate, dbtemplate

# Playwright's sync API runs an event loop in the test thread; Django then refuses database
# access from that thread unless told the code is synchronous, which it is.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# The cache and the rate limits are tables of the test database (neonum.CacheEntry,
# neonum.RateLimitHit): a test's entries are rolled back, or after a transactional test
# emptied as the baseline has them, with the rest of its data, so every test starts without.


VAR = Path(__file__).resolve().parent.parent / "var"
TEMPLATE_LOCK = VAR / "test-template.lock"
BASELINES = {}  # database alias → its rows after the migrations and the reference data
DEMO = dbstate.Demo("actors")
DEMO_CONTENT = {}  # the loaders run after the demo actors → their rows (a dbstate.Demo)


def shared_demos(run_id):
    """The folder where the run's test processes leave the demos' rows for one another."""
    return VAR / f"test-demo-{run_id}"


# Test processes (pytest-xdist) take the tests in the order collected: the long ones first,
# so that the short ones fill in at the end and no process is left running one long test
# alone. A file's tests stay together (its module-scoped fixtures are set up once).
LONG_FIRST = (
    "tests/browser/contributions/test_journeys.py",
    "tests/browser/contributions/test_never_lose_work.py",
    "tests/browser/moderation/",
    "tests/production/",
    "tests/browser/",
)


def pytest_collection_modifyitems(items):
    def rank(item):
        path = item.nodeid.split("::", 1)[0]
        ranks = (i for i, prefix in enumerate(LONG_FIRST) if path.startswith(prefix))
        return next(ranks, len(LONG_FIRST))

    items.sort(key=rank)  # stable: the order within a rank is the collection's


def pytest_sessionstart(session):
    """Each test process's garbage collector set for a test run. Its default thresholds ran
    a collection every 700 new objects and a full one, over everything Django, Playwright
    and the tests hold, every few hundred: 13 of 67 s in three files of the suite. What is
    loaded by now (Django, the apps, the plugins) is frozen, never to be scanned again, and
    collections run a seventieth as often: cycles are still freed, later."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings, request, django_db_blocker):
    """With several test processes (pytest-xdist), the migrations run once per run: the first
    process to get here migrates a template database, and every process's test database
    (pytest-django's `test_neonum_gw0`…) is created as a copy of it (CREATE DATABASE …
    TEMPLATE, under a second), where `migrate` then finds nothing left to apply. Migrating
    each process's database took 10 s alone and 35 s each when two processes did it at once
    on two cores (the machine otherwise loaded)."""
    workerinput = getattr(request.config, "workerinput", None)
    if workerinput is None:
        return
    with django_db_blocker.unblock():
        dbtemplate.ensure(connections["default"], workerinput["testrunuid"], TEMPLATE_LOCK)


def pytest_configure(config):
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None:
        dbstate.SHARED_DIR = shared_demos(workerinput["testrunuid"])


def pytest_sessionfinish(session):
    """The run's template database and shared demos removed by the main process once every
    worker is done."""
    config = session.config
    if not hasattr(config, "workerinput") and config.pluginmanager.hasplugin("dsession"):
        dbtemplate.drop(connections["default"])
        nodes = config.pluginmanager.getplugin("dsession").nodemanager
        if nodes is not None:
            shutil.rmtree(shared_demos(nodes.testrunuid), ignore_errors=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The communes and taxonomies, committed once in the test database, and that state kept
    in memory (tests/support/dbstate.py) for the transactional tests."""
    with django_db_blocker.unblock():
        load_reference_data()
        connection = connections["default"]
        BASELINES["default"] = dbstate.take(connection, dbstate.django_tables(connection))


def restore_baseline(test_case):
    """After a transactional test: the baseline back instead of empty tables, so that the
    next test needs not reload the communes (other databases: Django's flush). The
    connections are then kept unless unusable or obsolete, as between two requests."""
    for alias in test_case._databases_names(include_mirrors=False):
        if alias in BASELINES:
            dbstate.restore(connections[alias], BASELINES[alias])
        else:
            call_command("flush", database=alias, interactive=False, verbosity=0)
    for connection in connections.all(initialized_only=True):
        connection.close_if_unusable_or_obsolete()


# django.test.TestCase has its own teardown (a rollback): this one is the transactional tests'.
TransactionTestCase._fixture_teardown = restore_baseline
# Django also closes every connection after a transactional test, against set-up statements a
# later rollback would undo; its PostgreSQL backend commits the time zone as soon as it sets
# it, so nothing is undone. Kept, the next test's queries need no new PostgreSQL backend
# loading its catalogue anew (README, "Tests", eleventh round). restore_baseline closes those
# that the end of a request would close.
TransactionTestCase._should_reload_connections = lambda self: False


# The communes and taxonomies are in every test's database from the start: committed by
# django_db_setup, rolled back to or restored (restore_baseline) after each test. These
# fixtures say a test needs them; loading them again found nothing missing, 1,500 times a run.
@pytest.fixture
def reference(db):
    pass


@pytest.fixture
def reference_tx(transactional_db):
    pass


@pytest.fixture
def demo(db):
    """The demo actors (load_demo_actors), written from memory after the first load."""
    DEMO.add(connections["default"], load_demo_actors)


@pytest.fixture
def demo_tx(reference_tx):
    """The demo actors, committed: written from memory after the first load."""
    DEMO.add(connections["default"], load_demo_actors)


@pytest.fixture
def demo_content_tx(reference_tx):
    """A function: `demo_content_tx(load_demo_events, …)` commits the demo actors and what
    those loaders add (réalisations and ressources, events, selections), written from memory
    after the first time in the process. Loading the réalisations and ressources took about
    3 s a test, their history and the actors' re-indexing included; the events about 1 s.
    Not with `demo_tx`, whose actors would make every load run again."""

    def add(*loaders):
        def load():
            DEMO.add(connections["default"], load_demo_actors)
            for loader in loaders:
                loader()

        name = "+".join(f"{loader.__module__}.{loader.__name__}" for loader in loaders)
        DEMO_CONTENT.setdefault(loaders, dbstate.Demo(name)).add(connections["default"], load)

    return add


@pytest.fixture(scope="session")
def committed_demo(django_db_setup, django_db_blocker):
    """For a set-up several tests share (a module-scoped fixture): a context manager within
    which the demo actors are committed, the baseline put back when it ends, as after a
    transactional test."""

    @contextmanager
    def committed():
        with django_db_blocker.unblock():
            connection = connections["default"]
            # Without a test asking for the database in the run, pytest-django leaves the
            # settings on the development database: never write there.
            name = connection.settings_dict["NAME"]
            assert name.startswith(TEST_DATABASE_PREFIX), f"not a test database: {name}"
            DEMO.add(connection, load_demo_actors)
            try:
                yield connection
            finally:
                dbstate.restore(connection, BASELINES["default"])

    return committed


@pytest.fixture
def ban(settings):
    """The address geocoder replaced by a local stub; the geocoding cache starts empty."""
    from django.core.cache import cache

    from tests.stubs.ban import BanStub

    with BanStub() as stub:
        settings.GEOCODER_URL = stub.url
        settings.GEOCODER_TIMEOUT = 1
        cache.clear()
        yield stub
        cache.clear()


@pytest.fixture(autouse=True)
def french_by_default():
    """Each test starts in French, the source language. A request leaves its language
    active in the thread: without this, reverse() in one test would follow the language of
    the last page another test fetched."""
    from django.utils import translation

    translation.activate("fr")
    yield
    translation.deactivate()


@pytest.fixture
def task_queue(transactional_db):
    """The real task queue (tests/queue.py), emptied: its tables are not Django's, so the
    transactional tests' clean-up leaves their rows behind."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE procrastinate_jobs CASCADE")


@pytest.fixture(scope="session")
def playwright():
    # One Playwright driver per session: the sync API refuses a second one while the first
    # runs, and the browser tests and the weight budget both drive Chromium.
    with sync_playwright() as driver:
        yield driver
