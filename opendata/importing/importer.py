"""Checking, deduplicating and writing imported rows.

One transaction for the whole file: a failure anywhere leaves the database as it was. A dry
run goes through exactly the same steps and rolls back at the end, so its report is what
--apply would do. Imported data goes through moderation: new actors are pending (with a
"new organisation" request), changes to published actors are change requests; only
`publish` (administrators) writes them straight onto the public directory. Imported
requests are not mailed one by one: moderators find them in their queue."""

import math
from dataclasses import dataclass, field

from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actors.models import Actor, ActorKind, ActorStatus, Commune, Language, Public, Service, Theme
from actors.places import point_for_address
from actors.text import normalise
from actors.validators import validate_rna, validate_siret
from contributions import profile
from contributions.models import ChangeRequest, ChangeRequestKind

CREATED, UPDATED, UNCHANGED, REJECTED, OUTSIDE = (
    "created",
    "updated",
    "unchanged",
    "rejected",
    "outside",
)
OUTCOMES = (CREATED, UPDATED, UNCHANGED, REJECTED, OUTSIDE)
NEARBY_KM = 0.2
TAXONOMIES = {"themes": Theme, "services": Service, "publics": Public, "languages": Language}
TEXTS = ["name", "summary", "description", "website", "email", "phone", "street_address",
         "opening_hours", "acceslibre_url", "appointment_url", "fees", "siret", "rna"]  # fmt: skip
FLAGS = {"welcomes_public": True, "works_remotely": False, "travels": False}
TRUE = {"true", "1", "oui", "yes", "vrai", "x"}
FALSE = {"false", "0", "non", "no", "faux", ""}


class RowError(Exception):
    """The row is rejected; the message says why."""


class OutsideTerritory(RowError):
    pass


@dataclass
class RowResult:
    line: int
    outcome: str
    name: str = ""
    reason: str = ""
    slug: str = ""


@dataclass
class Report:
    applied: bool = False
    rows: list = field(default_factory=list)

    def add(self, result):
        self.rows.append(result)

    def count(self, outcome):
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def counts(self):
        return {outcome: self.count(outcome) for outcome in OUTCOMES}

    def problems(self):
        return [row for row in self.rows if row.outcome in (REJECTED, OUTSIDE)]


@dataclass
class Candidate:
    values: dict
    source_id: str
    point_given: bool


def _text(row, name, limit=None):
    value = row.get(name)
    value = "" if value is None else str(value).strip()
    return value[:limit] if limit else value


def _flag(row, name):
    value = row.get(name)
    if isinstance(value, bool):
        return value
    text = "" if value is None else str(value).strip().lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return FLAGS[name] if text == "" else False
    raise RowError(
        _("%(field)s : « %(value)s » n'est ni oui ni non.") % {"field": name, "value": value}
    )


def _number(value):
    if value in (None, ""):
        return None
    try:
        number = float(str(value).replace(",", "."))
    except ValueError:
        raise RowError(_("Coordonnée invalide : « %s ».") % value) from None
    if not math.isfinite(number):
        raise RowError(_("Coordonnée invalide : « %s ».") % value)
    return number


class Importer:
    def __init__(self, source, publish=False, user=None):
        self.source = source[:60]
        self.publish = publish
        self.user = user
        self.kinds = set(ActorKind.objects.values_list("slug", flat=True))
        self.terms = {
            name: set(model.objects.values_list("slug", flat=True))
            for name, model in TAXONOMIES.items()
        }
        # Positions found by `prepare`, by (street address, INSEE code).
        self.places = {}

    def prepare(self, rows):
        """Geocodes the addresses the rows will need, before the import's transaction opens:
        the geocoder's shared state (cache, circuit breaker, limits: rows of the database) is
        then written and released at once, never held locked while a long import runs."""
        for _line, row in rows:
            try:
                candidate = self.candidate(row)
                if "location" in candidate.values:
                    continue
                actor = self.existing(candidate)
            except RowError:
                continue
            self.locate(candidate.values, profile.snapshot(actor) if actor else None)

    # Checking a row ---------------------------------------------------------------

    def candidate(self, row):
        if row.get("_error"):
            raise RowError(row["_error"])
        # An empty cell says nothing: an import never blanks a field.
        row = {k: v for k, v in row.items() if v not in (None, "", [])}
        name = _text(row, "name")
        if not name:
            raise RowError(_("Nom manquant."))
        values = {key: _text(row, key) for key in TEXTS if key in row}
        values["name"] = name
        for key in (*FLAGS, *profile.NULLABLE_FLAGS):
            if key in row:
                values[key] = _flag(row, key)
        kind = _text(row, "kind")
        if kind:
            if kind not in self.kinds:
                raise RowError(_("Type d'acteur inconnu : « %s ».") % kind)
            values["kind"] = kind
        for key, known in self.terms.items():
            if key in row:
                slugs = row[key] if isinstance(row[key], list) else [row[key]]
                slugs = [str(s).strip() for s in slugs if str(s).strip()]
                unknown = [s for s in slugs if s not in known]
                if unknown:
                    raise RowError(
                        _("Valeurs inconnues pour « %(field)s » : %(values)s.")
                        % {
                            "field": Actor._meta.get_field(key).verbose_name,
                            "values": ", ".join(unknown),
                        }
                    )
                values[key] = sorted(set(slugs))
        for key, validator in (("siret", validate_siret), ("rna", validate_rna)):
            if values.get(key):
                values[key] = values[key].replace(" ", "")
                try:
                    validator(values[key])
                except ValidationError as error:
                    raise RowError(" ".join(error.messages)) from None
        lat, lon = _number(row.get("latitude")), _number(row.get("longitude"))
        if (lat is None) != (lon is None):
            raise RowError(_("Latitude et longitude vont ensemble."))
        point = None
        if lat is not None:
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise RowError(
                    _("Coordonnées hors du monde : %(lat)s, %(lon)s.") % {"lat": lat, "lon": lon}
                )
            point = Point(lon, lat, srid=4326)
        commune = self.commune(row, point)
        values["commune"] = commune.insee
        if point is not None:
            values["location"] = [round(point.x, 6), round(point.y, 6)]
        return Candidate(values, _text(row, "source_id", 100), point is not None)

    def commune(self, row, point):
        """Coordinates decide the commune; without them, the INSEE code, else the postcode and
        name, else the name. Anything not in the CAPB is outside the territory."""
        if point is not None:
            commune = Commune.objects.containing(point).only("pk", "insee").first()
            if commune is None:
                raise OutsideTerritory(
                    _("Position hors de la Communauté d'Agglomération Pays Basque.")
                )
            return commune
        insee, name, postcode = (
            _text(row, "commune_insee"),
            _text(row, "commune"),
            _text(row, "postcode"),
        )
        if not (insee or name or postcode):
            raise RowError(_("Ni commune ni coordonnées."))
        commune = None
        if insee:
            commune = Commune.objects.filter(insee=insee).first()
        elif name:
            matches = Commune.objects.matching(name)
            if postcode:
                matches = matches.filter(postcodes__contains=[postcode])
            commune = matches.first()
        else:
            commune = Commune.objects.matching(postcode).first()
        if commune is None:
            label = insee or " ".join(filter(None, [postcode, name]))
            raise OutsideTerritory(
                _("Commune hors de la Communauté d'Agglomération Pays Basque ou inconnue : %s.")
                % label
            )
        return commune

    # Finding the same actor -------------------------------------------------------

    def existing(self, candidate):
        """The same organisation, if we know it: same source and id, else same SIRET or RNA,
        else the same normalised name in the same commune, else the same name within 200 m."""
        values = candidate.values
        actors = Actor.objects.select_related("kind", "commune")
        if candidate.source_id:
            found = actors.filter(source=self.source, source_id=candidate.source_id).first()
            if found:
                return found
        for key in ("siret", "rna"):
            if values.get(key):
                found = actors.filter(**{key: values[key]}).first()
                if found:
                    return found
        name = normalise(values["name"])
        same_commune = Actor.objects.filter(commune__insee=values["commune"])
        for pk, other in same_commune.values_list("pk", "name"):
            if normalise(other) == name:
                return actors.get(pk=pk)
        if "location" in values:
            point = Point(*values["location"], srid=4326)
            for pk, other in Actor.objects.within(point, NEARBY_KM).values_list("pk", "name"):
                if normalise(other) == name:
                    return actors.get(pk=pk)
        return None

    # Writing --------------------------------------------------------------------------

    def locate(self, values, current=None):
        """Rows without coordinates are placed by their address; an actor whose address did
        not change keeps its position (no new geocoding, no drift)."""
        if "location" in values:
            return
        if current and all(
            values.get(k, current[k]) == current[k] for k in ("street_address", "commune")
        ):
            values["location"] = current["location"]
            return
        place = (values.get("street_address", ""), values["commune"])
        if place not in self.places:
            commune = Commune.objects.get(insee=values["commune"])
            point = point_for_address(place[0], commune)
            self.places[place] = [round(point.x, 6), round(point.y, 6)]
        values["location"] = list(self.places[place])

    def validate(self, values, actor=None):
        """The model's own checks on the would-be actor, before anything is written."""
        probe = Actor(pk=actor.pk if actor else None, slug="probe")
        if actor is not None:
            for name in profile.SCALARS:
                setattr(probe, name, getattr(actor, name))
            probe.kind, probe.commune, probe.location = actor.kind, actor.commune, actor.location
        for name in profile.SCALARS:
            if name in values:
                setattr(probe, name, values[name])
        if "kind" in values:
            probe.kind = ActorKind.objects.get(slug=values["kind"])
        probe.commune = Commune.objects.get(insee=values["commune"])
        probe.location = Point(*values["location"], srid=4326)
        if probe.kind_id is None:
            raise RowError(_("Type d'acteur manquant."))
        if actor is None and not values.get("themes"):
            raise RowError(_("Au moins une thématique est nécessaire."))
        try:
            probe.full_clean(exclude=["slug", "logo", "status"], validate_unique=False)
        except ValidationError as error:
            messages = [
                f"{name}: {' '.join(errors)}" if name != "__all__" else " ".join(errors)
                for name, errors in error.message_dict.items()
            ]
            raise RowError(" ".join(messages)) from None

    def create(self, candidate):
        values = candidate.values
        self.locate(values)
        self.validate(values)
        actor = Actor(
            status=ActorStatus.PUBLISHED if self.publish else ActorStatus.PENDING,
            source=self.source,
            source_id=candidate.source_id,
        )
        save_actor(actor, values)
        if not self.publish:
            ChangeRequest.objects.create(
                actor=actor,
                author=self.user,
                kind=ChangeRequestKind.NEW,
                proposed=profile.snapshot(actor),
                base_updated_at=actor.updated_at,
            )
        return actor

    def update(self, actor, candidate):
        """UPDATED or UNCHANGED, after writing (or proposing) the row's values."""
        current = profile.snapshot(actor)
        values = candidate.values
        self.locate(values, current)
        proposed = {**current, **values}
        if proposed == current:
            return UNCHANGED
        self.validate(values, actor)
        if actor.status == ActorStatus.PUBLISHED and not self.publish:
            already = ChangeRequest.objects.open().changes().for_actor(actor)
            if any(request.proposed == proposed for request in already):
                return UNCHANGED
            ChangeRequest.objects.create(
                actor=actor,
                author=self.user,
                kind=ChangeRequestKind.CHANGE,
                proposed=proposed,
                base=current,
                base_updated_at=actor.updated_at,
            )
            return UPDATED
        save_actor(actor, proposed)
        if actor.status != ActorStatus.PUBLISHED:
            # Keep the pending "new organisation" request showing what will be published.
            ChangeRequest.objects.open().for_actor(actor).filter(kind=ChangeRequestKind.NEW).update(
                proposed=profile.snapshot(actor), base_updated_at=actor.updated_at
            )
        return UPDATED

    def run_row(self, line, row):
        try:
            candidate = self.candidate(row)
            actor = self.existing(candidate)
            if actor is None:
                actor = self.create(candidate)
                outcome = CREATED
            elif actor.status == ActorStatus.ARCHIVED:
                raise RowError(_("Correspond à un acteur archivé (%s).") % actor.slug)
            else:
                outcome = self.update(actor, candidate)
        except OutsideTerritory as error:
            return RowResult(line, OUTSIDE, _text(row, "name"), str(error))
        except RowError as error:
            return RowResult(line, REJECTED, _text(row, "name"), str(error))
        return RowResult(line, outcome, actor.name, slug=actor.slug)


def save_actor(actor, values):
    """Writes the values onto the actor (a separate function so that tests can inject a
    fault in the middle of a file)."""
    return profile.apply(actor, values)


def import_rows(rows, source, apply=False, publish=False, user=None, progress=None):
    """Imports (line, row) pairs; returns the Report. Rolls everything back unless `apply`."""
    report = Report(applied=apply)
    rows = list(rows)
    importer = Importer(source, publish=publish, user=user)
    importer.prepare(rows)
    with transaction.atomic():
        for line, row in progress(rows) if progress else rows:
            report.add(importer.run_row(line, row))
        if not apply:
            transaction.set_rollback(True)
    return report
