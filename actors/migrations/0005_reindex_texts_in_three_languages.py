"""Rebuilds every actor's search index with the summary and description in French, Basque
and Spanish (actors.indexing as of this migration, frozen here: later versions of that code
may read columns this database does not have yet)."""

from django.db import migrations

REFRESH_SQL = """WITH terms AS (
    SELECT a.id,
        coalesce((SELECT array_agg(t.theme_id ORDER BY t.theme_id) FROM actors_actor_themes t
                  WHERE t.actor_id = a.id), '{}') AS theme_ids,
        coalesce((SELECT array_agg(t.service_id ORDER BY t.service_id) FROM actors_actor_services t
                  WHERE t.actor_id = a.id), '{}') AS service_ids,
        coalesce((SELECT array_agg(t.public_id ORDER BY t.public_id) FROM actors_actor_publics t
                  WHERE t.actor_id = a.id), '{}') AS public_ids,
        coalesce((SELECT array_agg(t.language_id ORDER BY t.language_id)
                  FROM actors_actor_languages t WHERE t.actor_id = a.id), '{}') AS language_ids,
        (SELECT ARRAY[string_agg(th.name, ' '), string_agg(th.name_eu, ' '),
                      string_agg(th.name_es, ' ')]
         FROM actors_actor_themes t JOIN actors_theme th ON th.id = t.theme_id
         WHERE t.actor_id = a.id) AS theme_names,
        (SELECT ARRAY[string_agg(s.name, ' '), string_agg(s.name_eu, ' '),
                      string_agg(s.name_es, ' ')]
         FROM actors_actor_services t JOIN actors_service s ON s.id = t.service_id
         WHERE t.actor_id = a.id) AS service_names,
        concat_ws(' ', c.name, c.name_eu) AS commune_names,
        ARRAY[k.name, k.name_eu, k.name_es] AS kind_names
    FROM actors_actor a
    JOIN actors_commune c ON c.id = a.commune_id
    JOIN actors_actorkind k ON k.id = a.kind_id
    WHERE TRUE
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
                     concat_ws(' ', terms.theme_names[1], terms.service_names[1])), 'B')
        || setweight(to_tsvector('fr_unaccent',
                     concat_ws(' ', a.summary, terms.commune_names, terms.kind_names[1])), 'C')
        || setweight(to_tsvector('fr_unaccent', a.description), 'D')
        || setweight(to_tsvector('eu_unaccent', a.name), 'A')
        || setweight(to_tsvector('eu_unaccent',
                     concat_ws(' ', terms.theme_names[2], terms.service_names[2])), 'B')
        || setweight(to_tsvector('eu_unaccent',
                     concat_ws(' ', a.summary_eu, terms.kind_names[2])), 'C')
        || setweight(to_tsvector('eu_unaccent', a.description_eu), 'D')
        || setweight(to_tsvector('es_unaccent', a.name), 'A')
        || setweight(to_tsvector('es_unaccent',
                     concat_ws(' ', terms.theme_names[3], terms.service_names[3])), 'B')
        || setweight(to_tsvector('es_unaccent',
                     concat_ws(' ', a.summary_es, terms.kind_names[3])), 'C')
        || setweight(to_tsvector('es_unaccent', a.description_es), 'D'),
    search_text = lower(unaccent(concat_ws(' ', a.name, terms.commune_names,
                                           array_to_string(terms.theme_names, ' '),
                                           array_to_string(terms.service_names, ' '))))
FROM terms
WHERE a.id = terms.id"""


class Migration(migrations.Migration):
    dependencies = [("actors", "0004_texts_in_three_languages")]

    operations = [migrations.RunSQL(REFRESH_SQL, reverse_sql=migrations.RunSQL.noop)]
