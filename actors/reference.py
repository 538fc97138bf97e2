"""Reference data: the 158 CAPB communes and the taxonomies, from files in fixtures/.

Loading creates what is missing and leaves the rest alone, so that running it again
changes nothing and keeps what staff corrected in the admin."""

import csv
import functools
import json
from dataclasses import dataclass

from django.conf import settings
from django.contrib.gis.geos import GEOSGeometry, MultiPolygon
from django.db import transaction

from actors.models import Commune
from actors.taxonomies import ALL_MODELS

FIXTURES = settings.BASE_DIR / "fixtures"
COMMUNES_FILE = FIXTURES / "communes.geojson"
COMMUNES_EU_FILE = FIXTURES / "communes-eu.csv"
TAXONOMIES_FILE = FIXTURES / "taxonomies.json"


@dataclass
class LoadReport:
    communes: int = 0
    terms: int = 0

    def __str__(self):
        return f"{self.communes} communes and {self.terms} taxonomy terms created"


def commune_from_feature(feature, basque):
    props = feature["properties"]
    geom = GEOSGeometry(json.dumps(feature["geometry"]), srid=4326)
    if not geom.valid:
        geom = geom.make_valid()
    if geom.geom_type == "Polygon":
        geom = MultiPolygon(geom, srid=4326)
    # The centroid of a concave commune can fall outside it; the point on surface cannot.
    centre = geom.centroid if geom.contains(geom.centroid) else geom.point_on_surface
    name_eu, source = basque.get(props["insee"], ("", ""))
    return Commune(
        insee=props["insee"],
        name=props["name"],
        name_eu=name_eu,
        name_eu_source=source if name_eu else "",
        postcodes=props["postcodes"],
        population=props["population"] or 0,
        boundary=geom,
        centroid=centre,
    )


@functools.cache
def read_commune_features():
    """The communes' file, parsed once per process: the tests ask for the reference data
    some 1,500 times, and each call parsed its 240 KB to find nothing missing."""
    with open(COMMUNES_FILE, encoding="utf-8") as fh:
        return json.load(fh)["features"]


def read_basque_names():
    with open(COMMUNES_EU_FILE, encoding="utf-8") as fh:
        return {
            row["insee"]: (row["name_eu"].strip(), row["source"].strip())
            for row in csv.DictReader(fh)
        }


@transaction.atomic
def load_communes():
    existing = set(Commune.objects.values_list("insee", flat=True))
    missing = [f for f in read_commune_features() if f["properties"]["insee"] not in existing]
    if not missing:
        return 0
    basque = read_basque_names()
    for feature in missing:
        # save() rather than bulk_create: it fills the normalised search names.
        commune_from_feature(feature, basque).save()
    return len(missing)


@transaction.atomic
def load_taxonomies():
    with open(TAXONOMIES_FILE, encoding="utf-8") as fh:
        data = json.load(fh)
    created = 0
    for key, model in ALL_MODELS.items():
        existing = set(model.objects.values_list("slug", flat=True))
        new = [
            model(position=position, **term)
            for position, term in enumerate(data[key], start=1)
            if term["slug"] not in existing
        ]
        model.objects.bulk_create(new)
        created += len(new)
    return created


def load_reference_data():
    return LoadReport(communes=load_communes(), terms=load_taxonomies())
