"""The test database's snapshots (tests/support/dbstate.py) put back exactly what they took."""

from django.db import connection
from psycopg import sql

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


def test_a_demo_loaded_by_one_process_is_written_by_another_from_its_file(
    reference_tx, tmp_path, monkeypatch
):
    monkeypatch.setattr(dbstate, "SHARED_DIR", tmp_path)
    baseline = dbstate.take(connection, dbstate.django_tables(connection))
    loads = []

    def load():
        loads.append(1)
        ActorFactory(name="Chargé une fois")

    first = dbstate.Demo("an-actor")
    first.add(connection, load)
    assert loads == [1]
    assert len(list(tmp_path.glob("an-actor-*.pickle"))) == 1
    dbstate.restore(connection, baseline)

    # Another process: its own Demo, the same baseline, the rows from the file.
    second = dbstate.Demo("an-actor")
    second.add(connection, load)
    assert loads == [1]
    assert list(Actor.objects.values_list("name", flat=True)) == ["Chargé une fois"]
    dbstate.restore(connection, baseline)

    # On other rows than the baseline's, the file is not the one: the loader runs.
    ActorFactory(name="Déjà là")
    dbstate.Demo("an-actor").add(connection, load)
    assert loads == [1, 1]
    assert sorted(Actor.objects.values_list("name", flat=True)) == ["Chargé une fois", "Déjà là"]


def test_the_checks_run_without_parallel_workers_and_leave_the_setting_as_it_was(reference):
    with connection.cursor() as wrapper:
        cursor = wrapper.cursor
        cursor.execute("SET max_parallel_workers_per_gather = 3")
        seen = dbstate.per_table(
            cursor,
            {"actors_commune": sql.SQL("max(current_setting('max_parallel_workers_per_gather'))")},
        )
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone() == ("3",)
    assert seen == {"actors_commune": "0"}
