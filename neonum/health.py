"""/healthz for load balancers: is this process able to serve?

Each check is a function that raises when its part is unusable; CHECKS lists them by the
name shown in the answer (add one there). The answer names the
failing checks and the exception's class only: no message, address or setting leaks out."""

import logging
import uuid

from django.core.cache import cache as default_cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from neonum.queue import queue_health

logger = logging.getLogger(__name__)


def database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


_migrated = False


def migrations():
    """Every migration of the code is applied. Once true it stays true for this process
    (new migrations come with new code, hence new processes): not re-read on each call."""
    global _migrated
    if _migrated:
        return
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        raise RuntimeError(f"{len(pending)} migrations not applied")
    _migrated = True


def cache():
    key = f"healthz:{uuid.uuid4().hex}"
    default_cache.set(key, "ok", 30)
    try:
        if default_cache.get(key) != "ok":
            raise RuntimeError("the cache does not keep what it is given")
    finally:
        default_cache.delete(key)


def queue():
    """The task queue's tables answer. A stopped worker leaves the pages working: not a
    failure here (its waiting jobs show it in the admin)."""
    ok, _detail = queue_health()
    if not ok:
        raise RuntimeError("the task queue does not answer")


CHECKS = {"database": database, "migrations": migrations, "cache": cache, "queue": queue}


def run_checks():
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # noqa: BLE001 - any failure makes the process unhealthy
            logger.exception("Health check %s failed", name)
            results[name] = f"fail: {type(error).__name__}"
        else:
            results[name] = "ok"
    return results


@never_cache
def healthz(request):
    results = run_checks()
    healthy = all(value == "ok" for value in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "fail", "checks": results},
        status=200 if healthy else 503,
    )
