"""Snapshots of the SQL a view runs, in the spirit of les-emplois: a change in the queries a
page makes shows up in review as a diff of a text file. A missing or different snapshot fails;
SNAPSHOT_UPDATE=1 writes them instead, to be reviewed and committed."""

import os
import re
from pathlib import Path

from django.db import connection
from django.test.utils import CaptureQueriesContext

HERE = Path(__file__).parent
# Literals and generated names vary from run to run; the shape of each query does not.
VOLATILE = [
    # Server-side cursors (streamed exports) are named after the thread and a counter.
    (re.compile(r'"_django_curs_[^"]*"'), '"_django_curs_…"'),
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
    """The response and its queries; a streamed answer (exports) is read to its end inside
    the capture, since its queries run as it is sent."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:
            response.content_read = b"".join(response.streaming_content)
    return response, [normalise(sql) for sql in page_queries(captured.captured_queries)]


def updating():
    return os.environ.get("SNAPSHOT_UPDATE") == "1"


def assert_matches_snapshot(name, queries, count):
    """The queries are those of the snapshot file `name`.sql, and there are `count` of them
    (said in the test as well, so that a change in their number reads in its diff)."""
    path = HERE / f"{name}.sql"
    text = ";\n\n".join(queries) + ";\n"
    if updating():
        path.write_text(text)
    assert path.exists(), f"No SQL snapshot {path.name}: run with SNAPSHOT_UPDATE=1 and review it"
    assert text == path.read_text(), f"SQL of {name} changed: run with SNAPSHOT_UPDATE=1 and review"
    assert len(queries) == count, f"{name} ran {len(queries)} queries, not {count}"
