"""actors.wordrank: a search's words ranked only in the rows holding them, when few do; the
results, their order and their relevance stay those of ranking every row."""

import struct

import pytest
from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import F
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from actors import wordrank
from actors.filters import ActorFilterSet, parsed_query
from actors.models import Actor
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db


def test_any_word_names_each_lexeme_of_the_query_once():
    assert wordrank.any_word("'ordi' & 'lent' | 'ordi' & 'lent'") == "'ordi' | 'lent'"
    assert wordrank.any_word("!'l''eau' <-> 'x'") == "'l''eau' | 'x'"
    assert wordrank.any_word("'repar':*") is None
    assert wordrank.any_word("'repar':AB & 'x'") is None
    assert wordrank.any_word("") is None


@pytest.fixture
def actors():
    """Repairers found by the lexicon's services only, one holding the words "ordi" and
    "lent" in its texts, one without a search vector, and one found by nothing."""
    repairers = [
        ActorFactory(
            name=f"Atelier {n}", summary="Un atelier du quartier.", services=["reparation"]
        )
        for n in range(5)
    ]
    holder = ActorFactory(
        name="Au secours", summary="Votre ordi est lent ? Venez.", services=["reparation"]
    )
    unindexed = ActorFactory(name="Sans index", services=["reparation"])
    Actor.objects.filter(pk=unindexed.pk).update(search_vector=None)
    ActorFactory(name="Autre chose", summary="Rien à voir.", themes=["low-tech"])
    return repairers, holder, unindexed


def results(q):
    filterset = ActorFilterSet(QueryDict(f"q={q}"), queryset=Actor.objects.published())
    assert filterset.is_valid()
    return [(actor.pk, actor.relevance) for actor in filterset.sorted(filterset.qs)]


@pytest.mark.parametrize("q", ["ordi lent", "mon ordi est lent", "arreglar móvil", "repar"])
def test_the_results_and_their_relevance_are_those_of_ranking_every_row(actors, monkeypatch, q):
    """Everyday words of the lexicon, held by one row or none; the repairers are found by
    their service, the unindexed one too (its relevance NULL, last, as ts_rank gives)."""
    repairers, holder, unindexed = actors
    narrowed = results(q)
    monkeypatch.setattr("actors.filters.holders", lambda table, text: None)
    assert narrowed == results(q)
    assert {pk for pk, _ in narrowed} >= {a.pk for a in repairers} | {unindexed.pk}
    assert narrowed[-1] == (unindexed.pk, None)
    if "ordi" in q:
        assert narrowed[0][0] == holder.pk  # its words rank it first


def test_the_holders_are_read_when_few_rows_hold_the_words(actors, monkeypatch):
    _, holder, _ = actors
    # holders() first asks the planner: its estimate comes from the tables' statistics, which
    # another test of the process may have left counting thousands of rows (rolled back since).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE actors_actor, actors_search")
    words = parsed_query("ordi lent").text
    assert wordrank.holders("actors_actor", words) == [holder.pk]
    assert wordrank.holders("actors_search", words) == [holder.pk]
    # "atelier": five rows hold it; with fewer allowed, every row is ranked.
    assert len(wordrank.holders("actors_actor", parsed_query("atelier").text)) == 5
    monkeypatch.setattr(wordrank, "FEW", 3)
    assert wordrank.holders("actors_actor", parsed_query("atelier").text) is None


@pytest.mark.parametrize("q", ["ordi lent", "mon ordi est lent", "arreglar móvil"])
def test_the_directory_reads_them_from_the_copy_without_vectors_in_the_same_order(
    client, actors, q
):
    """The page and its counts read from actors_search_lean, the words' ranks by id: the
    order of ranking every row, the unindexed actor last."""
    _, holder, unindexed = actors
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/fr/", {"q": q})
    assert any('FROM "actors_search_lean"' in query["sql"] for query in queries)
    shown = [actor.pk for actor in response.context["actors"]]
    assert shown == [pk for pk, _ in results(q)]
    assert shown[-1] == unindexed.pk
    if "ordi" in q:
        assert shown[0] == holder.pk


def test_the_held_rows_give_the_matches_and_the_ranks_of_the_words(actors):
    _, holder, _ = actors
    text = parsed_query("ordi lent").text
    ids = wordrank.holders("actors_search", text)
    held = wordrank.held(text, ids)
    assert held.matches == [holder.pk]
    rank = Actor.objects.filter(pk=holder.pk).annotate(
        rank=SearchRank(F("search_vector"), parsed_query("ordi lent"))
    )
    # The same float4, which Django reads through its text form (rounded to float4's digits).
    assert list(held.ranks) == [holder.pk]
    assert struct.pack("f", held.ranks[holder.pk]) == struct.pack("f", rank.get().rank)
    # The same row holds "ordi" and "lent", and not "zzzqqq", which the query then needs.
    other = parsed_query("ordi lent zzzqqq").text
    assert wordrank.held(other, ids).matches == []
    assert wordrank.negates("!'atelier' & 'repar'")
    assert not wordrank.negates("'l''eau!' & 'x'")
