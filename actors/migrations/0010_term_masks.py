from django.db import migrations, models

import actors.models.actor

# An id array as the bits of a bigint, for the facet counts' grouping (actors.facets).
# NULL when an id is outside 0-62: the facets then count that row's array itself. A body in
# standard SQL is parsed once, here, so the generated columns do not depend on search_path.
CREATE_FUNCTION = """
CREATE FUNCTION actor_term_mask(ids integer[]) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (
    SELECT CASE WHEN bool_and(id BETWEEN 0 AND 62) IS FALSE THEN NULL
                ELSE coalesce(bit_or(1::bigint << id), 0) END
    FROM unnest(ids) AS id
)
"""
DROP_FUNCTION = "DROP FUNCTION actor_term_mask(integer[])"


def mask(array_field):
    return models.GeneratedField(
        db_persist=True,
        expression=actors.models.actor.TermMask(array_field),
        output_field=models.BigIntegerField(null=True),
    )


ARRAYS = ("theme_ids", "service_ids", "public_ids", "language_ids")
MASKS = ("theme_mask", "service_mask", "public_mask", "language_mask")
FACETS = ("id", "name", "commune", "kind", *ARRAYS, *MASKS)
COUNTS = ("id", "commune", "kind", *MASKS)


def published_index(name, include):
    return models.Index(
        condition=models.Q(("status", "published")),
        fields=["lat", "lon"],
        include=include,
        name=f"actor_published_{name}",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("actors", "0009_search_speed"),
    ]

    operations = [
        migrations.RunSQL(CREATE_FUNCTION, reverse_sql=DROP_FUNCTION),
        migrations.RemoveIndex(model_name="actor", name="actor_published_facets"),
        migrations.AddField(model_name="actor", name="theme_mask", field=mask("theme_ids")),
        migrations.AddField(model_name="actor", name="service_mask", field=mask("service_ids")),
        migrations.AddField(model_name="actor", name="public_mask", field=mask("public_ids")),
        migrations.AddField(model_name="actor", name="language_mask", field=mask("language_ids")),
        # The masks in the covering index, and a narrow one for the map and the counts that
        # filter on no array: both stay index-only scans.
        migrations.AddIndex(model_name="actor", index=published_index("facets", FACETS)),
        migrations.AddIndex(model_name="actor", index=published_index("counts", COUNTS)),
    ]
