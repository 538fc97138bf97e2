"""Keeps each actor's search and facet index (search_vector, search_text, *_ids) in step with
its fields, its taxonomies and its commune. Called after every write that touches them:
model signals for single saves (actors.signals), explicitly for bulk loads."""

from django.db import connection

# Weights: the name first, then what it does, then where and the summary, then the rest.
REFRESH_SQL = """
WITH terms AS (
    SELECT a.id,
        coalesce((SELECT array_agg(t.theme_id ORDER BY t.theme_id) FROM actors_actor_themes t
                  WHERE t.actor_id = a.id), '{}') AS theme_ids,
        coalesce((SELECT array_agg(t.service_id ORDER BY t.service_id) FROM actors_actor_services t
                  WHERE t.actor_id = a.id), '{}') AS service_ids,
        coalesce((SELECT array_agg(t.public_id ORDER BY t.public_id) FROM actors_actor_publics t
                  WHERE t.actor_id = a.id), '{}') AS public_ids,
        coalesce((SELECT array_agg(t.language_id ORDER BY t.language_id)
                  FROM actors_actor_languages t WHERE t.actor_id = a.id), '{}') AS language_ids,
        coalesce((SELECT string_agg(concat_ws(' ', th.name, th.name_eu, th.name_es), ' ')
                  FROM actors_actor_themes t JOIN actors_theme th ON th.id = t.theme_id
                  WHERE t.actor_id = a.id), '') AS theme_names,
        coalesce((SELECT string_agg(concat_ws(' ', s.name, s.name_eu, s.name_es), ' ')
                  FROM actors_actor_services t JOIN actors_service s ON s.id = t.service_id
                  WHERE t.actor_id = a.id), '') AS service_names,
        concat_ws(' ', c.name, c.name_eu) AS commune_names,
        concat_ws(' ', k.name, k.name_eu, k.name_es) AS kind_names
    FROM actors_actor a
    JOIN actors_commune c ON c.id = a.commune_id
    JOIN actors_actorkind k ON k.id = a.kind_id
    WHERE {where}
)
UPDATE actors_actor a SET
    theme_ids = terms.theme_ids,
    service_ids = terms.service_ids,
    public_ids = terms.public_ids,
    language_ids = terms.language_ids,
    lon = ST_X(a.location),
    lat = ST_Y(a.location),
    indexed_at = clock_timestamp(),
    search_vector =
        setweight(to_tsvector('fr_unaccent', a.name), 'A')
        || setweight(to_tsvector('fr_unaccent',
                     terms.theme_names || ' ' || terms.service_names), 'B')
        || setweight(to_tsvector('fr_unaccent',
                     concat_ws(' ', a.summary, terms.commune_names, terms.kind_names)), 'C')
        || setweight(to_tsvector('fr_unaccent', a.description), 'D'),
    search_text = lower(unaccent(concat_ws(' ', a.name, terms.commune_names,
                                           terms.theme_names, terms.service_names)))
FROM terms
WHERE a.id = terms.id
"""


def refresh(actor_ids):
    """Recompute the index of these actors."""
    ids = list(actor_ids)
    if not ids:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(REFRESH_SQL.replace("{where}", "a.id = ANY(%s)"), [ids])
        return cursor.rowcount


def refresh_where(column, value):
    """Recompute the index of every actor whose `column` (a trusted name) equals `value`."""
    with connection.cursor() as cursor:
        cursor.execute(REFRESH_SQL.replace("{where}", f"a.{column} = %s"), [value])
        return cursor.rowcount


def refresh_all():
    with connection.cursor() as cursor:
        cursor.execute(REFRESH_SQL.replace("{where}", "TRUE"))
        return cursor.rowcount
