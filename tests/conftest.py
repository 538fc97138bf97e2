import os

import pytest
from playwright.sync_api import sync_playwright

from actors.reference import load_reference_data

# Playwright's sync API runs an event loop in the test thread; Django then refuses database
# access from that thread unless told the code is synchronous, which it is.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# The cache and the rate limits are tables of the test database (neonum.CacheEntry,
# neonum.RateLimitHit): a test's entries are rolled back, or flushed after a transactional
# test, with the rest of its data, so every test starts with them empty.


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The communes and taxonomies, committed once in the test database.

    pytest-django runs transactional tests (which empty the tables) after the others; those
    ask for `reference` again, which reloads what is missing."""
    with django_db_blocker.unblock():
        load_reference_data()


@pytest.fixture
def reference(db):
    load_reference_data()


@pytest.fixture
def reference_tx(transactional_db):
    load_reference_data()


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
    transactional tests' flush leaves their rows behind."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE procrastinate_jobs CASCADE")


@pytest.fixture(scope="session")
def playwright():
    # One Playwright driver per session: the sync API refuses a second one while the first
    # runs, and the browser tests and the weight budget both drive Chromium.
    with sync_playwright() as driver:
        yield driver
