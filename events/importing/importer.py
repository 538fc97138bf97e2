"""Importing events with the importer's guarantees (opendata.importing.expertise): a dry
run reports what --apply would do and writes nothing; the whole file is one transaction;
each event is written in a savepoint, so that a refused one is reported and skipped; a
second run changes nothing.

Identity: the source's identifier (iCalendar UID, OpenAgenda uid) kept on the event with
its source; an event of our own feed (events.ics) is found by its id, and only the
properties that differ from what our feed says of it today are read, so that re-importing
our own feed changes nothing. Imported events go through moderation: a new one is pending
with a "new" request, a change to a published one is a change request, a pending one is
written in place. Events outside the CAPB are reported apart."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from moderation import workflow
from moderation.contract import ProposalKind, Status
from opendata.importing.expertise import moderated_update, run_rows
from opendata.importing.importer import (
    CREATED,
    DUPLICATE,
    OUTSIDE,
    REJECTED,
    Report,
    RowResult,
)
from opendata.importing.values import RowError

from .. import ics
from ..models import Event
from . import ical, openagenda
from .places import Outside


@dataclass(frozen=True)
class Format:
    source: str
    read: Callable
    uid: Callable
    values: Callable
    title: Callable


FORMATS = {
    "ical": Format("ical", ical.read, ical.uid, ical.values, ical.title),
    "openagenda": Format(
        "openagenda", openagenda.read, openagenda.uid, openagenda.values, openagenda.title
    ),
}


def _problem(error):
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)


class EventImporter:
    def __init__(self, kind, actor, user=None):
        self.format = FORMATS[kind]
        self.actor = actor
        self.user = user
        self.declaration = Event.declaration()
        self.seen = {}  # identifier: the first position meaning it

    def own_event(self, raw):
        pk = ical.own(raw) if self.format.source == "ical" else None
        return Event.objects.filter(pk=pk).first() if pk else None

    def read_values(self, raw, found):
        """The row's values; of one of our own events, only what differs from our feed."""
        if found is None or found.source:
            return self.format.values(raw)
        base = str(raw["URL"]).split("/", 3)
        exported = ics.vevent(found, "/".join(base[:3]), datetime.now(UTC))
        return self.format.values(raw, same=ical.unchanged_fields(raw, exported))

    def run_row(self, line, raw):
        title = self.format.title(raw)[:200]
        try:
            identifier = self.format.uid(raw)
            if not identifier:
                raise RowError(_("Pas d'identifiant (UID) : l'événement ne serait pas retrouvé."))
            if raw.get("RECURRENCE-ID") is not None:
                raise RowError(_("Occurrence modifiée (RECURRENCE-ID) : non prise en charge."))
            if identifier in self.seen:
                first = {"line": self.seen[identifier]}
                message = _("Doublon de la ligne %(line)s : non appliqué.") % first
                return RowResult(line, DUPLICATE, title, message)
            self.seen[identifier] = line
            found = (
                self.own_event(raw)
                or Event.objects.filter(source=self.format.source, source_id=identifier).first()
            )
            values = self.read_values(raw, found)
            with transaction.atomic():
                item, outcome = (
                    self.create(identifier, values) if found is None else self.update(found, values)
                )
        except Outside as error:
            return RowResult(line, OUTSIDE, title, str(error))
        except (RowError, ValidationError, IntegrityError) as error:
            return RowResult(line, REJECTED, title, _problem(error))
        return RowResult(line, outcome, title, slug=item.slug)

    def create(self, identifier, values):
        item = Event(actor=self.actor, status=Status.PENDING,
                     source=self.format.source, source_id=identifier)  # fmt: skip
        self.declaration.apply(item, values)
        workflow.record_proposal(item, self.user, ProposalKind.NEW, self.declaration.snapshot(item))
        return item, CREATED

    def update(self, item, values):
        if item.actor_id != self.actor.pk:
            raise RowError(_("Événement d'un autre acteur (%s) : non modifié.") % item.slug)
        if item.status == Status.ARCHIVED:
            raise RowError(_("Correspond à un événement archivé (%s).") % item.slug)
        return item, moderated_update(item, values, self.user, check=self.check)

    def check(self, item, proposed):
        """A change request the model would refuse is reported now, not at moderation."""
        with transaction.atomic():
            self.declaration.apply(Event.objects.get(pk=item.pk), proposed)
            transaction.set_rollback(True)


def import_events(data, kind, actor, apply=False, user=None):
    """Imports the events of `data` (bytes); returns the Report. Writes nothing unless
    `apply`. ValueError when the file cannot be read as `kind`."""
    importer = EventImporter(kind, actor, user)
    rows = importer.format.read(data)
    return run_rows(importer, rows, Report(applied=apply, format=kind))
