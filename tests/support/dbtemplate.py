"""One migrated template database per test run, copied into each test process's database.

pytest-django creates one test database per pytest-xdist process and runs every migration
in each. Instead the first process to take the lock migrates `test_neonum_template` (with
Django's own `create_test_db`, as for any test database) and marks it with the run's id;
each process then points its test settings at it (`TEST["TEMPLATE"]`), so that
pytest-django's usual set-up creates its database with CREATE DATABASE … TEMPLATE and runs
`migrate` on the copy, which finds nothing to apply. A template left by an earlier run
(another id in its comment) is dropped and migrated again.

PostgreSQL copies a database only when nobody is connected to it: the process that migrated
the template closes its connection before it lets the others in."""

import psycopg
from django.db.backends.base.creation import TEST_DATABASE_PREFIX
from psycopg import sql

from tests.support.locks import held


def name(connection):
    return f"{TEST_DATABASE_PREFIX}{connection.settings_dict['NAME']}_template"


def _admin(connection):
    """A connection to the maintenance database, outside Django (and its test blocker)."""
    params = connection.get_connection_params()
    conninfo = {key: params[key] for key in ("user", "password", "host", "port") if params.get(key)}
    return psycopg.connect(dbname="postgres", autocommit=True, **conninfo)


def _run_of(cursor, template):
    cursor.execute(
        "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
        [template],
    )
    row = cursor.fetchone()
    return row[0] if row else None


def ensure(connection, run_id, lock_path):
    """The run's template, migrated if no process did it yet, as the test databases' model."""
    template = name(connection)
    with held(lock_path):
        with _admin(connection) as admin:
            current = _run_of(admin.cursor(), template) == run_id
        if not current:
            _migrate(connection, template)
            with _admin(connection) as admin:
                admin.execute(
                    sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                        sql.Identifier(template), sql.Literal(run_id)
                    )
                )
    connection.settings_dict["TEST"]["TEMPLATE"] = template


def _migrate(connection, template):
    """Django's test database creation (migrations, cache table) under the template's name,
    the settings then given back."""
    test = connection.settings_dict["TEST"]
    saved_name, saved_test_name = connection.settings_dict["NAME"], test.get("NAME")
    test["NAME"] = template
    try:
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    finally:
        connection.close()
        test["NAME"] = saved_test_name
        connection.settings_dict["NAME"] = saved_name
        from django.conf import settings

        settings.DATABASES[connection.alias]["NAME"] = saved_name


def drop(connection):
    with _admin(connection) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name(connection)))
        )
