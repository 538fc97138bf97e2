"""Rate limits that hold exactly across processes and machines.

Every counted action is a row of `RateLimitHit` in PostgreSQL. A key's check and its new row
are written under a transaction-scoped advisory lock on the key, so two workers (or two
machines) counting the same key take turns: a limit of N lets exactly N through in any window
of `window` seconds (a sliding window, on the database's clock). Django's database cache cannot
do this: its `incr` is a read then a write.

    hit(key, limit, window) -> bool       count one action if fewer than `limit` in the window
    consume(key, limit, window) -> id     the same, giving the row's id (None when refused)
    undo(hit_id)                          forget one counted action (a login that succeeded)
    attempt(key, free=, window=, base=, cap=) -> seconds
                                          back-off: 0 and counted, or the seconds still to wait
    clear(key)                            forget every action of the key

Keys are free text (at most 255 characters): use a prefix per limit, e.g. "suggestions:<ip>".
"""

from django.db import connections, router, transaction
from django.db.models.functions import Now

from .models import RateLimitHit

TABLE = RateLimitHit._meta.db_table


def _database():
    return router.db_for_write(RateLimitHit)


def _locked(cursor, key):
    """Takes the key's lock for the rest of the transaction and purges what expired: the
    key's rows, and everyone's when this key starts afresh (so that abandoned keys go)."""
    cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [key])
    cursor.execute(
        f"SELECT count(*), max(at), clock_timestamp() FROM {TABLE} "  # noqa: S608 - our table
        "WHERE key = %s AND expires > clock_timestamp()",
        [key],
    )
    count, last, now = cursor.fetchone()
    scope = "" if count == 0 else "key = %s AND "
    cursor.execute(
        f"DELETE FROM {TABLE} WHERE {scope}expires <= clock_timestamp()",  # noqa: S608
        [key] if count else [],
    )
    return count, last, now


def _insert(cursor, key, window):
    cursor.execute(
        f"INSERT INTO {TABLE} (key, at, expires) "  # noqa: S608 - our table
        "VALUES (%s, clock_timestamp(), clock_timestamp() + make_interval(secs => %s)) "
        "RETURNING id",
        [key, float(window)],
    )
    return cursor.fetchone()[0]


def consume(key, limit, window):
    """Counts one action under `key` and returns its id if fewer than `limit` were counted in
    the last `window` seconds; otherwise counts nothing and returns None."""
    database = _database()
    with transaction.atomic(using=database), connections[database].cursor() as cursor:
        count, _, _ = _locked(cursor, key)
        if count >= limit:
            return None
        return _insert(cursor, key, window)


def hit(key, limit, window):
    return consume(key, limit, window) is not None


def count(key):
    """Actions counted under `key` that have not expired."""
    return RateLimitHit.objects.using(_database()).filter(key=key, expires__gt=Now()).count()


def undo(hit_id):
    if hit_id is not None:
        RateLimitHit.objects.using(_database()).filter(pk=hit_id).delete()


def clear(key):
    RateLimitHit.objects.using(_database()).filter(key=key).delete()


def delay(failures, free, base, cap):
    """Seconds to wait after `failures` counted actions: none for the first `free`, then
    `base`, doubling with each further one, at most `cap`."""
    if failures < free:
        return 0.0
    return float(min(cap, base * 2 ** min(failures - free, 32)))


def attempt(key, *, free, window, base, cap):
    """Back-off: counts one action and returns 0 when the wait after the key's last counted
    action (see `delay`) is over; otherwise counts nothing and returns the seconds left."""
    database = _database()
    with transaction.atomic(using=database), connections[database].cursor() as cursor:
        count, last, now = _locked(cursor, key)
        wait = delay(count, free, base, cap)
        left = (last.timestamp() + wait - now.timestamp()) if wait else 0.0
        if left > 0:
            return left
        _insert(cursor, key, window)
        return 0.0
