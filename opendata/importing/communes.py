"""Which commune a row means, read once into memory for the whole file (158 communes): by
INSEE code, postcode, or name in French or Basque as data files write them — any case,
accents or not, hyphens or spaces, "St"/"Ste" for "Saint"/"Sainte", "Cedex", and the short
forms people use for double names ("Mauléon" for Mauléon-Licharre, "Tardets" for
Tardets-Sorholus) when they name one commune only."""

import re
from collections import defaultdict

from django.contrib.gis.geos import Point

from actors.models import Commune
from actors.text import normalise

ABBREVIATIONS = {"st": "saint", "ste": "sainte", "s": "saint"}
CEDEX = re.compile(r"\bcedex\b(\s*\d+)?")
# A short form shorter than this is too vague to stand for a name ("la", "st").
SHORTEST_SHORT_FORM = 4
# Points remembered inside their commune: enough for the centres, and memory stays flat.
INSIDE_CACHE_SIZE = 10_000


def key(text):
    """The form names are compared in."""
    text = normalise(text).replace(".", " ")
    text = CEDEX.sub(" ", text)
    return " ".join(ABBREVIATIONS.get(word, word) for word in text.split())


def short_forms(name):
    """The leading words of a name, hyphen by hyphen: "mauleon" for "Mauléon-Licharre"."""
    parts = name.split("-")
    return [key("-".join(parts[:count])) for count in range(1, len(parts))]


class CommuneIndex:
    def __init__(self):
        communes = list(Commune.objects.all())
        self.by_insee = {c.insee: c for c in communes}
        self.by_postcode = defaultdict(list)
        self.by_name = {}
        shorts = defaultdict(set)
        for commune in sorted(communes, key=lambda c: -c.population):
            for postcode in commune.postcodes:
                self.by_postcode[postcode].append(commune)
            for name in filter(None, (commune.name, commune.name_eu)):
                self.by_name[key(name)] = commune
                for short in short_forms(name):
                    shorts[short].add(commune.pk)
        by_pk = {c.pk: c for c in communes}
        for short, pks in shorts.items():
            if len(pks) == 1 and len(short) >= SHORTEST_SHORT_FORM and short not in self.by_name:
                self.by_name[short] = by_pk[next(iter(pks))]

        self.shapes = {c.insee: c.boundary.prepared for c in communes}
        self.boxes = [(c.boundary.extent, c.insee) for c in communes]
        # (insee, lon, lat) already found inside: a row's point is checked when its commune
        # is chosen and again before writing, and many rows share a commune's centre.
        self.inside_cache = set()

    def containing(self, lon, lat):
        """The commune whose boundary holds the point (its edge included), or None."""
        point = None
        for (xmin, ymin, xmax, ymax), insee in self.boxes:
            if xmin <= lon <= xmax and ymin <= lat <= ymax:
                point = point or Point(lon, lat, srid=4326)
                if self.shapes[insee].intersects(point):
                    self.remember_inside(insee, lon, lat)
                    return self.by_insee[insee]
        return None

    def holds(self, insee, lon, lat):
        if (insee, lon, lat) in self.inside_cache:
            return True
        inside = self.shapes[insee].intersects(Point(lon, lat, srid=4326))
        if inside:
            self.remember_inside(insee, lon, lat)
        return inside

    def remember_inside(self, insee, lon, lat):
        if len(self.inside_cache) >= INSIDE_CACHE_SIZE:
            self.inside_cache.clear()
        self.inside_cache.add((insee, lon, lat))

    def find(self, insee="", postcode="", name=""):
        """The commune, or None when none of the CAPB fits."""
        if insee:
            return self.by_insee.get(insee.strip())
        postcode = postcode.strip()
        named = self.by_name.get(key(name)) if name else None
        if postcode:
            candidates = self.by_postcode.get(postcode, [])
            if named is not None:
                return named if named in candidates else None
            # A postcode alone often serves several communes: the most populous.
            if candidates and (not name or len(candidates) == 1):
                return candidates[0]
            return None
        return named
