"""Order of the results: nearest first whenever a place is given, a text search too;
sort=distance without a place keeps the list and says what is missing."""

import pytest

from tests.factories import BAYONNE, ActorFactory, at, commune

pytestmark = pytest.mark.django_db

NEUTRAL = "Une structure du Pays Basque."


@pytest.fixture
def world():
    return {
        # The best text match ("Réparation" in its name and services), but the farthest.
        "best": ActorFactory(
            name="Réparation Réparation", summary="Réparation d'ordinateurs.",
            commune=commune(BAYONNE), location=at(BAYONNE, 0.04), services=["reparation"],
        ),
        "nearest": ActorFactory(
            name="Txoko", summary=NEUTRAL, commune=commune(BAYONNE),
            location=at(BAYONNE, 0.001), services=["reparation"],
        ),
        "middle": ActorFactory(
            name="Atelier", summary=NEUTRAL, commune=commune(BAYONNE),
            location=at(BAYONNE, 0.02), services=["reparation"],
        ),
        "unrelated": ActorFactory(
            name="Accessi", summary=NEUTRAL, commune=commune(BAYONNE),
            location=at(BAYONNE, 0.0005), services=["conseil-audit"], themes=["accessibilite"],
        ),
    }  # fmt: skip


def names(response):
    assert response.status_code == 200
    return [a.name for a in response.context["actors"]]


def test_with_a_place_the_nearest_relevant_actor_comes_first(client, world):
    response = client.get("/fr/?q=réparation&near=Bayonne")
    assert names(response) == ["Txoko", "Atelier", "Réparation Réparation"]
    page = response.content.decode()
    assert '<option value="" selected>Automatique : distance</option>' in page
    assert page.index("Txoko") < page.index("Atelier")
    assert "à 0,1 km" in page  # each card shows its distance in the default order


def test_a_search_submitted_from_an_unsorted_page_keeps_the_automatic_order(client, world):
    # Without JavaScript the whole form is sent: the order select's automatic (empty) value
    # must not pin the order the previous page showed (by name, before a place was given).
    assert (
        '<option value="" selected>Automatique : nom</option>'
        in client.get("/fr/").content.decode()
    )
    response = client.get("/fr/?q=réparation&near=Bayonne&radius=10&open=&sort=")
    assert names(response) == ["Txoko", "Atelier", "Réparation Réparation"]


def test_an_order_chosen_stays_chosen(client, world):
    page = client.get("/fr/?q=réparation&near=Bayonne&sort=name").content.decode()
    assert '<option value="name" selected>Nom</option>' in page
    assert (
        '<option value="" >' not in page
        and '<option value="">Automatique : distance</option>' in page
    )


def test_relevance_can_still_be_chosen_with_a_place(client, world):
    response = client.get("/fr/?q=réparation&near=Bayonne&sort=relevance")
    assert names(response)[0] == "Réparation Réparation"


def test_without_a_place_a_search_is_ordered_by_relevance(client, world):
    assert names(client.get("/fr/?q=réparation"))[0] == "Réparation Réparation"


def test_distance_without_a_place_keeps_the_list_and_says_why(client, world):
    response = client.get("/fr/?q=réparation&sort=distance")
    assert names(response)[0] == "Réparation Réparation"  # the default order: relevance
    assert response.context["sort"] == "distance"  # as chosen, with the notice below
    page = response.content.decode()
    assert "Pour trier par distance, indiquez un lieu" in page
    assert not response.context["filterset"].form.errors
    assert len(names(client.get("/fr/?sort=distance"))) == 4


def test_the_api_orders_and_accepts_the_same(client, world):
    api = client.get("/api/v1/actors/?q=réparation&near=Bayonne").json()["results"]
    assert [r["name"] for r in api] == ["Txoko", "Atelier", "Réparation Réparation"]
    assert client.get("/api/v1/actors/?sort=distance").status_code == 200
