"""The admin importer's previews and confirmed imports, run by the task queue's worker rather
than in the request: a large file takes longer than a proxy waits. Never retried: a preview
writes nothing and an import is one transaction, so a failure wrote nothing, and the status
page says why it failed."""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy
from procrastinate.contrib.django import app

from .importing import readers
from .importing.importer import import_rows
from .importing.reporting import as_data
from .models import ImportRun
from .progress import recorder

logger = logging.getLogger(__name__)
# A previewed file nobody confirmed is dropped after this long.
UNCONFIRMED_DAYS = 1
Status = ImportRun.Status
# Lazy: said in the uploader's language, chosen while the job runs.
PREVIEW_FAILED = gettext_lazy("La simulation a échoué : %(error)s")
IMPORT_FAILED = gettext_lazy("L'import a échoué, rien n'a été écrit : %(error)s")


def enqueue_preview(run, task=None):
    """Saves the uploaded run and defers its preview (`task`, the actors' by default),
    both or neither: the file waits in the database, whether a worker runs or not."""
    with transaction.atomic():
        run.status = Status.TO_PREVIEW
        run.save()
        (task or preview_file).defer(run_id=run.pk)


def enqueue(run, task=None):
    """Marks the previewed run queued and defers its job (`task`, the actors' import by
    default), both or neither."""
    with transaction.atomic():
        run.status, run.rows_done = Status.QUEUED, 0
        run.save(update_fields=["status", "rows_done"])
        (task or import_file).defer(run_id=run.pk)


def _finish(run_id, **fields):
    ImportRun.objects.filter(pk=run_id).update(finished_at=timezone.now(), data=b"", **fields)


def step(run_id, waiting, running, done, apply, work=None):
    """Claims the run (`waiting` to `running`: a job run twice does nothing the second
    time), reads the file and imports it (`apply`) or previews it with `work(run, apply)`
    (the actors' importer by default); then `done` with the report. The file is dropped
    once imported, or when reading it failed."""
    if not ImportRun.objects.filter(pk=run_id, status=waiting).update(status=running):
        return
    failure = IMPORT_FAILED if apply else PREVIEW_FAILED
    report = _run(run_id, apply, failure, work or _import_actors)
    if report is None:
        return
    if apply:
        _finish(run_id, status=done, report=as_data(report))
    else:
        ImportRun.objects.filter(pk=run_id).update(status=done, report=as_data(report))


def _import_actors(run, apply):
    options = run.options
    rows = readers.read(bytes(run.data), options["format"], options.get("mapping"))
    if not apply:
        # Read once more for the progress bar's end: the file is 5 MB at most.
        total = sum(1 for _row in rows)
        ImportRun.objects.filter(pk=run.pk).update(rows_total=total)
    return import_rows(rows, options["source"], apply=apply, publish=options["publish"],
                       user=run.user, progress=recorder(run.pk))  # fmt: skip


def _run(run_id, apply, failure, work):
    """The run's report, or None when it failed (its status and error then say why)."""
    run = ImportRun.objects.select_related("user").get(pk=run_id)
    with translation.override(run.options.get("language") or None):
        try:
            return work(run, apply)
        except readers.UnreadableFile as error:
            # The file's fault, found as it was read: said on the status page, not a bug.
            _finish(run_id, status=Status.FAILED, error=failure % {"error": error})
            return None
        except Exception as error:
            logger.exception("Import %s failed", run_id)
            message = failure % {"error": str(error) or type(error).__name__}
            _finish(run_id, status=Status.FAILED, error=message)
            raise


@app.task(name="opendata.preview_file", queue="imports", retry=False)
def preview_file(run_id):
    """The dry run of an uploaded file: its report, then the confirm button."""
    step(run_id, Status.TO_PREVIEW, Status.PREVIEWING, Status.PREVIEWED, apply=False)


@app.task(name="opendata.import_file", queue="imports", retry=False)
def import_file(run_id):
    step(run_id, Status.QUEUED, Status.RUNNING, Status.DONE, apply=True)


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
