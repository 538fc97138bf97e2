"""Synthetic réalisations and ressources for benchmarks (`manage.py seed_synthetic`,
`manage.py bench`), spread over the synthetic actors, the communes, the taxonomies and the
closed lists, with their search vectors. Written with COPY, as the synthetic actors are.

An item is synthetic when a synthetic actor publishes it: synthetic actors have no members,
so nobody else can publish under one. Their slugs end in `-s<number>` and their summaries
say what they are."""

import random
from datetime import date, timedelta

from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.text import slugify

from actors.models import Actor, Commune, Public, Theme
from actors.synthetic import copy_rows
from moderation.contract import Status

from . import search
from .demo import TOPICS
from .models import Partner, Realisation, Ressource
from .models.lists import (
    ContentLanguage,
    FundingProgramme,
    Licence,
    PartnerAnswer,
    PartnerRole,
    Progress,
    RessourceType,
)

# Of the items asked for, réalisations; the rest are ressources (20,000 of 50,000).
REALISATION_SHARE = 0.4
# Drafts are in the tables too, as on the real site; the lists must skip them cheaply.
DRAFT_SHARE = 0.05
WHOLE_TERRITORY_SHARE = 0.1
SUMMARIES = (
    "Contenu synthétique n°{n} pour les mesures de performance.",
    "{n}. eduki sintetikoa, errendimendua neurtzeko.",
    "Contenido sintético n.º {n} para las medidas de rendimiento.",
)
DESCRIPTION = (
    "Ateliers menés avec les habitants, matériel collecté et remis en état, "
    "guides écrits au fil du projet et partagés sous licence libre."
)
COMMON = [
    "slug", "title", "title_eu", "title_es", "summary", "summary_eu", "summary_es",
    "actor_id", "status", "is_demo", "created_at", "updated_at",
]  # fmt: skip
REALISATION_COLUMNS = [
    "id", *COMMON, "description", "description_eu", "description_es", "results", "results_eu",
    "results_es", "lessons", "lessons_eu", "lessons_es", "progress", "start_date", "end_date",
    "whole_territory", "funding_programme_id", "licence", "link",
]  # fmt: skip
RESSOURCE_COLUMNS = [
    "id", *COMMON, "type_id", "licence", "content_language", "link", "elsewhere_url",
    "realisation_id",
]  # fmt: skip


def copy_items(cursor, model, columns, rows):
    """COPY writes no Django default: the model's other text and file columns (images, alt
    texts, files) are written empty."""
    blanks = [
        field.column
        for field in model._meta.concrete_fields
        if isinstance(field, (models.CharField, models.TextField, models.FileField))
        and not field.null
        and field.column not in columns
    ]
    copy_rows(cursor, model._meta.db_table, [*columns, *blanks],
              (tuple(row) + ("",) * len(blanks) for row in rows))  # fmt: skip


class Seeder:
    """One run: the generator, the terms to choose from and the rows' common values."""

    def __init__(self, seed):
        self.rng = random.Random(seed)  # noqa: S311 -- repeatable benchmark data, not secrets
        self.actors = list(Actor.objects.synthetic().order_by("pk").values_list("pk", flat=True))
        self.communes = list(Commune.objects.values_list("pk", flat=True))
        self.themes = list(Theme.objects.values_list("pk", flat=True))
        self.publics = list(Public.objects.values_list("pk", flat=True))
        self.programmes = list(FundingProgramme.objects.values_list("pk", flat=True))
        self.types = list(RessourceType.objects.values_list("pk", flat=True))
        self.now = timezone.now()
        self.serial = 0

    def some(self, values, low, high):
        return self.rng.sample(values, k=min(len(values), self.rng.randint(low, high)))

    def common(self, number):
        """The columns of COMMON: three titles from a demo topic, three summaries."""
        self.serial += 1
        fr, eu, es = self.rng.choice(TOPICS)
        summaries = [text.format(n=number) for text in SUMMARIES]
        draft = self.rng.random() < DRAFT_SHARE
        # Spread over three years, so that ordering by date has work to do.
        updated = self.now - timedelta(minutes=self.rng.randint(0, 60 * 24 * 365 * 3))
        return (
            f"{slugify(fr)[:180]}-s{number}", f"{fr} {number}", f"{eu} {number}",
            f"{es} {number}", *summaries, self.rng.choice(self.actors),
            Status.DRAFT if draft else Status.PUBLISHED, False, updated, updated,
        )  # fmt: skip

    def realisation(self, pk, number):
        start = date(2018, 1, 1) + timedelta(days=self.rng.randint(0, 2500))
        completed = self.rng.random() < 0.6
        end = start + timedelta(days=self.rng.randint(30, 700)) if completed else None
        return (
            pk, *self.common(number), DESCRIPTION, "", "", "Des personnes accompagnées.", "",
            "", "Commencer petit.", "", "",
            Progress.COMPLETED if completed else Progress.IN_PROGRESS, start, end,
            self.rng.random() < WHOLE_TERRITORY_SHARE,
            self.rng.choice(self.programmes) if self.rng.random() < 0.5 else None,
            self.rng.choice(Licence.values), "",
        )  # fmt: skip

    def ressource(self, pk, number, realisations):
        origin = self.rng.choice(realisations) if realisations and self.rng.random() < 0.3 else None
        return (
            pk, *self.common(number), self.rng.choice(self.types),
            self.rng.choice(Licence.values), self.rng.choice(ContentLanguage.values),
            f"https://example.org/synthetique/{number}", "", origin,
        )  # fmt: skip


def _new_ids(cursor, model, count):
    """`count` ids from the table's own sequence, so that the links can be written with them."""
    table = model._meta.db_table
    cursor.execute(
        "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
        [table, count],
    )
    return [row[0] for row in cursor.fetchall()]


def _links(cursor, field, rows):
    columns = [field.field.m2m_column_name(), field.field.m2m_reverse_name()]
    copy_rows(cursor, field.through._meta.db_table, columns, rows)


@transaction.atomic
def create_synthetic_expertise(count, seed=1, progress=None):
    """`count` items (réalisations and ressources) over the synthetic actors; the number
    created (none without synthetic actors)."""
    seeder = Seeder(seed)
    if not seeder.actors or count <= 0:
        return 0
    rng = seeder.rng
    start = Realisation.objects.synthetic().count() + Ressource.objects.synthetic().count()
    n_realisations = round(count * REALISATION_SHARE)
    numbers = iter(range(start + 1, start + count + 1))
    with connection.cursor() as cursor:
        realisation_ids = _new_ids(cursor, Realisation, n_realisations)
        rows = [seeder.realisation(pk, next(numbers)) for pk in realisation_ids]
        copy_items(cursor, Realisation, REALISATION_COLUMNS, rows)
        local = [row[0] for row in rows if not row[REALISATION_COLUMNS.index("whole_territory")]]
        _links(cursor, Realisation.communes, [
            (pk, commune) for pk in local for commune in seeder.some(seeder.communes, 1, 3)
        ])  # fmt: skip
        partners = []
        for pk in realisation_ids:
            for actor in seeder.some(seeder.actors, 0, 2):
                answer = PartnerAnswer.CONFIRMED if rng.random() < 0.67 else PartnerAnswer.PENDING
                partners.append((pk, actor, "", rng.choice(PartnerRole.values), answer))
            if rng.random() < 0.2:
                partners.append(
                    (pk, None, "Fondation synthétique", PartnerRole.FUNDER, PartnerAnswer.PENDING)
                )
        columns = ["realisation_id", "actor_id", "name", "role", "answer"]
        copy_rows(cursor, Partner._meta.db_table, columns, partners)
        if progress:
            progress("réalisations")

        ressource_ids = _new_ids(cursor, Ressource, count - n_realisations)
        rows = [seeder.ressource(pk, next(numbers), realisation_ids) for pk in ressource_ids]
        copy_items(cursor, Ressource, RESSOURCE_COLUMNS, rows)
        _links(cursor, Ressource.authors, [
            (pk, actor) for pk in ressource_ids for actor in seeder.some(seeder.actors, 0, 2)
        ])  # fmt: skip
        for model, ids in ((Realisation, realisation_ids), (Ressource, ressource_ids)):
            _links(cursor, model.themes, [
                (pk, term) for pk in ids for term in seeder.some(seeder.themes, 1, 3)
            ])  # fmt: skip
            _links(cursor, model.publics, [
                (pk, term) for pk in ids for term in seeder.some(seeder.publics, 1, 2)
            ])  # fmt: skip
        if progress:
            progress("ressources")
    search.refresh_rows(Realisation, realisation_ids)
    search.refresh_rows(Ressource, ressource_ids)
    if progress:
        progress("search vectors")
    return len(realisation_ids) + len(ressource_ids)


# The rows to delete, as (table, column, ids): the synthetic actors, then what refers to them.
ACTORS = "SELECT id FROM actors_actor WHERE source = %(source)s"
REALISATIONS = f"SELECT id FROM expertise_realisation WHERE actor_id IN ({ACTORS})"  # noqa: S608
RESSOURCES = f"SELECT id FROM expertise_ressource WHERE actor_id IN ({ACTORS})"  # noqa: S608
LINKS = [
    ("expertise_ressource_authors", "ressource_id", RESSOURCES),
    ("expertise_ressource_authors", "actor_id", ACTORS),
    ("expertise_ressource_themes", "ressource_id", RESSOURCES),
    ("expertise_ressource_publics", "ressource_id", RESSOURCES),
    ("expertise_partner", "realisation_id", REALISATIONS),
    ("expertise_partner", "actor_id", ACTORS),
    ("expertise_realisation_themes", "realisation_id", REALISATIONS),
    ("expertise_realisation_publics", "realisation_id", REALISATIONS),
    ("expertise_realisation_communes", "realisation_id", REALISATIONS),
]
# Another actor's ressource may say it came from a synthetic réalisation: it forgets it.
FORGET_ORIGIN = (
    "UPDATE expertise_ressource SET realisation_id = NULL "  # noqa: S608
    f"WHERE realisation_id IN ({REALISATIONS}) AND id NOT IN ({RESSOURCES})"
)


def _delete(cursor, table, column, ids):
    # Tables, columns and subqueries are this module's constants; the source a parameter.
    statement = f"DELETE FROM {table} WHERE {column} IN ({ids})"  # noqa: S608
    cursor.execute(statement, {"source": Actor.SYNTHETIC_SOURCE})
    return cursor.rowcount


@transaction.atomic
def remove_synthetic_expertise():
    """Deleted in SQL, as the synthetic actors are (written by COPY: no history, no
    request). Links from other items to synthetic actors go too, or the actors' delete
    would be refused. The number of items removed."""
    with connection.cursor() as cursor:
        cursor.execute(FORGET_ORIGIN, {"source": Actor.SYNTHETIC_SOURCE})
        for table, column, ids in LINKS:
            _delete(cursor, table, column, ids)
        return sum(
            _delete(cursor, table, "actor_id", ACTORS)
            for table in ("expertise_ressource", "expertise_realisation")
        )
