"""Periodic job of the alerts, run by the task queue's worker (no cron)."""

from procrastinate.contrib.django import app

from . import sending


# Every day at 07:00 UTC, morning in Paris whatever the season; each subscription is sent
# when its week or month has passed.
@app.periodic(cron="0 7 * * *")
@app.task(name="alerts.send_alerts", queue="periodic")
def send_alerts(timestamp):
    return sending.send_due()
