"""Snapshots of the SQL a view runs, in the spirit of les-emplois: a change in the queries a
page makes shows up in review as a diff of a text file. SNAPSHOT_UPDATE=1 rewrites them."""

import os
import re
from pathlib import Path

from django.db import connection
from django.test.utils import CaptureQueriesContext

HERE = Path(__file__).parent
# Literals and generated names vary from run to run; the shape of each query does not.
VOLATILE = [
    (re.compile(r"'[^']*'"), "'…'"),
    (re.compile(r"\b\d+(\.\d+)?\b"), "N"),
    (re.compile(r"E'\\\\[^']*'"), "'…'"),
]


def normalise(sql):
    for pattern, replacement in VOLATILE:
        sql = pattern.sub(replacement, sql)
    return sql


def page_queries(captured):
    """The statements of the page itself: the shared cache's (a lookup, a write and the
    savepoints around them) depend on what earlier requests left in it, not on the page."""
    return [
        query["sql"]
        for query in captured
        if "neonum_cache" not in query["sql"] and "SAVEPOINT" not in query["sql"]
    ]


def queries_of(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, [normalise(sql) for sql in page_queries(captured.captured_queries)]


def assert_matches_snapshot(name, queries):
    path = HERE / f"{name}.sql"
    text = ";\n\n".join(queries) + ";\n"
    if os.environ.get("SNAPSHOT_UPDATE") or not path.exists():
        path.write_text(text)
        return
    assert text == path.read_text(), f"SQL of {name} changed: run with SNAPSHOT_UPDATE=1 and review"
