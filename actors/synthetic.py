"""Synthetic actors for benchmarks: realistic names, taxonomies and places, spread over the
CAPB by population. Written with COPY so that 100,000 rows take well under two minutes."""

import random
from collections import Counter

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from actors import indexing
from actors.models import Actor, ActorKind, ActorStatus, Commune
from actors.taxonomies import MANY, MANY_MODELS

SOURCE = Actor.SYNTHETIC_SOURCE
PREFIXES = [
    "Atelier", "Repair Café", "Association", "Collectif", "Espace numérique", "Tiers-lieu",
    "Fablab", "Coopérative", "Cabinet", "Studio", "Maison", "Club", "Point", "Réseau",
]  # fmt: skip
TOPICS = [
    "numérique solidaire", "réparation", "logiciels libres", "sobriété numérique",
    "médiation", "accessibilité", "données ouvertes", "low-tech", "réemploi", "éco-conception",
    "cybersécurité", "inclusion", "éducation au numérique", "Konponketa", "Sarea", "Gunea",
]  # fmt: skip
COLUMNS = [
    "name", "slug", "kind_id", "summary", "summary_eu", "summary_es", "description",
    "description_eu", "description_es", "website", "email", "phone",
    "street_address", "commune_id", "location", "welcomes_public", "works_remotely", "travels",
    "opening_hours", "siret", "rna", "logo", "status", "created_at", "updated_at", "is_demo",
    "source", "source_id", *(taxonomy.column for taxonomy in MANY), "search_text",
]  # fmt: skip
# Two actors in three declare hours, in the shapes real profiles have: the `open` filter is
# measured on a realistic share of candidates.
HOURS = [
    "Mo-Fr 09:00-12:00,14:00-18:00", "Mo-Fr 09:00-17:00", "Tu-Sa 10:00-12:30,14:00-19:00",
    "We 14:00-17:00", "Mo,Th 09:00-12:00", "Mo-Sa 08:30-19:30; PH off", "Sa 10:00-12:00",
    "Mo-Fr 13:30-17:30", "Tu,Th 18:00-21:00", "Mo-Su 10:00-18:00",
]  # fmt: skip
HOURS_SHARE = 2 / 3
# The tables a bulk load leaves to vacuum before measuring (ensure_synthetic).
VACUUMED = [
    "actors_actor", "actors_search", "actors_search_lean", "expertise_realisation",
    "expertise_ressource",
    "expertise_partner",
    "expertise_realisation_themes", "expertise_realisation_publics",
    "expertise_realisation_communes", "expertise_ressource_themes",
    "expertise_ressource_publics", "expertise_ressource_authors",
]  # fmt: skip


def place_actors(count, rng):
    """How many actors each commune receives: by population, at least a chance for all."""
    communes = list(Commune.objects.values_list("pk", "population", "name"))
    weights = [population + 200 for _, population, _ in communes]
    picks = rng.choices(range(len(communes)), weights=weights, k=count)
    return communes, Counter(picks)


def random_points(commune_pk, n, seed):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ST_X(d.geom), ST_Y(d.geom) FROM actors_commune c, "
            "ST_Dump(ST_GeneratePoints(c.boundary, %s, %s)) d WHERE c.id = %s",
            [n, seed, commune_pk],
        )
        return cursor.fetchall()


@transaction.atomic
def create_synthetic_actors(count, seed=1, progress=None):
    rng = random.Random(seed)  # noqa: S311 -- repeatable benchmark data, not secrets
    # Their own generator, so that the other fields stay those of earlier benchmarks.
    hours_rng = random.Random(seed + 1)  # noqa: S311
    kinds = list(ActorKind.objects.values_list("pk", flat=True))
    terms = {
        name: list(model.objects.values_list("pk", flat=True))
        for name, model in MANY_MODELS.items()
    }
    communes, per_commune = place_actors(count, rng)
    start = Actor.objects.synthetic().count()
    now = timezone.now()
    rows, serial = [], start
    for index, n in sorted(per_commune.items()):
        commune_pk, _, commune_name = communes[index]
        for lon, lat in random_points(commune_pk, n, seed * 1000 + index):
            serial += 1
            name = f"{rng.choice(PREFIXES)} {rng.choice(TOPICS)} {commune_name}"
            rows.append(
                (
                    name, f"{slugify(name)[:180]}-s{serial}", rng.choice(kinds),
                    f"Acteur synthétique n°{serial} pour les mesures de performance.",
                    f"{serial}. eragile sintetikoa, errendimendua neurtzeko.",
                    f"Actor sintético n.º {serial} para las medidas de rendimiento.",
                    "", "", "", "", "", "", "", commune_pk, f"SRID=4326;POINT({lon} {lat})",
                    rng.random() < 0.8, rng.random() < 0.3, rng.random() < 0.2,
                    opening_hours(hours_rng), "", "", "", ActorStatus.PUBLISHED, now, now, True,
                    SOURCE, str(serial),
                    "{}", "{}", "{}", "{}", "",
                )
            )  # fmt: skip
    with connection.cursor() as cursor:
        copy_rows(cursor, Actor._meta.db_table, COLUMNS, rows)
        cursor.execute(
            "SELECT id FROM actors_actor WHERE source = %s AND source_id::int > %s ORDER BY id",
            [SOURCE, start],
        )
        ids = [row[0] for row in cursor.fetchall()]
        for name in MANY_MODELS:
            through = getattr(Actor, name).through
            target = getattr(Actor, name).field.m2m_reverse_name()
            links = []
            for actor_id in ids:
                for term in rng.sample(terms[name], k=min(len(terms[name]), rng.randint(1, 3))):
                    links.append((actor_id, term))
            copy_rows(cursor, through._meta.db_table, ["actor_id", target], links)
            if progress:
                progress(name)
    indexing.refresh(ids)
    if progress:
        progress("search index")
    return len(ids)


def opening_hours(rng):
    return rng.choice(HOURS) if rng.random() < HOURS_SHARE else ""


def copy_rows(cursor, table, columns, rows):
    # psycopg 3's COPY: the raw cursor behind Django's wrapper.
    with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


@transaction.atomic
def remove_synthetic_actors():
    """Deleted in SQL, not through the ORM, which would collect, signal and record in the
    history 100,000 actors one by one (ten minutes). Synthetic actors are written by COPY
    (no history) and nobody is a member of one or asks to change it: nothing else refers
    to them, and a foreign key would refuse the delete if something did. The synthetic
    réalisations and ressources they publish go first, for that reason."""
    # Imported here: the expertise app builds on this one, not the other way round.
    from expertise.synthetic import remove_synthetic_expertise

    remove_synthetic_expertise()
    with connection.cursor() as cursor:
        synthetic = "SELECT id FROM actors_actor WHERE source = %s"
        for name in MANY_MODELS:
            # The table's name comes from the model, never from input.
            table = connection.ops.quote_name(getattr(Actor, name).through._meta.db_table)
            delete = f"DELETE FROM {table} WHERE actor_id IN ({synthetic})"  # noqa: S608
            cursor.execute(delete, [SOURCE])
        cursor.execute("DELETE FROM actors_actor WHERE source = %s", [SOURCE])
        return cursor.rowcount


def ensure_synthetic(size, write=print):
    """Exactly `size` synthetic actors (seeded with `size`) and half as many synthetic
    réalisations and ressources over them (every benchmark measures the same data: the actor
    pages list their items), ready for index-only scans."""
    from expertise.models import Realisation, Ressource
    from expertise.synthetic import create_synthetic_expertise

    current = Actor.objects.synthetic().count()
    items = Realisation.objects.synthetic().count() + Ressource.objects.synthetic().count()
    expertise = size // 2
    if current > size or items > expertise:
        remove_synthetic_actors()
        current = items = 0
    if current < size:
        write(f"Seeding {size - current} synthetic actors…")
        create_synthetic_actors(size - current, seed=size)
    if items < expertise:
        write(f"Seeding {expertise - items} synthetic réalisations and ressources…")
        create_synthetic_expertise(expertise - items, seed=size + expertise)
    if current < size or items < expertise:
        # Fresh rows are not yet marked all-visible: index-only scans need a vacuum, as
        # autovacuum would do soon after a bulk load in production. The load writes each
        # actor twice (COPY, then the re-index), which leaves its indexes two to three times
        # their size (the narrow counts index: 29 MB against 10 MB); the scans that read
        # them whole (facet counts, map) would measure that bulk load, not the queries.
        # README "The database" says how to rebuild them after a large import.
        with connection.cursor() as cursor:
            for table in VACUUMED:
                cursor.execute(f"VACUUM ANALYZE {table}")
            if current < size:
                cursor.execute("REINDEX TABLE actors_actor")
                cursor.execute("REINDEX TABLE actors_search")
                cursor.execute("REINDEX TABLE actors_search_lean")
