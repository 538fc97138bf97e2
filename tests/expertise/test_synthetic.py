"""The benchmarks' synthetic réalisations and ressources: spread over the synthetic actors
with their links and search vectors, and removed with those actors, leaving the rest."""

import pytest

from actors.models import Actor
from actors.synthetic import create_synthetic_actors, remove_synthetic_actors
from expertise import search, synthetic
from expertise.models import Partner, Realisation, Ressource
from moderation.contract import Status
from tests.factories import ActorFactory

from .conftest import make_realisation, make_ressource

pytestmark = pytest.mark.django_db


def test_synthetic_items_are_spread_indexed_and_removed_with_the_synthetic_actors(reference):
    kept_actor = ActorFactory()
    kept = make_realisation(kept_actor)
    kept_ressource = make_ressource(kept_actor)
    assert synthetic.create_synthetic_expertise(50) == 0  # no synthetic actor yet
    create_synthetic_actors(40, seed=3)
    assert synthetic.create_synthetic_expertise(500, seed=3) == 500

    realisations, ressources = Realisation.objects.synthetic(), Ressource.objects.synthetic()
    assert (realisations.count(), ressources.count()) == (200, 300)
    assert realisations.filter(search_vector__isnull=True).count() == 0
    assert ressources.filter(search_vector__isnull=True).count() == 0
    assert search.matching(ressources, "reparation").exists()
    assert 0 < realisations.exclude(status=Status.PUBLISHED).count() < 50
    assert realisations.values("actor").distinct().count() > 30
    for items in (realisations, ressources):
        assert items.filter(themes__isnull=True).count() == 0
        assert items.filter(publics__isnull=True).count() == 0
    assert realisations.filter(whole_territory=False, communes__isnull=True).count() == 0
    assert realisations.filter(whole_territory=True).exists()
    assert Partner.objects.filter(realisation__in=realisations).exists()
    assert ressources.filter(realisation__isnull=False).exists()
    assert ressources.filter(authors__isnull=False).exists()
    # The slugs are unique and say where the items come from.
    assert all("-s" in slug for slug in realisations.values_list("slug", flat=True))

    # A real item naming a synthetic actor loses that link, not itself.
    synthetic_actor = Actor.objects.synthetic().first()
    Partner.objects.create(realisation=kept, actor=synthetic_actor, role="partenaire")
    kept_ressource.authors.add(synthetic_actor)
    assert remove_synthetic_actors() == 40
    assert list(Realisation.objects.all()) == [kept]
    assert list(Ressource.objects.all()) == [kept_ressource]
    assert not Partner.objects.exists()
    assert list(kept_ressource.authors.all()) == []
    assert kept.themes.exists()
