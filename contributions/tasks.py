"""Periodic jobs of the contributions app, run by the task queue's worker (no cron)."""

from procrastinate.contrib.django import app

from . import pending_uploads
from .services.suggestions import purge_old


# Every day at 03:15 UTC, as the privacy page promises.
@app.periodic(cron="15 3 * * *")
@app.task(name="contributions.purge_suggestions", queue="periodic")
def purge_suggestions(timestamp):
    return purge_old()


# Every day at 03:45 UTC: files chosen in forms that came back with errors and were never sent
# again (contributions.pending_uploads).
@app.periodic(cron="45 3 * * *")
@app.task(name="contributions.sweep_held_uploads", queue="periodic")
def sweep_held_uploads(timestamp):
    return pending_uploads.sweep()
