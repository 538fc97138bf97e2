"""How far a background import is, for its status page. The import is one transaction, so
its own writes stay invisible until the end: the count is written through a connection of
its own, committed at once."""

from django.db import DEFAULT_DB_ALIAS, connections

EVERY = 500


def recorder(run_id, every=EVERY):
    """A `progress` for import_rows: passes the rows on, writing how many went by."""

    def progress(rows):
        connection = connections.create_connection(DEFAULT_DB_ALIAS)
        count = 0
        try:
            for item in rows:
                count += 1
                if count % every == 0:
                    write(connection, run_id, count)
                yield item
            write(connection, run_id, count)
        finally:
            connection.close()

    return progress


def write(connection, run_id, count):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE opendata_importrun SET rows_done = %s WHERE id = %s", [count, run_id]
        )
