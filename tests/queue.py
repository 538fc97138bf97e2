"""The real task queue in tests: jobs are deferred into the test database and a real
procrastinate worker runs them in this process, on its own connection (so the tests that
use it need committed data: `transactional_db`)."""

import threading

from django.db import connection, connections
from procrastinate.contrib.django import app
from procrastinate.contrib.django.models import ProcrastinateJob


def run_worker(*queues):
    """Runs every job of `queues` that is due, then returns. The worker's tasks close their
    Django connection after each job (no persistent connection), so that none outlives the
    test and blocks the test database's removal. Finished jobs are kept (production deletes
    the successful ones) so that tests can read how each ended."""
    settings = connections.settings["default"]
    kept, settings["CONN_MAX_AGE"] = settings["CONN_MAX_AGE"], 0
    failures = []

    def work():
        try:
            with app.replace_connector(app.connector.get_worker_connector()) as worker_app:
                worker_app.run_worker(
                    queues=list(queues), wait=False, install_signal_handlers=False,
                    listen_notify=False, delete_jobs="never",
                )  # fmt: skip
        except BaseException as error:  # noqa: BLE001 - raised again in the test's thread
            failures.append(error)

    # The worker runs its own event loop: in a thread of its own, since the browser tests'
    # Playwright keeps one running in the main thread for the whole session.
    worker = threading.Thread(target=work, name="test-worker")
    try:
        worker.start()
        worker.join()
    finally:
        settings["CONN_MAX_AGE"] = kept
    if failures:
        raise failures[0]


def jobs(task_name):
    return ProcrastinateJob.objects.filter(task_name=task_name).order_by("id")


def make_due(job):
    """As if the job's retry delay had passed."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE procrastinate_jobs SET scheduled_at = now() WHERE id = %s", [job.pk])
