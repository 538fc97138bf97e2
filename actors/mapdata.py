"""The map's data, assembled by PostGIS as GeoJSON text: every matching actor when they are
few, else grid clusters with counts whose cell size follows the zoom, so that the payload stays
small whatever the number of actors."""

from django.db import connection
from django.db.models import Avg, Count, F, FloatField, Func, Min
from django.db.models.functions import Floor

# Above this many actors in view, clusters.
MAX_POINTS = 250
# A cluster cell is about a third of a 256-pixel tile wide.
CELLS_PER_TILE = 3

_X = Func(F("location"), function="ST_X", output_field=FloatField())
_Y = Func(F("location"), function="ST_Y", output_field=FloatField())

POINT = (
    "json_build_object('type', 'Feature', 'geometry', json_build_object('type', 'Point', "
    "'coordinates', json_build_array(round(g.lon::numeric, 5), round(g.lat::numeric, 5))), "
    "'properties', {properties})"
)
COLLECTION = (
    "SELECT json_build_object('type', 'FeatureCollection', 'clustered', {clustered}, "
    "'total', {total}, 'features', coalesce(json_agg({feature}), '[]'::json))::text "
    "FROM ({sql}) g"
)


def cell_degrees(zoom):
    return 360.0 / (2**zoom) / CELLS_PER_TILE


def _collection(queryset, properties, clustered, total):
    sql, params = queryset.query.sql_with_params()
    feature = POINT.format(properties=properties)
    query = COLLECTION.format(
        clustered="true" if clustered else "false", total=int(total), feature=feature, sql=sql
    )
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchone()[0]


def points(queryset, total):
    rows = queryset.order_by().annotate(lon=_X, lat=_Y).values("id", "name", "slug", "lon", "lat")
    return _collection(
        rows, "json_build_object('id', g.id, 'name', g.name, 'slug', g.slug)", False, total
    )


def clusters(queryset, zoom, total):
    cell = cell_degrees(zoom)
    groups = (
        queryset.order_by()
        .annotate(gx=Floor(_X / cell), gy=Floor(_Y / cell))
        .values("gx", "gy")
        .annotate(n=Count("pk"), lon=Avg(_X), lat=Avg(_Y), one=Min("pk"))
    )
    # A cell with one actor is that actor's point; its name is looked up for the popup.
    properties = (
        "CASE WHEN g.n = 1 THEN (SELECT json_build_object('id', a.id, 'name', a.name, "
        "'slug', a.slug) FROM actors_actor a WHERE a.id = g.one) "
        "ELSE json_build_object('count', g.n) END"
    )
    return _collection(groups, properties, True, total)


def map_geojson(queryset, zoom):
    total = queryset.count()
    if total <= MAX_POINTS:
        return points(queryset, total)
    return clusters(queryset, zoom, total)
