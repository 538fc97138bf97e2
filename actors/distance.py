"""Great-circle distances: one formula (haversine) and one Earth radius for the whole site,
computed by PostgreSQL, on the actors' plain coordinates or between two given points. The
importer's 200 m identity check runs on its scratch index, outside PostgreSQL, with the
same sphere (`KM_PER_DEGREE`)."""

import math

from django.db import connection
from django.db.models import FloatField
from django.db.models.expressions import RawSQL

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)
# A degree of latitude on that sphere, for boxes and small local distances.
KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180


def haversine_sql(lat1, lon1, lat2, lon2):
    """The distance in km between two points, as SQL over four expressions (placeholders or
    column names, never input)."""
    return (
        f"{EARTH_RADIUS_KM} * 2 * asin(sqrt("
        f"power(sin(radians({lat2} - {lat1}) / 2), 2) + cos(radians({lat1})) "
        f"* cos(radians({lat2})) * power(sin(radians({lon2} - {lon1}) / 2), 2)))"
    )


def haversine_km(point):
    """Great-circle distance from `point` to each actor's plain coordinates, in km."""
    # The point's coordinates are query parameters (its latitude comes twice, then its
    # longitude); the rest is constant.
    sql = haversine_sql("%s", "%s", "actors_actor.lat", "actors_actor.lon")
    return RawSQL(sql, (point.y, point.y, point.x), output_field=FloatField())  # noqa: S611


def metres(a, b):
    """Great-circle distance in metres between two [lon, lat] pairs."""
    sql = haversine_sql("%(lat1)s", "%(lon1)s", "%(lat2)s", "%(lon2)s")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 1000 * {sql}",  # noqa: S608 -- constant SQL, values as parameters
            {"lon1": a[0], "lat1": a[1], "lon2": b[0], "lat2": b[1]},
        )
        return float(cursor.fetchone()[0])


def distance_m(a, b):
    """Great-circle distance in metres between two [lon, lat] pairs, rounded."""
    return round(metres(a, b))
