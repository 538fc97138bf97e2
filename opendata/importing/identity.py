"""Which known actor a row is, read from an index of every actor (one query of the database
for the whole file, not several per row), to which the actors a run creates are added, so
that two rows of one file meaning the same place are seen as such, in a dry run too.

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

from actors.distance import KM_PER_DEGREE
from actors.models import Actor
from actors.text import normalise

from . import scratch

NEARBY_KM = 0.2
# Grid cells of about 1 km for the 200 m search.
CELL = 0.01
# Known's fields, in its order, as the scratch table's columns. One index on the name serves
# both searches by name (in a commune, and within 200 m): few actors share a name, and
# fewer indexes keep the table in SQLite's page cache longer.
COLUMNS = "pk, slug, name, siret, rna, insee, street, lon, lat, status, precision, line, key"
SCHEMA = """
CREATE TABLE known (key INTEGER PRIMARY KEY, pk INTEGER, slug TEXT, name TEXT, siret TEXT,
    rna TEXT, insee TEXT, street TEXT, lon REAL, lat REAL, status TEXT, precision TEXT,
    line INTEGER, source_id TEXT, cx INTEGER, cy INTEGER);
"""
INDEXES = """
CREATE INDEX known_source ON known (source_id);
CREATE INDEX known_siret ON known (siret);
CREATE INDEX known_rna ON known (rna);
CREATE INDEX known_name ON known (name);
CREATE INDEX known_slug ON known (slug);
"""
INSERT = (
    "INSERT INTO known (pk, slug, name, siret, rna, insee, street, lon, lat, status, "
    "precision, line, source_id, cx, cy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


@dataclass(slots=True)
class Known:
    pk: object  # the actor's id, or None for one a dry run would create
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
    key: int = 0  # its row in the index


def km(a, b):
    """Distance in km between two (lon, lat) pairs, close enough for 200 m."""
    dx = (a[0] - b[0]) * math.cos(math.radians((a[1] + b[1]) / 2))
    return KM_PER_DEGREE * math.hypot(dx, a[1] - b[1])


def cell(lon, lat):
    return (math.floor(lon / CELL), math.floor(lat / CELL))


def record(known, source_id):
    return (known.pk, known.slug, known.name, known.siret, known.rna, known.insee,
            known.street, known.lon, known.lat, known.status, known.precision, known.line,
            source_id, *cell(known.lon, known.lat))  # fmt: skip


class ActorIndex:
    """Every actor of the database and those the run creates, in a scratch SQLite table
    (opendata.importing.scratch) rather than Python objects: about 0.7 KB a row otherwise,
    so that a large file's memory grew with it."""

    def __init__(self, source, db=None):
        self.source = source
        self.db = db or scratch.connect()
        self.db.executescript(SCHEMA)
        rows = Actor.objects.values_list(
            "pk", "slug", "name", "siret", "rna", "commune__insee", "street_address",
            "lon", "lat", "status", "source", "source_id", "location_precision",
        ).iterator(chunk_size=2000)  # fmt: skip
        self.db.execute("BEGIN")
        self.db.executemany(INSERT, (
            record(Known(pk, slug, normalise(name), siret, rna, insee, normalise(street),
                         lon or 0.0, lat or 0.0, status, at), src_id if src == source else "")
            for pk, slug, name, siret, rna, insee, street, lon, lat, status, src, src_id, at
            in rows
        ))  # fmt: skip
        self.db.execute("COMMIT")
        self.db.executescript(INDEXES)

    def close(self):
        self.db.close()

    def _select(self, where, params):
        # `where` is one of this module's constant clauses; values are parameters.
        rows = self.db.execute(f"SELECT {COLUMNS} FROM known WHERE {where}", params)  # noqa: S608
        return [Known(*row) for row in rows]

    def add(self, known, source_id=""):
        known.key = self.db.execute(INSERT, record(known, source_id)).lastrowid

    def matched(self, known, line):
        """Marks the actor as matched by that record: a later row meaning it is a duplicate."""
        known.line = line
        self.db.execute("UPDATE known SET line = ? WHERE key = ?", (line, known.key))

    def has_slug(self, slug):
        return self.db.execute("SELECT 1 FROM known WHERE slug = ? LIMIT 1", (slug,)).fetchone()

    def find(self, values, source_id):
        """(the Known actor or None, a note for the report or "")."""
        if source_id:
            # The last one added: a later actor of that source id stands for it.
            same = self._select("source_id = ? ORDER BY key DESC LIMIT 1", (source_id,))
            if same:
                return same[0], ""
        name, street = normalise(values["name"]), normalise(values.get("street_address", ""))
        insee = values["commune"]
        shared = []
        for key in ("siret", "rna"):
            number = values.get(key) or ""
            if not number:
                continue
            for known in self._select("siret = ?1 OR rna = ?1 ORDER BY key", (number,)):
                same_place = known.insee == insee and (not street or street == known.street)
                if known.name == name or same_place:
                    return known, ""
                shared.append(known)
        elsewhere = {known.key for known in shared}
        for known in self._select("name = ? AND insee = ? ORDER BY key", (name, insee)):
            if known.key not in elsewhere and not conflicts(known, values, street):
                return known, ""
        for known in self.nearby(values, name):
            if known.key not in elsewhere and not conflicts(known, values, street):
                return known, ""
        return None, shared_note(shared)

    def nearby(self, values, name):
        """The actors of that name within 200 m."""
        if "location" not in values:
            return []
        here = values["location"]
        x, y = cell(*here)
        candidates = self._select(
            "name = ? AND cx BETWEEN ? AND ? AND cy BETWEEN ? AND ? ORDER BY cx, cy, key",
            (name, x - 1, x + 1, y - 1, y + 1),
        )
        return [k for k in candidates if km(here, (k.lon, k.lat)) <= NEARBY_KM]


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
