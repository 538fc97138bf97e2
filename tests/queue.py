"""The real task queue in tests: jobs are deferred into the test database and a real
procrastinate worker runs them in this process, on its own connection (so the tests that
use it need committed data: `transactional_db`)."""

from django.db import connection
from procrastinate.contrib.django import app
from procrastinate.contrib.django.models import ProcrastinateJob


def run_worker(*queues):
    """Runs every job of `queues` that is due, then returns."""
    with app.replace_connector(app.connector.get_worker_connector()) as worker_app:
        worker_app.run_worker(
            queues=list(queues), wait=False, install_signal_handlers=False, listen_notify=False
        )


def jobs(task_name):
    return ProcrastinateJob.objects.filter(task_name=task_name).order_by("id")


def make_due(job):
    """As if the job's retry delay had passed."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE procrastinate_jobs SET scheduled_at = now() WHERE id = %s", [job.pk])
