"""The map's data, assembled by PostGIS as GeoJSON text: every matching actor when they are
few, else grid clusters with counts whose cell size follows the zoom, so that the payload stays
small whatever the number of actors."""

import json

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Avg, Count, F, Min
from django.db.models.functions import Floor

# Above this many actors in view, clusters.
MAX_POINTS = 250
# A cluster cell is about a third of a 256-pixel tile wide.
CELLS_PER_TILE = 3

_X = F("lon")
_Y = F("lat")

POINT = (
    "json_build_object('type', 'Feature', 'geometry', json_build_object('type', 'Point', "
    "'coordinates', json_build_array(round({x}::numeric, 5), round({y}::numeric, 5))), "
    "'properties', {properties})"
)
COLLECTION = (
    "SELECT coalesce({total}, 0), json_build_object('type', 'FeatureCollection', "
    "'clustered', {clustered}, 'total', coalesce({total}, 0), "
    "'features', coalesce(json_agg({feature}), '[]'::json))::text FROM ({sql}) g"
)

# A cell with one actor is that actor's point; its properties are looked up for the popup.
CELL = (
    "CASE WHEN g.n = 1 THEN (SELECT {actor} FROM actors_actor a WHERE a.id = g.one) "
    "ELSE json_build_object('count', g.n) END"
)


def cell_degrees(zoom):
    return 360.0 / (2**zoom) / CELLS_PER_TILE


def _collection(queryset, properties, clustered, total, x="g.lon", y="g.lat"):
    """(number of actors, GeoJSON text), both computed by PostgreSQL in one query."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing (e.g. .none()) compiles no SQL
        return 0, json.dumps(
            {"type": "FeatureCollection", "clustered": clustered, "total": 0, "features": []}
        )
    feature = POINT.format(properties=properties, x=x, y=y)
    query = COLLECTION.format(
        clustered="true" if clustered else "false", total=total, feature=feature, sql=sql
    )
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchone()


# An actor's main theme: its first in the taxonomy's order, drawn as the marker's icon.
MAIN_THEME = (
    "(SELECT th.slug FROM actors_actor_themes t JOIN actors_theme th ON th.id = t.theme_id "
    "WHERE t.actor_id = {id} ORDER BY th.position, th.name LIMIT 1)"
)


def _actor_properties(alias):
    return (
        f"json_build_object('id', {alias}.id, 'name', {alias}.name, 'slug', {alias}.slug, "
        f"'theme', {MAIN_THEME.format(id=alias + '.id')})"
    )


def points(queryset):
    # In a stable order: the browser groups the points too near each other on screen in the
    # order they come, so the same view must always look the same.
    rows = queryset.order_by("id").values("id", "name", "slug", "lon", "lat")
    properties = _actor_properties("g")
    return _collection(rows, properties, False, "count(*)")[1]


def clusters(queryset, zoom):
    cell = cell_degrees(zoom)
    groups = (
        queryset.order_by()
        .annotate(gx=Floor(_X / cell), gy=Floor(_Y / cell))
        .values("gx", "gy")
        .annotate(n=Count("pk"), x=Avg(_X), y=Avg(_Y), one=Min("pk"))
    )
    properties = CELL.format(actor=_actor_properties("a"))
    return _collection(groups, properties, True, "sum(g.n)::int", x="g.x", y="g.y")


def map_geojson(queryset, zoom):
    """Clusters first (one scan, which also counts); few actors are sent as points instead."""
    total, body = clusters(queryset, zoom)
    if total <= MAX_POINTS:
        return points(queryset)
    return body
