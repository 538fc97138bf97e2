"""The task queue (procrastinate): its jobs live in the project's PostgreSQL database, in
tables created by `migrate`; `manage.py procrastinate worker` runs them (`make worker`)."""

from django.db import DatabaseError
from procrastinate.contrib.django.models import ProcrastinateJob


def queue_health():
    """(ok, detail) for the health check: the queue's tables answer a cheap query. A stopped
    worker does not make the site unhealthy (pages still work); the waiting jobs say so."""
    try:
        waiting = ProcrastinateJob.objects.filter(status="todo").count()
        failed = ProcrastinateJob.objects.filter(status="failed").count()
    except DatabaseError as error:
        return False, f"queue unreachable: {type(error).__name__}"
    return True, f"{waiting} job(s) waiting, {failed} failed"
