from django.contrib.gis.db import models
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVectorField

from .commune import Commune
from .taxonomy import ActorKind


class CopiedColumns(models.Model):
    """The published actors' columns that the search tables copy (SearchRow, LeanRow)."""

    id = models.BigIntegerField(primary_key=True)
    name = models.CharField(max_length=200)
    kind = models.ForeignKey(
        ActorKind, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    commune = models.ForeignKey(
        Commune, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    lon = models.FloatField(null=True)
    lat = models.FloatField(null=True)
    theme_ids = ArrayField(models.IntegerField(), default=list)
    service_ids = ArrayField(models.IntegerField(), default=list)
    public_ids = ArrayField(models.IntegerField(), default=list)
    language_ids = ArrayField(models.IntegerField(), default=list)
    theme_mask = models.BigIntegerField(null=True)
    service_mask = models.BigIntegerField(null=True)
    public_mask = models.BigIntegerField(null=True)
    language_mask = models.BigIntegerField(null=True)

    class Meta:
        abstract = True


class SearchRow(CopiedColumns):
    """A published actor's columns that a text search's counts and ranked page read: its
    search vector, term arrays and masks, kind, commune, coordinates and name, under the
    actor's id. The actors' rows are wide (texts, hours, geometry): at 100,000 actors a broad
    search's matches read from this narrow table take a fraction of the time
    (actors.searchrows; README "The directory at 100,000 actors").

    Written by PostgreSQL only: statement triggers on actors_actor (migration 0012) copy
    every insert, change, delete and truncation of published actors, whoever writes it (the indexer,
    the synthetic actors' COPY, the importer), in the same transaction."""

    search_vector = SearchVectorField(null=True)

    class Meta:
        # Created, indexed and written by migration 0012's SQL: Django neither flushes nor
        # copies it (its triggers follow actors_actor's), nor adds rows to it.
        managed = False
        db_table = "actors_search"


class LeanRow(CopiedColumns):
    """SearchRow without its search vector, of which it keeps only whether there is one:
    the vectors are most of a search row's width. A search whose words few rows hold but
    whose lexicon's services and themes match many reads its matches here, its words'
    matches and ranks taken from SearchRow by id (actors.searchrows, actors.wordrank).

    Written by PostgreSQL only: statement triggers on actors_search (migration 0015)."""

    indexed = models.BooleanField()

    class Meta:
        managed = False
        db_table = "actors_search_lean"
