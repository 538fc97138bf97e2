"""No dead end: a search that finds nothing shows the closest results and says what it
relaxed (actors.relax), in order: fewer words, a wider radius, the recognised services."""

import re

import pytest
from django.urls import reverse

from tests.factories import BAYONNE, MAULEON, ActorFactory, at, commune, kind

pytestmark = pytest.mark.django_db

NEUTRAL = "Une structure du Pays Basque."


@pytest.fixture
def world():
    return {
        "near": ActorFactory(
            name="Konpon Txoko", summary=NEUTRAL, commune=commune(BAYONNE),
            location=at(BAYONNE, 0.002), services=["reparation"],
        ),
        # About 15 km west of Bayonne's centre: outside 10 km, inside 20.
        "far": ActorFactory(
            name="Errobi Lab", summary=NEUTRAL, commune=commune(BAYONNE),
            location=at(BAYONNE, -0.19), services=["fabrication-numerique"], themes=["low-tech"],
        ),
        "mauleon": ActorFactory(
            name="Xiberoa Konpon", summary=NEUTRAL, commune=commune(MAULEON),
            location=at(MAULEON), services=["reparation"], kind=kind("entreprise-ess"),
        ),
    }  # fmt: skip


def relaxed(response):
    assert response.status_code == 200 and response.context["total"] == 0
    result = response.context["relaxed"]
    return result and (result.message, [a.name for a in result.actors])


def test_fewer_words_first(client, world):
    response = client.get("/fr/?q=Errobi+dimanche+matin")
    message, names = relaxed(response)
    assert names == ["Errobi Lab"]
    assert "Aucun résultat pour « Errobi dimanche matin »" in message
    assert "« Errobi »" in message
    page = response.content.decode()
    assert "Aucun résultat pour « Errobi dimanche matin »" in page
    assert 'href="?q=Errobi">Voir tous ces résultats' in page


def test_then_a_wider_radius(client, world):
    response = client.get("/fr/?q=Errobi&near=Bayonne&radius=10")
    message, names = relaxed(response)
    assert names == ["Errobi Lab"]
    assert message == "Aucun résultat pour « Errobi » à 10 km ; voici les résultats à 20 km."
    assert "radius=20" in response.context["relaxed_url"]
    assert re.search(r"à 1\d,\d km", response.content.decode())  # the card's distance


def test_a_wider_radius_without_words(client, world):
    message, names = relaxed(client.get("/fr/?theme=low-tech&near=Bayonne&radius=5"))
    assert names == ["Errobi Lab"]
    assert message == "Aucun résultat à 5 km ; voici les résultats à 20 km."


def test_then_the_nearest_actors_offering_the_recognised_service(client, world):
    response = client.get("/fr/?q=ordi+lent&kind=collectivite-etablissement-public&near=Bayonne")
    message, names = relaxed(response)
    assert names == ["Konpon Txoko", "Xiberoa Konpon"]  # nearest first
    assert "voici les acteurs les plus proches qui proposent : Réparation" in message
    assert "relaxed_url" not in response.context  # no query of the directory shows them all


def test_nothing_to_relax_says_what_to_try_and_links_to_adding_an_actor(client, world):
    response = client.get("/fr/?q=zzqxwv+plouf")
    assert relaxed(response) is None
    page = response.content.decode()
    assert "Aucun acteur ne correspond à ces critères" in page
    assert "Proposez-la" in page and reverse("account_signup") in page


def test_the_relaxed_results_are_translated(client, world):
    response = client.get("/eu/?q=Errobi+igandea")
    message, names = relaxed(response)
    assert names == ["Errobi Lab"] and "Errobi" in message and "Aucun" not in message
