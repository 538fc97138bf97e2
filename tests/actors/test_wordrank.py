"""actors.wordrank: a search's words ranked only in the rows holding them, when few do; the
results, their order and their relevance stay those of ranking every row."""

import pytest
from django.http import QueryDict

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
    words = parsed_query("ordi lent").text
    assert wordrank.holders("actors_actor", words) == [holder.pk]
    assert wordrank.holders("actors_search", words) == [holder.pk]
    # "atelier": five rows hold it; with fewer allowed, every row is ranked.
    assert len(wordrank.holders("actors_actor", parsed_query("atelier").text)) == 5
    monkeypatch.setattr(wordrank, "FEW", 3)
    assert wordrank.holders("actors_actor", parsed_query("atelier").text) is None
