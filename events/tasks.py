"""The admin's previews and confirmed imports of events, run by the task queue's worker as
the actors' are (opendata.tasks): a calendar's places are geocoded one by one, which takes
longer than a proxy waits."""

from django.utils.translation import gettext as _
from procrastinate.contrib.django import app

from actors.models import Actor
from opendata.importing.readers import UnreadableFile
from opendata.models import ImportRun
from opendata.tasks import step

from .importing.importer import import_events

Status = ImportRun.Status


def _import(run, apply):
    options = run.options
    actor = Actor.objects.filter(slug=options["actor"]).first()
    if actor is None:
        raise UnreadableFile(_("L'acteur « %s » n'existe plus.") % options["actor"])
    try:
        return import_events(bytes(run.data), options["format"], actor, apply=apply, user=run.user)
    except ValueError as error:
        raise UnreadableFile(str(error)) from None


@app.task(name="events.preview_import", queue="imports", retry=False)
def preview_import(run_id):
    """The dry run of an uploaded or fetched calendar: its report, then the confirm button."""
    step(run_id, Status.TO_PREVIEW, Status.PREVIEWING, Status.PREVIEWED, apply=False, work=_import)


@app.task(name="events.import_file", queue="imports", retry=False)
def import_file(run_id):
    step(run_id, Status.QUEUED, Status.RUNNING, Status.DONE, apply=True, work=_import)
