"""The test database's rows kept in memory and written back in a fraction of a second.

Transactional tests (the browser and production tests) commit what they write, so Django
empties every table after each of them, and the next one reloaded the communes and the demo
actors: about 8 s for the demo alone, each actor going through validation, indexing and
history. Instead, each test process takes, once:

- the baseline: the rows of every table after the migrations and the reference data, as
  PostgreSQL's binary COPY, and the sequences;
- the demo: the rows `load_demo_actors` adds to the baseline, the first time a test asks
  for them.

After each transactional test, the tables that changed are emptied and their baseline rows
written back, and every sequence is set back (`restore`); `Demo.add` writes the demo's rows
into their still-empty tables. A test thus starts from the state it had when the data was
reloaded for it, without the flush's cost: truncating some forty tables and their indexes
takes about a second here, so only the tables that changed are touched, and emptied with
DELETE, which touches no file.

A table changed when its row count differs from the baseline's, or when one of its rows was
written (`xmin`) by a transaction later than the last restore.

With several test processes, a demo's rows are loaded by the first process that asks for them
and left in a file for the others (`SHARED_DIR`, set for the run by tests/conftest.py): each
process loaded the demo actors (4.5 s) and each set of demo content (1 to 3 s) itself. A file
is named by the rows the loader found (the baseline's), and read only by a process that finds
the same ones, so that the ids the demo's rows point to are the same."""

import hashlib
import pickle
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from psycopg import sql

from tests.support.locks import held

# The run's folder for the demos' rows shared between test processes; None: not shared.
SHARED_DIR = None

# Transaction ids compared as xmin shows them: 32 bits (a test run is far from wrapping).
XID = "SELECT txid_current() % 4294967296"


@dataclass
class Snapshot:
    rows: dict  # table → its rows as binary COPY, for the tables with rows
    sequences: dict  # sequence → (last_value, is_called)
    counts: dict = field(default_factory=dict)  # table → rows, for every table
    clean_as_of: int = 0  # the transaction after which a row written means a change


def django_tables(connection):
    return sorted(connection.introspection.django_table_names(only_existing=True))


def copyable_columns(cursor, table):
    """Every column but the generated ones, which COPY FROM refuses."""
    cursor.execute(
        "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
        "AND NOT attisdropped AND attgenerated = '' ORDER BY attnum",
        [table],
    )
    return [name for (name,) in cursor.fetchall()]


def copy_statement(cursor, table, direction):
    columns = sql.SQL(", ").join(map(sql.Identifier, copyable_columns(cursor, table)))
    return sql.SQL("COPY {} ({}) {} (FORMAT BINARY)").format(
        sql.Identifier(table), columns, sql.SQL(direction)
    )


def per_table(cursor, expressions):
    """{table: value} for {table: SQL expression}, in one query without parallel workers.

    A union of some seventy tables is costed high enough for PostgreSQL to start two
    parallel workers, however few rows the tables hold: 23 to 27 ms a query with them, 2 ms
    without, and the check after each transactional test is such a query (670 a run). The
    setting is put back as it was once the query has run."""
    if not expressions:
        return {}
    query = sql.SQL(" UNION ALL ").join(
        sql.SQL("SELECT {}, {} FROM {}").format(sql.Literal(table), value, sql.Identifier(table))
        for table, value in expressions.items()
    )
    cursor.execute(
        "SELECT current_setting('max_parallel_workers_per_gather'), "
        "set_config('max_parallel_workers_per_gather', '0', false)"
    )
    (workers, _) = cursor.fetchone()
    cursor.execute(query)
    found = dict(cursor.fetchall())
    cursor.execute("SELECT set_config('max_parallel_workers_per_gather', %s, false)", [workers])
    return found


def counts(cursor, tables):
    return per_table(cursor, dict.fromkeys(tables, sql.SQL("count(*)")))


def sequences_of(cursor, tables):
    """The sequences of the tables' serial and identity columns, with their values."""
    cursor.execute(
        "SELECT seq.relname FROM pg_class seq JOIN pg_depend dep ON dep.objid = seq.oid "
        "AND dep.deptype IN ('a', 'i') JOIN pg_class tab ON tab.oid = dep.refobjid "
        "WHERE seq.relkind = 'S' AND tab.relname = ANY(%s)",
        [list(tables)],
    )
    values = {}
    for (name,) in cursor.fetchall():
        cursor.execute(sql.SQL("SELECT last_value, is_called FROM {}").format(sql.Identifier(name)))
        values[name] = cursor.fetchone()
    return values


def take(connection, tables):
    """The rows of `tables` (those that have any), their counts and their sequences."""
    with connection.cursor() as wrapper:
        cursor = wrapper.cursor  # psycopg's own cursor, for COPY
        rows = {}
        found = counts(cursor, tables)
        for table in sorted(t for t, n in found.items() if n):
            with cursor.copy(copy_statement(cursor, table, "TO STDOUT")) as copy:
                rows[table] = b"".join(bytes(chunk) for chunk in copy)
        cursor.execute(XID)
        (xid,) = cursor.fetchone()
        return Snapshot(rows, sequences_of(cursor, tables), found, clean_as_of=xid)


def write(cursor, rows, sequences, only_forward=False):
    for table, data in rows.items():
        with cursor.copy(copy_statement(cursor, table, "FROM STDIN")) as copy:
            copy.write(data)
    for name, (value, called) in sequences.items():
        if only_forward:
            cursor.execute(sql.SQL("SELECT last_value FROM {}").format(sql.Identifier(name)))
            if cursor.fetchone()[0] >= value:
                continue
        cursor.execute("SELECT setval(%s, %s, %s)", [name, value, called])


def changed_tables(cursor, snapshot):
    changed = per_table(
        cursor,
        {
            table: sql.SQL(
                "count(*) <> {} OR coalesce(max(xmin::text::bigint) > {}, false)"
            ).format(sql.Literal(total), sql.Literal(snapshot.clean_as_of))
            for table, total in snapshot.counts.items()
        },
    )
    return [table for table in snapshot.counts if changed[table]]


def restore(connection, snapshot):
    """Puts the tables that changed since the last restore back as they were in `snapshot`."""
    with transaction.atomic(using=connection.alias), connection.cursor() as wrapper:
        cursor = wrapper.cursor
        emptied = []
        changed = changed_tables(cursor, snapshot)
        while changed:
            for table in changed:
                cursor.execute(sql.SQL("DELETE FROM {}").format(sql.Identifier(table)))
            emptied += changed
            # Triggers (the removals feed's, on actors) may have written into other tables
            # while rows were deleted: those are emptied in turn. No ALTER TABLE … DISABLE
            # TRIGGER: its exclusive lock would hold up a replica's replay.
            changed = [t for t in changed_tables(cursor, snapshot) if t not in emptied]
        write(cursor, {t: snapshot.rows[t] for t in emptied if t in snapshot.rows}, {})
        write(cursor, {}, snapshot.sequences)
        cursor.execute(XID)
        (snapshot.clean_as_of,) = cursor.fetchone()
    # Django keeps content types in memory: their rows may have been rewritten.
    ContentType.objects.clear_cache()
    return emptied


def fingerprint(snapshot):
    digest = hashlib.sha256()
    for table in sorted(snapshot.rows):
        digest.update(table.encode() + b"\0" + snapshot.rows[table])
    return digest.hexdigest()[:24]


class Demo:
    """The rows a demo loader adds, taken the first time it runs on top of the baseline."""

    def __init__(self, name):
        self.name = name  # names its file in SHARED_DIR
        self.rows = None
        self.sequences = None

    def add(self, connection, load):
        """Writes the demo's rows if their tables are empty, else runs `load` (and, the first
        time, keeps what it added when it added rows to empty tables only)."""
        tables = django_tables(connection)
        with connection.cursor() as wrapper:
            filled = {table for table, n in counts(wrapper.cursor, tables).items() if n}
        if self.rows is not None and not filled & set(self.rows):
            self._write(connection)
            return
        if self.rows is not None:
            load()
            return
        before = take(connection, filled)
        with self._shared(before) as path:
            if path is not None and path.exists():
                self.rows, self.sequences = pickle.loads(path.read_bytes())
                self._write(connection)
                return
            load()
            if not self._keep_added(connection, tables, before, filled):
                return
            if path is not None:
                partial = path.with_suffix(".partial")
                partial.write_bytes(pickle.dumps((self.rows, self.sequences)))
                partial.replace(path)

    def _keep_added(self, connection, tables, before, filled):
        """Keeps the rows the load added, when it added rows to empty tables only."""
        after = take(connection, tables)
        if any(after.rows.get(table) != data for table, data in before.rows.items()):
            return False
        self.rows = {t: data for t, data in after.rows.items() if t not in filled}
        self.sequences = {
            name: value
            for name, value in after.sequences.items()
            if before.sequences.get(name) != value
        }
        return True

    def _write(self, connection):
        with transaction.atomic(using=connection.alias), connection.cursor() as wrapper:
            write(wrapper.cursor, self.rows, self.sequences, only_forward=True)

    @contextmanager
    def _shared(self, before):
        """The file of this demo loaded on `before`'s rows, under a lock that the process
        loading it holds until the file is written: the others wait, rather than load it too."""
        if SHARED_DIR is None:
            yield None
            return
        with held(SHARED_DIR / f"{self.name}.lock"):
            yield SHARED_DIR / f"{self.name}-{fingerprint(before)}.pickle"
