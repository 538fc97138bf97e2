"""The territory's outline for the maps: the union of the communes' boundaries, simplified by
PostGIS so that the file stays a few kilobytes. It is written once into the static files
(`manage.py build_territory_outline`), then served compressed and cached like any asset."""

import json
from pathlib import Path

from django.conf import settings
from django.db import connection

OUTLINE_PATH = Path(settings.BASE_DIR) / "static" / "geo" / "territory.geojson"
# About 100 m: finer than a marker at the zoom levels the territory is seen whole.
TOLERANCE_DEGREES = 0.001
DECIMALS = 4

OUTLINE_SQL = (
    "SELECT ST_AsGeoJSON(ST_SimplifyPreserveTopology(ST_Union(boundary), %s), %s) "
    "FROM actors_commune"
)


def outline_geojson():
    """The outline as GeoJSON text (a Feature), or None when no commune is loaded."""
    with connection.cursor() as cursor:
        cursor.execute(OUTLINE_SQL, [TOLERANCE_DEGREES, DECIMALS])
        geometry = cursor.fetchone()[0]
    if geometry is None:
        return None
    feature = {"type": "Feature", "properties": {}, "geometry": json.loads(geometry)}
    return json.dumps(feature, separators=(",", ":")) + "\n"
