"""PostgreSQL's own tools (pg_dump, pg_restore, psql) run against a database of the settings."""

import os
import re
import shutil
import subprocess

from django.core.management.base import CommandError
from django.db.backends.postgresql.client import DatabaseClient

# A database name the restore creates or fills: plain, so that it needs no quoting anywhere.
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")


def run(tool, settings_dict, dbname, *args):
    """Runs `tool` on `dbname` with the connection options (host, port, user, password, TLS)
    Django's own `dbshell` derives from `settings_dict`; returns its output."""
    command, env = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    # The options alone: the database is named explicitly.
    return execute(tool, *command[1:-1], "-d", dbname, *args, env=env)


def query(settings_dict, dbname, sql):
    """One value from a query (psql, unaligned, without headers)."""
    return run("psql", settings_dict, dbname, "-qAtX", "-v", "ON_ERROR_STOP=1", "-c", sql).strip()


def execute(tool, *args, env=None):
    executable = shutil.which(tool)
    if executable is None:
        raise CommandError(f"{tool} was not found: install PostgreSQL's client programs.")
    result = subprocess.run(  # noqa: S603 (PostgreSQL's programs, validated names)
        [executable, *args],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise CommandError(f"{tool} failed: {result.stderr.strip()[-2000:]}")
    return result.stdout
