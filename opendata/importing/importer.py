"""Checking, matching and writing imported rows.

One transaction for the whole file: a failure anywhere leaves the database as it was. A dry
run goes through the same checks and matching (rows it would create are added to the
index, so later rows see them) and writes nothing, so its report is what --apply
would do. Imported data goes through moderation: new actors are pending (with a "new
organisation" request), changes to published actors are change requests; only `publish`
(administrators) writes them straight onto the public directory, and publishes the actors an
earlier import left pending. Imported requests are not mailed one by one: moderators find
them in their queue."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from actors.models import Actor, ActorKind, ActorStatus, LocationPrecision
from actors.taxonomies import MANY_MODELS
from contributions import profile
from contributions.models import ChangeRequestKind
from moderation import workflow

from . import scratch
from . import values as check
from .communes import CommuneIndex
from .identity import ActorIndex, Known
from .places import Locator
from .updates import current_values, update
from .values import OutsideTerritory, RowError

CREATED, UPDATED, UNCHANGED, REJECTED, OUTSIDE, DUPLICATE = (
    "created", "updated", "unchanged", "rejected", "outside", "duplicate",
)  # fmt: skip
OUTCOMES = (CREATED, UPDATED, UNCHANGED, REJECTED, OUTSIDE, DUPLICATE)
PROBLEMS = (REJECTED, OUTSIDE, DUPLICATE)
# Rows without problem or warning kept in a report, beyond which only counts are.
KEPT_PLAIN = 1000
# Rows with a problem or a warning kept: a file with one on every row would otherwise be
# held whole in memory (and in the admin's stored report); beyond, they are counted.
KEPT_DETAILED = 5000


class Duplicate(RowError):
    """The row means an actor an earlier row of the file already matched."""


@dataclass(slots=True)
class RowResult:
    line: int
    outcome: str
    name: str = ""
    reason: str = ""
    slug: str = ""
    warnings: list = field(default_factory=list)


@dataclass
class Report:
    """Counts every row; keeps the rows with a problem or a warning, and the first
    KEPT_PLAIN others, so that a large file's report stays small."""

    applied: bool = False
    rows: list = field(default_factory=list)
    format: str = ""
    separator: str = ""
    notes: list = field(default_factory=list)
    tally: dict = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    plain: int = 0
    detailed: int = 0
    unlisted: int = 0

    def add(self, result):
        self.tally[result.outcome] += 1
        if result.outcome in PROBLEMS or result.warnings:
            if self.detailed < KEPT_DETAILED:
                self.detailed += 1
                self.rows.append(result)
            else:
                self.unlisted += 1
        elif self.plain < KEPT_PLAIN:
            self.plain += 1
            self.rows.append(result)

    def count(self, outcome):
        return self.tally[outcome]

    @property
    def counts(self):
        return dict(self.tally)

    def problems(self):
        return [row for row in self.rows if row.outcome in PROBLEMS or row.warnings]


@dataclass
class Candidate:
    values: dict
    source_id: str
    slug: str = ""
    warnings: list = field(default_factory=list)
    note: str = ""


class Importer:
    def __init__(self, source, publish=False, user=None, apply=True):
        self.source = source[:60]
        self.publish = publish
        self.user = user
        self.apply = apply
        self.kinds = {kind.slug: kind for kind in ActorKind.objects.all()}
        self.terms = {
            name: set(model.objects.values_list("slug", flat=True))
            for name, model in MANY_MODELS.items()
        }
        self.communes = CommuneIndex()
        self.scratch = scratch.connect()
        self.locator = Locator(self.communes, self.scratch)
        self.index = ActorIndex(self.source, self.scratch)

    def close(self):
        self.scratch.close()

    def prepare(self, rows):
        """Geocodes the addresses the rows will need, before the import's transaction opens:
        the geocoder's shared state (cache, circuit breaker, limits: rows of the database) is
        then written and released at once, never held locked while a long import runs."""
        for _line, row in rows:
            if row.get("latitude") or not row.get("street_address"):
                continue
            try:
                candidate = self.candidate(row)
            except RowError:
                continue
            known, _note = self.index.find(candidate.values, candidate.source_id)
            self.locator.prepare(candidate.values, known)

    # Checking a row ---------------------------------------------------------------

    def candidate(self, row):
        if row.get("_error"):
            raise RowError(row["_error"])
        warnings = list(row.get("_warnings", []))
        # An empty cell says nothing: an import never blanks a field.
        row = {k: v for k, v in row.items() if v not in (None, "", [])}
        values = {key: check.text(row, key) for key in check.TEXTS if key in row}
        if not values.get("name"):
            raise RowError(_("Nom manquant."))
        for key in (*check.FLAGS, *profile.NULLABLE_FLAGS):
            if key in row:
                try:
                    values[key] = check.flag(row, key)
                except ValueError as error:
                    warnings.append(str(error))
        kind = check.text(row, "kind")
        if kind:
            if kind not in self.kinds:
                raise RowError(_("Type d'acteur inconnu : « %s ».") % kind)
            values["kind"] = kind
        check.terms(values, row, self.terms, warnings)
        check.identifiers(values)
        check.fix(values, warnings)
        point = check.point(row)
        commune = self.commune(row, point)
        values["commune"] = commune.insee
        if point is not None:
            values["location"] = list(point)
            approximate = check.text(row, "location_precision") == LocationPrecision.APPROXIMATE
            values["location_precision"] = (
                LocationPrecision.APPROXIMATE if approximate else LocationPrecision.PRECISE
            )
        source_id = check.text(row, "source_id", 100)
        return Candidate(values, source_id, check.text(row, "slug"), warnings)

    def commune(self, row, point):
        """Coordinates decide the commune; without them, the INSEE code, else the postcode and
        name. Anything not in the CAPB is outside the territory."""
        if point is not None:
            commune = self.communes.containing(*point)
            if commune is None:
                raise OutsideTerritory(
                    _("Position hors de la Communauté d'Agglomération Pays Basque.")
                )
            return commune
        insee, name, postcode = (
            check.text(row, k) for k in ("commune_insee", "commune", "postcode")
        )
        if not (insee or name or postcode):
            raise RowError(_("Ni commune ni coordonnées."))
        commune = self.communes.find(insee, postcode, name)
        if commune is None:
            label = insee or " ".join(filter(None, [postcode, name]))
            raise OutsideTerritory(
                _("Commune hors de la Communauté d'Agglomération Pays Basque ou inconnue : %s.")
                % label
            )
        return commune

    def validate(self, values, actor=None):
        """The model's own checks on the would-be actor, before anything is written; refused
        optional values are dropped with a warning (see values.drop_invalid)."""
        from .probe import probe_errors

        if actor is None and not values.get("kind"):
            raise RowError(_("Type d'acteur manquant."))
        if actor is None and not values.get("themes"):
            raise RowError(_("Au moins une thématique est nécessaire."))
        warnings = []
        for _attempt in range(2):
            error = probe_errors(values, actor, self.communes)
            if error is None:
                return warnings
            check.drop_invalid(values, error, warnings)
        raise RowError(_("Valeurs refusées."))

    # Writing --------------------------------------------------------------------------

    def create(self, candidate):
        values = candidate.values
        self.locator.locate(values)
        candidate.warnings += self.validate(values)
        status = ActorStatus.PUBLISHED if self.publish else ActorStatus.PENDING
        slug = self.free_slug(candidate.slug)
        if not self.apply:
            # No id: a later row meaning it is a duplicate, never an update.
            return Known(None, slug or "", "", "", "", values["commune"], "", 0.0, 0.0, status)
        actor = Actor(status=status, source=self.source, source_id=candidate.source_id,
                      slug=slug or "", is_demo=values.get("is_demo", False))  # fmt: skip
        save_actor(actor, values)
        if not self.publish:
            workflow.record_proposal(actor, self.user, ChangeRequestKind.NEW,
                                     current_values(actor))  # fmt: skip
        return actor

    def free_slug(self, slug):
        """Our own export's slug, kept when free: a round trip keeps the actors' URLs."""
        from django.utils.text import slugify

        if slug and slugify(slug) == slug and not self.index.has_slug(slug):
            return slug
        return ""

    def update(self, known, candidate):
        return update(self, known, candidate)

    def run_row(self, line, row):
        try:
            candidate = self.candidate(row)
            known, note = self.index.find(candidate.values, candidate.source_id)
            candidate.note = note
            if known is not None and known.line:
                raise Duplicate(
                    _("Doublon de la ligne %(line)s : non appliqué.") % {"line": known.line}
                )
            if known is None:
                actor, outcome = self.create(candidate), CREATED
                known = self.remember(actor, candidate, line)
            elif known.status == ActorStatus.ARCHIVED:
                raise RowError(_("Correspond à un acteur archivé (%s).") % known.slug)
            else:
                outcome = self.update(known, candidate)
                self.index.matched(known, line)
        except OutsideTerritory as error:
            return RowResult(line, OUTSIDE, check.text(row, "name"), str(error))
        except Duplicate as error:
            return RowResult(line, DUPLICATE, check.text(row, "name"), str(error))
        except RowError as error:
            return RowResult(line, REJECTED, check.text(row, "name"), str(error))
        warnings = candidate.warnings + ([candidate.note] if candidate.note else [])
        return RowResult(line, outcome, candidate.values["name"], slug=known.slug,
                         warnings=warnings)  # fmt: skip

    def remember(self, actor, candidate, line):
        """Adds a created actor to the index, matched by that record: a later row of the
        file may mean it."""
        from actors.text import normalise

        values = candidate.values
        known = actor if isinstance(actor, Known) else Known(
            actor.pk, actor.slug, "", "", "", "", "", 0.0, 0.0, actor.status
        )  # fmt: skip
        known.name, known.insee = normalise(values["name"]), values["commune"]
        known.siret, known.rna = values.get("siret", ""), values.get("rna", "")
        known.street = normalise(values.get("street_address", ""))
        known.lon, known.lat = values["location"]
        known.line = line
        self.index.add(known, candidate.source_id)
        return known


def save_actor(actor, values):
    """Writes the values onto the actor (a separate function so that tests can inject a
    fault in the middle of a file)."""
    return profile.apply(actor, values)


def import_rows(rows, source, apply=False, publish=False, user=None, progress=None):
    """Imports (line, row) pairs (a readers.Reading, or a list); returns the Report. Writes
    nothing unless `apply`."""
    report = Report(applied=apply, format=getattr(rows, "format", ""),
                    separator=getattr(rows, "separator", ""),
                    notes=list(getattr(rows, "notes", [])))  # fmt: skip
    importer = Importer(source, publish=publish, user=user, apply=apply)
    try:
        importer.prepare(rows)
        with transaction.atomic():
            for line, row in progress(rows) if progress else rows:
                report.add(importer.run_row(line, row))
            if not apply:
                transaction.set_rollback(True)
    finally:
        importer.close()
    return report
