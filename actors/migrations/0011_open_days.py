from django.db import migrations, models

# The days of the hours already stored, as actors.opening.open_days computes them (the Paris
# date of each hour), so that `open=mo` answers the same before the nightly refresh.
BACKFILL = """
UPDATE actors_actor a SET open_day0 = v.day0, open_days = v.days
FROM (
    SELECT id, day0, bit_or(1 << (day - day0)) AS days
    FROM (
        SELECT id, day, min(day) OVER (PARTITION BY id) AS day0
        FROM (
            SELECT DISTINCT id,
                (to_timestamp(hour::bigint * 3600) AT TIME ZONE 'Europe/Paris')::date
                    - date '1970-01-01' AS day
            FROM actors_actor, unnest(open_hours) AS hour
        ) AS hours
    ) AS days
    GROUP BY id, day0
) AS v
WHERE a.id = v.id
"""

COUNTS = (
    "id",
    "commune",
    "kind",
    "theme_mask",
    "service_mask",
    "public_mask",
    "language_mask",
    "open_day0",
    "open_days",
)


class Migration(migrations.Migration):
    dependencies = [
        ("actors", "0010_term_masks"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="actor", name="actor_published_counts"),
        migrations.AddField(
            model_name="actor",
            name="open_day0",
            field=models.IntegerField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="actor",
            name="open_days",
            field=models.IntegerField(editable=False, null=True),
        ),
        migrations.RunSQL(BACKFILL, reverse_sql=migrations.RunSQL.noop),
        # The days in the narrow index: the counts of "open on a day" stay index-only.
        migrations.AddIndex(
            model_name="actor",
            index=models.Index(
                condition=models.Q(("status", "published")),
                fields=["lat", "lon"],
                include=COUNTS,
                name="actor_published_counts",
            ),
        ),
    ]
