"""The map layer's data: published réalisations by commune, the whole territory's left out,
titles in the page's language, and a new publication seen at once despite the cache."""

import pytest
from django.core.cache import cache

from actors.models import Commune
from moderation import workflow
from moderation.contract import Status

from .conftest import make_realisation

pytestmark = pytest.mark.django_db


def layer(client, lang="fr"):
    response = client.get(f"/{lang}/realisations/carte.geojson")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    return {f["properties"]["commune"]: f for f in response.json()["features"]}


def test_published_realisations_by_commune(client, people):
    cache.clear()
    bayonne, mauleon = Commune.objects.get(insee="64102"), Commune.objects.get(insee="64371")
    for title in ("Un", "Deux"):
        make_realisation(people["actor"], title=title).communes.set([bayonne])
    make_realisation(people["actor"], title="Partout", whole_territory=True)
    make_realisation(people["actor"], title="Brouillon", status=Status.DRAFT).communes.set(
        [mauleon]
    )
    both = make_realisation(people["actor"], title="Trois", title_eu="Hiru")
    both.communes.set([bayonne, mauleon])

    found = layer(client)
    assert set(found) == {"Bayonne", "Mauléon-Licharre"}
    props = found["Bayonne"]["properties"]
    assert props["count"] == 3
    assert {item["title"] for item in props["items"]} == {"Un", "Deux", "Trois"}
    assert props["all"] == "/fr/realisations/?commune=64102"
    assert found["Bayonne"]["geometry"]["coordinates"] == [
        round(bayonne.centroid.x, 5),
        round(bayonne.centroid.y, 5),
    ]
    assert found["Mauléon-Licharre"]["properties"]["items"] == [
        {"title": "Trois", "lang": "fr", "url": both.get_absolute_url()}
    ]
    basque = layer(client, "eu")
    assert {"title": "Hiru", "lang": "eu", "url": "/eu/realisations/trois/"} in [
        item for f in basque.values() for item in f["properties"]["items"]
    ]

    workflow.archive(both, people["moderator"], "Retiré")
    assert set(layer(client)) == {"Bayonne"}


def test_a_commune_lists_its_five_latest(client, people):
    cache.clear()
    bayonne = Commune.objects.get(insee="64102")
    for n in range(7):
        make_realisation(people["actor"], title=f"Projet {n}").communes.set([bayonne])
    props = layer(client)["Bayonne"]["properties"]
    assert props["count"] == 7
    assert [item["title"] for item in props["items"]] == [f"Projet {n}" for n in range(6, 1, -1)]
