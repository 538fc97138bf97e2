"""actors_search (actors.models.SearchRow) is the published actors' narrow copy that text
searches read, and actors_search_lean (LeanRow) its copy without the vectors: every way of
writing an actor keeps them equal to a plain reading of actors_actor, and a text search
reads one of them."""

import pytest
from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from actors import indexing, wordrank
from actors.filters import parsed_query, search_query
from actors.models import Actor, ActorStatus, Commune, LeanRow, SearchRow, Theme
from tests.factories import ActorFactory, commune, kind

pytestmark = pytest.mark.django_db

COLUMNS = (
    "id, name, kind_id, commune_id, lon, lat, search_vector, theme_ids, service_ids, "
    "public_ids, language_ids, theme_mask, service_mask, public_mask, language_mask"
)


LEAN = COLUMNS.replace("search_vector, ", "")


def rows(sql):
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


def assert_in_step(published):
    """actors_search holds the published actors' columns; actors_search_lean the same but
    the vectors, `indexed` telling which had one."""
    copy = rows(f"SELECT {COLUMNS} FROM actors_search ORDER BY id")  # noqa: S608
    source = f"SELECT {COLUMNS} FROM actors_actor WHERE status = 'published' ORDER BY id"  # noqa: S608
    assert copy == rows(source)
    assert len(copy) == published
    lean = rows(f"SELECT {LEAN}, indexed FROM actors_search_lean ORDER BY id")  # noqa: S608
    copied = f"SELECT {LEAN}, search_vector IS NOT NULL FROM actors_search ORDER BY id"  # noqa: S608
    assert lean == rows(copied)


def test_every_write_keeps_the_copy_equal_to_the_published_actors():
    first = ActorFactory(name="Atelier Konpon", services=["reparation"], themes=["low-tech"])
    second = ActorFactory(name="Clic Solidaire")
    draft = ActorFactory(name="Brouillon", draft=True)
    assert_in_step(2)
    assert SearchRow.objects.get(pk=first.pk).search_vector

    first.name = "Atelier Konpon Baiona"
    first.save()
    first.themes.add(Theme.objects.get(slug="inclusion-mediation"))
    assert_in_step(2)
    assert "baiona" in SearchRow.objects.get(pk=first.pk).search_vector

    draft.status = ActorStatus.PUBLISHED
    draft.save()
    assert_in_step(3)
    second.status = ActorStatus.DRAFT
    second.save()
    assert_in_step(2)

    # A queryset update (no signal) and a commune's new name (re-indexed in SQL).
    Actor.objects.filter(pk=first.pk).update(kind=kind("association"), lon=-1.5)
    place = Commune.objects.get(pk=first.commune_id)
    place.name_eu = "Izen berria"
    place.save()
    indexing.refresh_where("commune_id", place.pk)
    assert_in_step(2)

    # One statement publishing one actor and changing another: actors_search's upsert both
    # inserts and updates, and the copy without vectors follows each.
    Actor.objects.filter(pk__in=[first.pk, second.pk]).update(
        status=ActorStatus.PUBLISHED, lon=-1.45
    )
    assert_in_step(3)
    Actor.objects.filter(pk__in=[second.pk, draft.pk]).delete()
    assert_in_step(1)
    assert LeanRow.objects.get(pk=first.pk).indexed

    # A vector not yet computed: the copy without vectors says so.

    Actor.objects.filter(pk=first.pk).update(search_vector=None)
    assert_in_step(1)
    assert not LeanRow.objects.get(pk=first.pk).indexed

    with connection.cursor() as cursor:
        # The factories' foreign keys are checked at commit: now, so as to truncate.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("TRUNCATE actors_actor CASCADE")
    assert_in_step(0)


def test_the_nightly_opening_refresh_rewrites_no_copy():
    """Only changes of the copied columns are copied: the opening hours' refresh rewrites
    many actors' rows and none of the copy's."""
    actor = ActorFactory(opening_hours="Mo-Fr 09:00-12:00", commune=commune("64102"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT xmin::text FROM actors_search WHERE id = %s", [actor.pk])
        before = cursor.fetchone()
        Actor.objects.filter(pk=actor.pk).update(open_hours=None, open_days=None)
        assert indexing.refresh_opening([actor.pk]) == 1
        cursor.execute("SELECT xmin::text FROM actors_search WHERE id = %s", [actor.pk])
        assert cursor.fetchone() == before
    assert_in_step(1)


@pytest.mark.parametrize(
    ("query", "table"),
    [
        # Everyday words (the lexicon's services) that few rows hold: the copy without vectors.
        ("q=reparation", "actors_search_lean"),
        ("q=reparation&theme=low-tech&bbox=-2,43,-1,44", "actors_search_lean"),
        ("q=clic", "actors_search"),  # words alone
        # A negation matches rows holding none of the words.
        ("q=-clic reparation", "actors_search"),
        ("q=reparation&open=mo", "actors_actor"),
        ("q=reparation&near=Bayonne&theme=low-tech", "actors_actor"),
        ("q=konpn", "actors_actor"),  # read as a misspelling: trigrams of the actors' table
        ("theme=low-tech", "actors_actor"),
    ],
)
def test_a_text_search_counts_from_a_copy(client, query, table):
    ActorFactory(name="Atelier Konpon", services=["reparation"], themes=["low-tech"])
    ActorFactory(name="Atelier Clic", themes=["low-tech"])
    # With a selection, its options are counted apart (actors.facets.own_counts).
    scans = counts_sql(client, f"/fr/?{query}", scans=2 if "theme" in query else 1)
    assert all(f'FROM "{table}" ' in sql for sql in scans)


def test_many_holders_of_everyday_words_count_from_the_copy_with_vectors(client, monkeypatch):
    ActorFactory(name="Atelier Konpon", services=["reparation"], themes=["low-tech"])
    monkeypatch.setattr(wordrank, "FEW", 0)
    assert 'FROM "actors_search" ' in counts_sql(client, "/fr/?q=reparation")[0]


def counts_sql(client, path, scans=1):
    """The SQL of the `scans` queries that count the facets of the page at `path`."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    counts = [q["sql"] for q in queries if "GROUPING SETS" in q["sql"]]
    assert len(counts) == scans
    return counts


@pytest.mark.parametrize(
    "words",
    ["reparation", "ordi lent", '"atelier konpon"', "-atelier reparation", "l'ordi", "le", "a'b"],
)
def test_the_words_parsed_once_match_and_rank_as_the_parsing_functions(words):
    """actors.filters.parsed_query reads back the tsquery's text: the same matches and ranks
    as the functions themselves, phrases, negations, quotes and stop words included."""
    for name, summary in [
        ("Atelier Konpon", "Réparation d'ordinateurs lents."),
        ("L'ordi solidaire", "On répare l'ordi."),
        ("Clic", "Le numérique pour tous."),
    ]:
        ActorFactory(name=name, summary=summary)

    def ranked(query):
        rows = Actor.objects.filter(search_vector=query).annotate(
            rank=SearchRank(F("search_vector"), query)
        )
        return sorted(rows.values_list("pk", "rank"))

    assert ranked(parsed_query(words)) == ranked(search_query(words))
