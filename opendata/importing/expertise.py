"""Importing réalisations or ressources from our own CSV, with the actors' importer's
guarantees: a dry run reports what --apply would do and writes nothing; the whole file is
one transaction (a failure anywhere changes nothing); a second run changes nothing.

Identity: the `slug` column names the item (our export's, kept for a new item when free);
without it, the same publishing actor (`actor`, a slug) and the same title in one of the
three languages. Each row is written inside a savepoint, so that a row the model refuses
is reported and rolled back alone; a dry run writes every row the same way and rolls the
whole file back at the end, so that its report is exactly what --apply does.

Imported data goes through moderation: a new item is pending with a "new" request, a
change to a published item is a change request (the same request twice is not proposed
again); a draft or pending item is written in place."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from actors.models import Actor
from actors.texts import columns
from expertise.filters import FILTERSETS
from moderation import workflow
from moderation.contract import ProposalKind, Status

from .expertise_values import Vocabulary, row_values
from .importer import CREATED, DUPLICATE, REJECTED, UNCHANGED, UPDATED, Report, RowResult
from .values import RowError
from .values import text as cell


class Duplicate(RowError):
    pass


def _problem(error):
    if isinstance(error, ValidationError):
        return " ".join(message for message in error.messages)
    return str(error)


class ExpertiseImporter:
    def __init__(self, kind, user=None):
        self.model = FILTERSETS[kind][0]
        self.declaration = self.model.declaration()
        self.names = self.declaration.names()
        self.vocabulary = Vocabulary()
        self.user = user
        self.seen = {}  # item id: the first line meaning it

    def find(self, row):
        slug = cell(row, "slug")
        if slug:
            return self.model.objects.filter(slug=slug).first()
        titles = [cell(row, name) for name in columns("title") if cell(row, name)]
        if not titles or not cell(row, "actor"):
            return None
        same_title = Q()
        for title in titles:
            for name in columns("title"):
                same_title |= Q(**{f"{name}__iexact": title})
        return self.model.objects.filter(same_title, actor__slug=cell(row, "actor")).first()

    def run_row(self, line, row):
        title = next((cell(row, n) for n in columns("title") if cell(row, n)), "")
        try:
            if row.get("_error"):
                raise RowError(row["_error"])
            values = row_values(row, self.names, self.vocabulary)
            found = self.find(row)
            if found is not None and found.pk in self.seen:
                raise Duplicate(
                    _("Doublon de la ligne %(line)s : non appliqué.")
                    % {"line": self.seen[found.pk]}
                )
            with transaction.atomic():
                item, outcome = (
                    self.create(row, values) if found is None else self.update(found, row, values)
                )
        except Duplicate as error:
            return RowResult(line, DUPLICATE, title, str(error))
        except (RowError, ValidationError, IntegrityError) as error:
            return RowResult(line, REJECTED, title, _problem(error))
        self.seen[item.pk] = line
        return RowResult(line, outcome, title, slug=item.slug, warnings=row.get("_warnings", []))

    def create(self, row, values):
        actor = Actor.objects.filter(slug=cell(row, "actor")).first()
        if actor is None:
            raise RowError(_("Acteur qui publie inconnu : « %s ».") % cell(row, "actor"))
        item = self.model(actor=actor, status=Status.PENDING, slug=self.free_slug(row))
        self.declaration.apply(item, values)
        workflow.record_proposal(item, self.user, ProposalKind.NEW, self.declaration.snapshot(item))
        return item, CREATED

    def free_slug(self, row):
        """Our export's slug, kept when free: a round trip keeps the pages' addresses."""
        slug = cell(row, "slug")
        if slug and slugify(slug) == slug and not self.model.objects.filter(slug=slug).exists():
            return slug
        return ""

    def update(self, item, row, values):
        actor = cell(row, "actor")
        if actor and actor != item.actor.slug:
            raise RowError(_("L'acteur qui publie ne change pas par un import (%s).") % item.slug)
        if item.status == Status.ARCHIVED:
            raise RowError(_("Correspond à une publication archivée (%s).") % item.slug)
        return item, moderated_update(item, values, self.user)


def moderated_update(item, values, user, check=None):
    """Writes `values` onto a known item through moderation; returns the outcome. A published
    item gets a change request (the same one twice is not proposed again), after `check(item,
    proposed)` when given; a draft or pending item is written in place."""
    declaration = item.declaration()
    current = declaration.snapshot(item)
    proposed = {**current, **values}
    if proposed == current:
        return UNCHANGED
    requests = declaration.requests.objects.open().for_subject(item)
    if item.status == Status.PUBLISHED:
        if any(request.proposed == proposed for request in requests.changes()):
            return UNCHANGED
        if check is not None:
            check(item, proposed)
        workflow.record_proposal(item, user, ProposalKind.CHANGE, proposed, base=current)
        return UPDATED
    declaration.apply(item, proposed)
    # A pending item's "new" request shows what will be published.
    requests.new().update(proposed=declaration.snapshot(item))
    return UPDATED


def import_expertise(rows, kind, apply=False, user=None):
    """Imports (line, row) pairs of one kind; returns the Report. Writes nothing unless
    `apply`."""
    report = Report(applied=apply, format=getattr(rows, "format", ""),
                    separator=getattr(rows, "separator", ""),
                    notes=list(getattr(rows, "notes", [])))  # fmt: skip
    return run_rows(ExpertiseImporter(kind, user), rows, report)


def run_rows(importer, rows, report):
    """Each (line, row) through `importer.run_row` in one transaction, rolled back unless the
    report is applied; returns the report."""
    with transaction.atomic():
        for line, row in rows:
            report.add(importer.run_row(line, row))
        if not report.applied:
            transaction.set_rollback(True)
    return report
