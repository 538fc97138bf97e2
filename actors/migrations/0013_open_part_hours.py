from django.contrib.postgres.fields import ArrayField
from django.db import migrations, models

# Kept in the row (MAIN, as search_vector in 0009): out of line, reading the array back from
# the TOAST table would cost "open now" what it is there to spare (a non-empty array was the
# biggest column left in many rows, so PostgreSQL moved it out).
STORAGE = "ALTER TABLE actors_actor ALTER COLUMN open_part_hours SET STORAGE MAIN"

# The hours of those already stored that their intervals do not contain whole, as
# actors.opening.part_hours computes them, so that "now" answers the same before the nightly
# refresh. A multirange contains a range when one of its (joined) ranges does.
BACKFILL = """
UPDATE actors_actor SET open_part_hours = coalesce(
    (SELECT array_agg(hour ORDER BY hour) FROM unnest(open_hours) AS hour
     WHERE NOT coalesce(open_intervals @> tstzrange(to_timestamp(hour::bigint * 3600),
                                                    to_timestamp((hour::bigint + 1) * 3600)),
                        false)),
    '{}')
WHERE open_hours IS NOT NULL
"""


class Migration(migrations.Migration):
    dependencies = [
        ("actors", "0012_search_table"),
    ]

    operations = [
        migrations.AddField(
            model_name="actor",
            name="open_part_hours",
            field=ArrayField(
                base_field=models.IntegerField(), blank=True, editable=False, null=True, size=None
            ),
        ),
        migrations.RunSQL(STORAGE, reverse_sql=migrations.RunSQL.noop),
        migrations.RunSQL(BACKFILL, reverse_sql=migrations.RunSQL.noop),
    ]
