"""Small files for the importer's tests, and running them through it."""

import csv
import io

from actors.models import Actor
from contributions.models import ChangeRequest
from opendata.importing import readers
from opendata.importing.importer import import_rows
from tests.factories import BAYONNE, at

COLUMNS = ["slug", "name", "kind", "summary", "themes", "services", "street_address",
           "commune", "commune_insee", "latitude", "longitude", "siret"]  # fmt: skip
PANNECAU = (-1.4736, 43.4898)


def csv_bytes(rows, columns=COLUMNS):
    out = io.StringIO()
    writer = csv.DictWriter(out, columns)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue().encode("utf-8")


def row(**values):
    base = {"kind": "association", "summary": "Ateliers numériques.",
            "themes": "inclusion-mediation", "commune_insee": BAYONNE}  # fmt: skip
    return {**base, **values}


def bayonne(dx=0.0):
    point = at(BAYONNE, dx)
    return {"longitude": point.x, "latitude": point.y}


def run(data, apply=False, publish=False, source="test", fmt="csv", mapping=None):
    return import_rows(readers.read(data, fmt, mapping), source, apply=apply, publish=publish)


def state():
    return (
        sorted(Actor.objects.values_list("slug", "status", "name", "summary", "updated_at")),
        ChangeRequest.objects.count(),
    )
