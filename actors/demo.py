"""Demo data: about 80 fictional actors (fixtures/demo-actors.json), flagged `is_demo` and
saying so in their description. Loading creates the missing ones only."""

import json

from django.conf import settings
from django.contrib.gis.geos import Point
from django.db import transaction

from actors import indexing
from actors.models import (
    ACCESS_FIELDS,
    Actor,
    ActorKind,
    ActorStatus,
    Commune,
)
from actors.taxonomies import MANY, MANY_MODELS
from moderation.history import recorded

DEMO_FILE = settings.BASE_DIR / "fixtures" / "demo-actors.json"
DEMO_SOURCE = "demo"

SCALARS = [
    "slug", "name", "summary", "description", "website", "email", "phone", "street_address",
    "welcomes_public", "works_remotely", "travels", "opening_hours",
]  # fmt: skip
# Basque and Spanish texts: many demo actors have some, others stay French-only so that the
# fallback to another language shows.
TRANSLATIONS = ["summary_eu", "summary_es", "description_eu", "description_es"]
# The place's accessibility, appointment link and fees: given for some demo actors only.
ACCESS = {field: Actor._meta.get_field(field).get_default() for field in ACCESS_FIELDS}


def read_demo_actors():
    with open(DEMO_FILE, encoding="utf-8") as fh:
        return json.load(fh)


@transaction.atomic
def load_demo_actors():
    existing = set(Actor.objects.filter(source=DEMO_SOURCE).values_list("slug", flat=True))
    every_row = read_demo_actors()
    add_translations(every_row)
    add_access(every_row)
    rows = [row for row in every_row if row["slug"] not in existing]
    if not rows:
        return 0
    kinds = {k.slug: k for k in ActorKind.objects.all()}
    communes = {c.insee: c for c in Commune.objects.only("pk", "insee")}
    terms = {name: {t.slug: t for t in model.objects.all()} for name, model in MANY_MODELS.items()}
    for row in rows:
        # One version per actor, its taxonomies included, and one re-indexing, as a
        # contribution gets: a version and a re-indexing at the save and at each taxonomy set
        # would double the queries (88 an actor instead of 43, half of them full_clean's).
        with recorded(None, ""), indexing.deferred():
            actor = Actor(
                **{field: row[field] for field in SCALARS},
                **{field: row.get(field, "") for field in TRANSLATIONS},
                **{field: row.get(field, default) for field, default in ACCESS.items()},
                kind=kinds[row["kind"]],
                commune=communes[row["commune"]],
                location=Point(row["lon"], row["lat"], srid=4326),
                status=ActorStatus.PUBLISHED,
                is_demo=True,
                source=DEMO_SOURCE,
                source_id=row["slug"],
            )
            actor.full_clean()
            actor.save()
            for taxonomy in MANY:
                link(actor, taxonomy, [terms[taxonomy.key][slug] for slug in row[taxonomy.key]])
    return len(rows)


def link(actor, taxonomy, terms):
    """A new actor's terms of one taxonomy, written in one query, where `set()` reads the
    links first and wraps each step in a savepoint. Its signals are not needed: the block
    around re-indexes the actor and writes its version once the links are in."""
    through = taxonomy.through
    through.objects.bulk_create(
        [through(actor_id=actor.pk, **{taxonomy.term_column: term.pk}) for term in terms]
    )


def add_translations(rows):
    """Demo actors loaded before the demo had Basque and Spanish texts get them, once: only
    those with none yet, so that nothing written since is overwritten."""
    untranslated = Actor.objects.filter(
        source=DEMO_SOURCE, **dict.fromkeys(TRANSLATIONS, "")
    ).in_bulk(field_name="slug")
    for row in rows:
        actor = untranslated.get(row["slug"])
        texts = {field: row.get(field, "") for field in TRANSLATIONS}
        if actor is not None and any(texts.values()):
            for field, text in texts.items():
                setattr(actor, field, text)
            actor.save(update_fields=TRANSLATIONS)  # the signal re-indexes it


def add_access(rows):
    """Demo actors loaded before the demo had accessibility, appointment and fees get them,
    once: only those with none of them yet, so that nothing written since is overwritten."""
    bare = Actor.objects.filter(source=DEMO_SOURCE, **ACCESS).in_bulk(field_name="slug")
    for row in rows:
        actor = bare.get(row["slug"])
        given = {field: row[field] for field in ACCESS if field in row}
        if actor is not None and given:
            for field, value in given.items():
                setattr(actor, field, value)
            actor.save(update_fields=[*given, "updated_at"])
