"""The test database's snapshots (tests/support/dbstate.py) put back exactly what they took."""

from django.db import connection

from actors.models import Actor
from opendata.models import ActorRemoval
from tests.factories import ActorFactory
from tests.support import dbstate


def test_restore_puts_back_the_rows_and_leaves_nothing_written_by_a_trigger(reference_tx):
    snapshot = dbstate.take(connection, dbstate.django_tables(connection))
    kept = Actor.objects.count()
    ActorFactory(name="Écrit par le test")  # published: deleting it would record a removal
    changed = dbstate.restore(connection, snapshot)
    assert "actors_actor" in changed
    assert Actor.objects.count() == kept
    # What the removals feed's trigger wrote while the restore deleted the actor is gone too.
    assert not ActorRemoval.objects.exists()
    assert dbstate.changed_tables(connection.cursor().cursor, snapshot) == []
