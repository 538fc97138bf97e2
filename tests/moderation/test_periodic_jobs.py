"""The daily jobs are scheduled by the task queue (no cron) and run by its real worker."""

import time
from datetime import timedelta

from django.core import mail
from django.core.files.storage import default_storage
from django.utils import timezone
from procrastinate.contrib.django import app

from contributions.models import Suggestion
from contributions.tasks import purge_suggestions, sweep_held_uploads
from moderation.tasks import freshness_reminders, moderation_digest
from tests.contributions.test_pending_uploads import held
from tests.moderation.test_freshness import age
from tests.queue import jobs, run_worker


def test_the_daily_jobs_are_scheduled_by_the_queue():
    schedule = {
        periodic.task.name: periodic.cron
        for periodic in app.periodic_registry.periodic_tasks.values()
    }
    assert schedule == {
        "contributions.purge_suggestions": "15 3 * * *",
        "contributions.sweep_held_uploads": "45 3 * * *",
        "opendata.drop_unconfirmed_imports": "0 4 * * *",
        "opendata.relocate_approximate": "30 4 * * *",
        "moderation.send_digest": "0 6 * * *",
        "alerts.send_alerts": "0 7 * * *",
        "moderation.send_freshness_reminders": "0 8 * * *",
        "actors.refresh_opening": "30 23 * * *",
    }


def test_the_worker_sends_the_digest_and_the_reminders(people, change, actor, task_queue):
    age(actor, 400)
    moderation_digest.defer(timestamp=int(time.time()))
    freshness_reminders.defer(timestamp=int(time.time()))
    run_worker("periodic")
    subjects = {tuple(m.to): m.subject for m in mail.outbox}
    assert "1 élément en attente" in subjects[("equipe@example.org",)]
    assert "Repair Café Bayonne" in subjects[("proprio@example.org",)]
    assert {job.status for job in jobs("moderation.send_digest")} == {"succeeded"}


def test_the_worker_purges_year_old_suggestions(suggestion, task_queue):
    Suggestion.objects.filter(pk=suggestion.pk).update(
        created_at=timezone.now() - timedelta(days=366)
    )
    kept = Suggestion.objects.create(actor=suggestion.actor, text="Récente.")
    purge_suggestions.defer(timestamp=int(time.time()))
    run_worker("periodic")
    assert list(Suggestion.objects.all()) == [kept]


def test_the_worker_deletes_held_files_that_expired(task_queue, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    _token, expired = held("logos/pending/", age=timedelta(days=3))
    _token, recent = held("logos/pending/")
    sweep_held_uploads.defer(timestamp=int(time.time()))
    run_worker("periodic")
    assert not default_storage.exists(expired) and default_storage.exists(recent)
    assert {job.status for job in jobs("contributions.sweep_held_uploads")} == {"succeeded"}
