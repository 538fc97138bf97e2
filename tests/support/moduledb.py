"""Rows a module's tests share, written once rather than for each test."""

from contextlib import contextmanager

from django.db import transaction


@contextmanager
def written_once(django_db_blocker):
    """For a module-scoped fixture: what it writes inside is there for each of the module's
    tests, in a transaction that each test's own (a savepoint) rolls back to, and is rolled
    back after the last test. For tests that do not commit (not `transactional_db`)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
