"""A CSV row of a réalisation or ressource (the columns of our own exports) as the values the
moderation workflow reads (expertise.declaration): texts, closed choices, ISO dates,
communes by INSEE code, terms, programmes, types, réalisations and actors by slug, partners
as (role, actor slug, outside name) triples. Anything unknown rejects the row, the value
quoted; an empty cell says nothing (an import never blanks a field)."""

from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actors.models import Actor, Commune, Public, Theme
from expertise.models import (
    ContentLanguage,
    FundingProgramme,
    Licence,
    PartnerRole,
    Progress,
    Realisation,
    RessourceType,
)
from opendata.expertise_records import LIST_FIELDS, fields

from . import readers
from . import values as check
from .values import RowError

CHOICES = {"progress": Progress, "licence": Licence, "content_language": ContentLanguage}
DATES = ("start_date", "end_date")
# Values named by a key: {column: (queryset of what may be named, key, what it is)}.
KEYED = {
    "communes": (Commune.objects.all(), "insee", gettext_lazy("commune")),
    "themes": (Theme.objects.all(), "slug", gettext_lazy("thématique")),
    "publics": (Public.objects.all(), "slug", gettext_lazy("public")),
    "funding_programme": (FundingProgramme.objects.all(), "slug", gettext_lazy("programme")),
    "type": (RessourceType.objects.all(), "slug", gettext_lazy("type de ressource")),
    "realisation": (Realisation.objects.all(), "slug", gettext_lazy("réalisation")),
    "authors": (Actor.objects.published(), "slug", gettext_lazy("acteur publié")),
}
PARTNERS = {"partner_actors": 1, "partner_names": 2}  # the column and its place in a triple


def read_csv(kind, source):
    """The file's records with our field names, lists split on "|"."""
    known = set(fields(kind))

    def to_row(raw, _mapping):
        row = {k: v for k, v in raw.items() if k in known}
        for name in LIST_FIELDS:
            if isinstance(row.get(name), str):
                row[name] = [s.strip() for s in row[name].split("|") if s.strip()]
        return {**row, **readers._extra(raw)}

    return readers.read_table(source, "csv", None, to_row, known)


class Vocabulary:
    """The keys that exist, read once per import."""

    def __init__(self):
        self.keys = {
            name: set(queryset.values_list(key, flat=True))
            for name, (queryset, key, _what) in KEYED.items()
        }
        self.actors = set(Actor.objects.values_list("slug", flat=True))
        self.published = self.keys["authors"]

    def check(self, name, wanted):
        unknown = [value for value in wanted if value not in self.keys[name]]
        if unknown:
            raise RowError(
                _("%(what)s inconnu(e) : « %(value)s ».")
                % {"what": KEYED[name][2], "value": "», «".join(unknown)}
            )


def _choice(row, name):
    value = check.text(row, name)
    if value not in CHOICES[name].values:
        raise RowError(
            _("%(field)s : « %(value)s » n'est pas une valeur possible (%(allowed)s).")
            % {"field": name, "value": value, "allowed": ", ".join(CHOICES[name].values)}
        )
    return value


def _date(row, name):
    value = check.text(row, name)
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise RowError(
            _("%(field)s : « %(value)s » n'est pas une date AAAA-MM-JJ.")
            % {"field": name, "value": value}
        ) from None


def _partners(row, vocabulary):
    """(role, actor slug, outside name) triples from "role:value" cells."""
    triples = []
    for name, place in PARTNERS.items():
        for cell in row.get(name, []):
            role, _sep, value = cell.partition(":")
            if role not in PartnerRole.values or not value.strip():
                raise RowError(
                    _("%(field)s : « %(value)s » ; écrivez « rôle:valeur » (rôles : %(roles)s).")
                    % {"field": name, "value": cell, "roles": ", ".join(PartnerRole.values)}
                )
            triple = [role, "", ""]
            triple[place] = value.strip()
            if place == 1 and triple[1] not in vocabulary.published:
                raise RowError(_("Partenaire inconnu ou non publié : « %s ».") % triple[1])
            triples.append(triple)
    return sorted(triples)


def row_values(row, names, vocabulary):
    """The declaration's values a row gives (only the columns it fills), for `names` (the
    kind's declaration names)."""
    row = {k: v for k, v in row.items() if v not in (None, "", [])}
    values = {}
    for name in names:
        if name not in row and not (name == "partners" and set(PARTNERS) & set(row)):
            continue
        if name in CHOICES:
            values[name] = _choice(row, name)
        elif name in DATES:
            values[name] = _date(row, name)
        elif name == "whole_territory":
            try:
                values[name] = check.flag(row, name)
            except ValueError as error:
                raise RowError(str(error)) from None
        elif name == "partners":
            values[name] = _partners(row, vocabulary)
        elif name in KEYED:
            wanted = row[name] if isinstance(row[name], list) else [check.text(row, name)]
            vocabulary.check(name, wanted)
            values[name] = sorted(wanted) if isinstance(row[name], list) else wanted[0]
        else:
            values[name] = check.text(row, name)
    return values
