from django.db import migrations, models

# Ranking a search reads the search vector of every match. Left to the default storage, a
# row holding long texts, opening intervals and a vector in three languages is over
# PostgreSQL's 2 KB threshold and the vector goes out of line: each rank then reads it back
# from the TOAST table, about four fifths of a broad search's ranking at 100,000 actors.
# MAIN keeps it in the row (compressed), moving the other long columns out first.
# `|| ''` makes a new value, so that existing rows are stored again under the new rule.
FORWARD = [
    "ALTER TABLE actors_actor ALTER COLUMN search_vector SET STORAGE MAIN",
    "UPDATE actors_actor SET search_vector = search_vector || ''::tsvector "
    "WHERE search_vector IS NOT NULL",
]
BACKWARD = ["ALTER TABLE actors_actor ALTER COLUMN search_vector SET STORAGE EXTENDED"]


class Migration(migrations.Migration):
    dependencies = [
        ("actors", "0008_location_precision"),
    ]

    operations = [
        migrations.RunSQL(FORWARD, reverse_sql=BACKWARD),
        # With the name, the nearest-first list is read from this index alone.
        migrations.RemoveIndex(model_name="actor", name="actor_published_facets"),
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
                ),
                name="actor_published_facets",
            ),
        ),
    ]
