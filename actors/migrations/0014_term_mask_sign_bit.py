from django.db import migrations

# A mask now always holds the bits of the ids 0-62, and its sign bit marks an id outside
# them, where 0010 gave NULL. A filter on terms can then read the mask alone (bit tests
# over the published actors' narrow index) rather than the id array, whatever else the row
# holds; the facet counts still count such a row by its array (actors.facets).
SIGN_BIT = """
CREATE OR REPLACE FUNCTION actor_term_mask(ids integer[]) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (
    SELECT coalesce(bit_or(CASE WHEN id BETWEEN 0 AND 62 THEN 1::bigint << id
                                ELSE 1::bigint << 63 END), 0)
    FROM unnest(ids) AS id
)
"""
NULL_WHEN_OUTSIDE = """
CREATE OR REPLACE FUNCTION actor_term_mask(ids integer[]) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (
    SELECT CASE WHEN bool_and(id BETWEEN 0 AND 62) IS FALSE THEN NULL
                ELSE coalesce(bit_or(1::bigint << id), 0) END
    FROM unnest(ids) AS id
)
"""
# Stored generated columns are computed when their row is written: rewrite the rows whose
# masks the new body changes (none in the reference taxonomies); the triggers of 0012 copy
# them to actors_search.
RECOMPUTE = """
UPDATE actors_actor SET theme_ids = theme_ids
WHERE theme_mask {0} OR service_mask {0} OR public_mask {0} OR language_mask {0}
"""


class Migration(migrations.Migration):
    dependencies = [("actors", "0013_open_part_hours")]

    operations = [
        migrations.RunSQL(
            [SIGN_BIT, RECOMPUTE.format("IS NULL")],
            [NULL_WHEN_OUTSIDE, RECOMPUTE.format("< 0")],
        ),
    ]
