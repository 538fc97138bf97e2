"""The relevance benchmark of `make bench`, on the demo data, cannot regress."""

import pytest

from actors import relevance
from actors.models import Actor

pytestmark = pytest.mark.django_db


def test_at_least_twenty_realistic_phrasings_per_language():
    counts = {}
    for language, query, expected in relevance.cases():
        counts[language] = counts.get(language, 0) + 1
        assert expected and query.strip()
    assert set(counts) == {"fr", "eu", "es"} and min(counts.values()) >= 20


def test_ninety_per_cent_of_phrasings_find_a_relevant_actor_in_the_top_five(demo):
    outcomes = relevance.run()
    misses = [(o.language, o.query, o.found) for o in outcomes if not o.hit]
    scores = relevance.scores(outcomes)
    assert all(score >= 90 for score in scores.values()), (scores, misses)


def test_the_score_counts_misses(demo):
    """Among actors that offer none of the expected services or themes, every phrasing
    misses: the benchmark can fail."""
    unrelated = Actor.objects.published().demo().filter(service_ids=[], theme_ids=[])
    assert set(relevance.scores(relevance.run(unrelated)).values()) <= {0.0}
    repairers = Actor.objects.published().demo().filter(services__slug="reparation")
    scores = relevance.scores(relevance.run(repairers))
    assert 0 < scores["all"] < 90
