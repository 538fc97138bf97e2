"""Which known actor a row is, read from an in-memory index of every actor (one query for the
whole file, not several per row), to which the actors a run creates are added, so that two
rows of one file meaning the same place are seen as such, in a dry run too.

A row is a known actor only when the evidence says so:
- the same source and identifier at that source;
- or the same SIRET or RNA *and* the same name or the same address (a network's head office
  number is often written on each of its sites: a shared number at another address and under
  another name is another place);
- or the same name in the same commune, or within 200 m, when nothing contradicts it (another
  SIRET, another street address)."""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

from actors.models import Actor
from actors.text import normalise

NEARBY_KM = 0.2
# Grid cells of about 1 km for the 200 m search.
CELL = 0.01


@dataclass(slots=True, eq=False)
class Known:
    pk: object  # the actor's id, or a placeholder for one a dry run would create
    slug: str
    name: str
    siret: str
    rna: str
    insee: str
    street: str
    lon: float
    lat: float
    status: str
    precision: str = "precise"
    line: int = 0  # the record of the file that matched it, once one has


def put(index, key, known):
    """Adds to a dict of one Known, or a tuple of several, by key: most keys have one actor,
    and a list each would cost more memory than the actor itself."""
    there = index.get(key)
    if there is None:
        index[key] = known
    else:
        index[key] = (*there, known) if isinstance(there, tuple) else (there, known)


def get(index, key):
    there = index.get(key)
    if there is None:
        return ()
    return there if isinstance(there, tuple) else (there,)


def km(a, b):
    """Distance in km between two (lon, lat) pairs, close enough for 200 m."""
    dx = (a[0] - b[0]) * math.cos(math.radians((a[1] + b[1]) / 2))
    return 111.2 * math.hypot(dx, a[1] - b[1])


def cell(lon, lat):
    return (math.floor(lon / CELL), math.floor(lat / CELL))


class ActorIndex:
    def __init__(self, source):
        self.source = source
        self.by_source_id = {}
        self.by_number = {}
        self.by_name = {}
        self.by_cell = {}
        self.slugs = set()
        rows = Actor.objects.values_list(
            "pk", "slug", "name", "siret", "rna", "commune__insee", "street_address",
            "lon", "lat", "status", "source", "source_id", "location_precision",
        )  # fmt: skip
        for pk, slug, name, siret, rna, insee, street, lon, lat, status, src, src_id, at in rows:
            known = Known(pk, slug, normalise(name), siret, rna, insee, normalise(street),
                          lon or 0.0, lat or 0.0, status, at)  # fmt: skip
            self.add(known, src_id if src == source else "")

    def add(self, known, source_id=""):
        self.slugs.add(known.slug)
        if source_id:
            self.by_source_id[source_id] = known
        for number in (known.siret, known.rna):
            if number:
                put(self.by_number, number, known)
        put(self.by_name, (known.name, known.insee), known)
        put(self.by_cell, (*cell(known.lon, known.lat), known.name), known)

    def find(self, values, source_id):
        """(the Known actor or None, a note for the report or "")."""
        if source_id and source_id in self.by_source_id:
            return self.by_source_id[source_id], ""
        name, street = normalise(values["name"]), normalise(values.get("street_address", ""))
        insee = values["commune"]
        shared = []
        for key in ("siret", "rna"):
            for known in get(self.by_number, values.get(key) or ""):
                same_place = known.insee == insee and (not street or street == known.street)
                if known.name == name or same_place:
                    return known, ""
                shared.append(known)
        for known in get(self.by_name, (name, insee)):
            if known not in shared and not conflicts(known, values, street):
                return known, ""
        for known in self.nearby(values, name):
            if known not in shared and not conflicts(known, values, street):
                return known, ""
        return None, shared_note(shared)

    def nearby(self, values, name):
        """The actors of that name within 200 m."""
        if "location" not in values:
            return []
        here = values["location"]
        x, y = cell(*here)
        found = []
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                found += [k for k in get(self.by_cell, (x + dx, y + dy, name))
                          if km(here, (k.lon, k.lat)) <= NEARBY_KM]  # fmt: skip
        return found


def conflicts(known, values, street):
    """Evidence of another place: another SIRET, or another street address."""
    siret = values.get("siret") or ""
    return bool(
        (siret and known.siret and siret != known.siret)
        or (street and known.street and street != known.street)
    )


def shared_note(shared):
    if not shared:
        return ""
    return _(
        "SIRET ou RNA partagé avec %(slugs)s, à une autre adresse et sous un autre nom : "
        "un autre lieu."
    ) % {"slugs": ", ".join(k.slug for k in shared)}
