"""Periodic jobs of the moderation workflow, run by the task queue's worker (no cron). The
emails they send are jobs of their own, retried if the mail server is down."""

from procrastinate.contrib.django import app

from . import freshness
from .queue import send_digest


# Every day at 06:00 UTC, before the moderators' day starts.
@app.periodic(cron="0 6 * * *")
@app.task(name="moderation.send_digest", queue="periodic")
def moderation_digest(timestamp):
    return send_digest()[0]


# Every day at 08:00 UTC; each actor is reminded at most once every 30 days.
@app.periodic(cron="0 8 * * *")
@app.task(name="moderation.send_freshness_reminders", queue="periodic")
def freshness_reminders(timestamp):
    return freshness.send_reminders()
