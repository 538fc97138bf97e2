from django.db import migrations, models

# The columns actors_search_lean copies from actors_search (actors.models.LeanRow): all but
# the search vector, of which it keeps only whether there is one.
COLUMNS = (
    "id, name, kind_id, commune_id, lon, lat, theme_ids, service_ids, public_ids, "
    "language_ids, theme_mask, service_mask, public_mask, language_mask"
)
UPDATES = ", ".join(f"{c} = EXCLUDED.{c}" for c in [*COLUMNS.split(", ")[1:], "indexed"])
ROWS = ", ".join(f"n.{c}" for c in COLUMNS.split(", "))

# The search vectors are most of actors_search's width (1.1 of 1.4 kB a row at 100,000
# actors): a search matching half the actors through the lexicon's services and themes, whose
# words few rows hold, read its matches from here in about a quarter of the time (README "The
# directory at 100,000 actors", thirteenth round). Written by PostgreSQL only, as
# actors_search is: statement triggers on actors_search, which its own triggers write (an
# upsert fires both the insert and the update trigger, each with its own rows).
LEAN = f"""
CREATE TABLE actors_search_lean (
    id bigint PRIMARY KEY,
    name varchar(200) NOT NULL,
    kind_id bigint NOT NULL,
    commune_id bigint NOT NULL,
    lon double precision,
    lat double precision,
    theme_ids integer[] NOT NULL,
    service_ids integer[] NOT NULL,
    public_ids integer[] NOT NULL,
    language_ids integer[] NOT NULL,
    theme_mask bigint,
    service_mask bigint,
    public_mask bigint,
    language_mask bigint,
    indexed boolean NOT NULL
);
CREATE INDEX search_lean_service_ids ON actors_search_lean USING gin (service_ids);
CREATE INDEX search_lean_theme_ids ON actors_search_lean USING gin (theme_ids);

CREATE FUNCTION actors_search_lean_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO actors_search_lean ({COLUMNS}, indexed)
    SELECT {ROWS}, n.search_vector IS NOT NULL FROM new_rows n
    ON CONFLICT (id) DO UPDATE SET {UPDATES};
    RETURN NULL;
END $$;

CREATE FUNCTION actors_search_lean_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM actors_search_lean l USING old_rows o WHERE l.id = o.id;
    RETURN NULL;
END $$;

CREATE FUNCTION actors_search_lean_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE actors_search_lean;
    RETURN NULL;
END $$;

CREATE TRIGGER actors_search_lean_insert AFTER INSERT ON actors_search
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION actors_search_lean_write();
CREATE TRIGGER actors_search_lean_update AFTER UPDATE ON actors_search
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION actors_search_lean_write();
CREATE TRIGGER actors_search_lean_delete AFTER DELETE ON actors_search
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION actors_search_lean_delete();
CREATE TRIGGER actors_search_lean_truncate AFTER TRUNCATE ON actors_search
    FOR EACH STATEMENT EXECUTE FUNCTION actors_search_lean_truncate();

INSERT INTO actors_search_lean ({COLUMNS}, indexed)
SELECT {COLUMNS}, search_vector IS NOT NULL FROM actors_search;
ANALYZE actors_search_lean;
"""  # noqa: S608 -- constant column names only

DROP = """
DROP TRIGGER actors_search_lean_insert ON actors_search;
DROP TRIGGER actors_search_lean_update ON actors_search;
DROP TRIGGER actors_search_lean_delete ON actors_search;
DROP TRIGGER actors_search_lean_truncate ON actors_search;
DROP FUNCTION actors_search_lean_write();
DROP FUNCTION actors_search_lean_delete();
DROP FUNCTION actors_search_lean_truncate();
DROP TABLE actors_search_lean;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("actors", "0014_term_mask_sign_bit"),
    ]

    operations = [
        migrations.RunSQL(LEAN, DROP),
        migrations.CreateModel(
            name="LeanRow",
            fields=[
                ("id", models.BigIntegerField(primary_key=True, serialize=False)),
            ],
            options={"db_table": "actors_search_lean", "managed": False},
        ),
    ]
