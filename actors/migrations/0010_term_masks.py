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
        # The masks in the covering index: the counts stay an index-only scan.
        migrations.AddIndex(
            model_name="actor",
            index=models.Index(
                condition=models.Q(("status", "published")),
                fields=["lat", "lon"],
                include=(
                    "id",
                    "name",
                    "commune",
                    "kind",
                    "theme_ids",
                    "service_ids",
                    "public_ids",
                    "language_ids",
                    "theme_mask",
                    "service_mask",
                    "public_mask",
                    "language_mask",
                ),
                name="actor_published_facets",
            ),
        ),
        migrations.AddIndex(
            model_name="actor",
            index=models.Index(
                condition=models.Q(("status", "published")),
                fields=["lat", "lon"],
                include=(
                    "id",
                    "commune",
                    "kind",
                    "theme_mask",
                    "service_mask",
                    "public_mask",
                    "language_mask",
                ),
                name="actor_published_counts",
            ),
        ),
    ]
