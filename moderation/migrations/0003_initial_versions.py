"""A first version of every actor that existed before the history did, so that what they
were then can be compared and restored. In SQL: there may be 100,000 synthetic actors."""

from django.db import migrations

TERMS = {"themes": "theme", "services": "service", "publics": "public", "languages": "language"}


def record(apps, schema_editor):
    historical = apps.get_model("moderation", "HistoricalActor")
    columns = [
        f.column for f in historical._meta.concrete_fields if not f.name.startswith("history_")
    ]
    quoted = ", ".join(schema_editor.quote_name(c) for c in columns)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO moderation_historicalactor
                ({quoted}, history_date, history_type, history_change_reason)
            SELECT {quoted}, now(), '+', 'Version initiale (mise en place de l''historique)'
            FROM actors_actor a
            WHERE NOT EXISTS (SELECT 1 FROM moderation_historicalactor h WHERE h.id = a.id)
            """  # noqa: S608 - column names come from the model, not from input
        )
        for field, term in TERMS.items():
            cursor.execute(
                f"""
                INSERT INTO moderation_historicalactor_{field} (id, history_id, actor_id, {term}_id)
                SELECT t.id, h.history_id, t.actor_id, t.{term}_id
                FROM actors_actor_{field} t
                JOIN moderation_historicalactor h ON h.id = t.actor_id AND h.history_type = '+'
                WHERE NOT EXISTS (
                    SELECT 1 FROM moderation_historicalactor_{field} m
                    WHERE m.history_id = h.history_id
                )
                """  # noqa: S608 - table names from the constant above
            )


class Migration(migrations.Migration):
    dependencies = [("moderation", "0002_moderators_permissions"), ("actors", "0002_search_index")]

    operations = [migrations.RunPython(record, migrations.RunPython.noop)]
