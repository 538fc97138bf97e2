"""The admin importer's confirmed imports, run by the task queue's worker rather than in the
request: a large file takes longer than a proxy waits. Never retried: the import is one
transaction, so a failure wrote nothing, and the status page says why it failed."""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from procrastinate.contrib.django import app

from .importing import readers
from .importing.importer import import_rows
from .importing.reporting import as_data
from .models import ImportRun
from .progress import recorder

logger = logging.getLogger(__name__)
# A previewed file nobody confirmed is dropped after this long.
UNCONFIRMED_DAYS = 1


def enqueue(run):
    """Marks the previewed run queued and defers its job, both or neither."""
    with transaction.atomic():
        run.status = ImportRun.Status.QUEUED
        run.save(update_fields=["status"])
        import_file.defer(run_id=run.pk)


def _finish(run_id, **fields):
    ImportRun.objects.filter(pk=run_id).update(finished_at=timezone.now(), data=b"", **fields)


@app.task(name="opendata.import_file", queue="imports", retry=False)
def import_file(run_id):
    claimed = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.QUEUED).update(
        status=ImportRun.Status.RUNNING
    )
    if not claimed:
        return
    run = ImportRun.objects.select_related("user").get(pk=run_id)
    options = run.options
    with translation.override(options.get("language") or None):
        try:
            rows = readers.read(bytes(run.data), options["format"], options.get("mapping"))
            report = import_rows(rows, options["source"], apply=True,
                                 publish=options["publish"], user=run.user,
                                 progress=recorder(run_id))  # fmt: skip
        except Exception as error:
            logger.exception("Import %s failed", run_id)
            message = _("L'import a échoué, rien n'a été écrit : %(error)s") % {
                "error": str(error) or type(error).__name__
            }
            _finish(run_id, status=ImportRun.Status.FAILED, error=message)
            raise
    _finish(run_id, status=ImportRun.Status.DONE, report=as_data(report))


# Every day at 04:00 UTC.
@app.periodic(cron="0 4 * * *")
@app.task(name="opendata.drop_unconfirmed_imports", queue="periodic")
def drop_unconfirmed_imports(timestamp):
    cutoff = timezone.now() - timedelta(days=UNCONFIRMED_DAYS)
    stale = ImportRun.objects.filter(status=ImportRun.Status.PREVIEWED, created_at__lt=cutoff)
    return stale.delete()[0]


# Every day at 04:30 UTC.
@app.periodic(cron="30 4 * * *")
@app.task(name="opendata.relocate_approximate", queue="periodic")
def relocate_approximate(timestamp):
    from .relocate import relocate_approximate as relocate

    return relocate()
