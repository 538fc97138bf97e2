"""Periodic job of the actors app, run by the task queue's worker (no cron)."""

from procrastinate.contrib.django import app

from . import indexing


# Every day at 23:30 UTC, just after midnight in Paris whatever the season: the open
# intervals move on by a day (the `open` filter reads them).
@app.periodic(cron="30 23 * * *")
@app.task(name="actors.refresh_opening", queue="periodic")
def refresh_opening(timestamp):
    return indexing.refresh_opening()
