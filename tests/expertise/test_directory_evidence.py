"""The directory finds an actor through its published réalisations and ressources, ranks
it below the actors whose own texts hold the words, and says on its card what proves it."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from moderation import workflow
from moderation.contract import Status
from tests.factories import ActorFactory

from .conftest import make_realisation, make_ressource

pytestmark = pytest.mark.django_db


def found(client, query, lang="fr"):
    response = client.get(f"/{lang}/", {"q": query})
    assert response.status_code == 200
    return [int(pk) for pk in re.findall(r'id="actor-(\d+)"', response.content.decode())]


def test_words_only_in_a_published_item_find_its_actor(client, people):
    actor = people["actor"]
    realisation = make_realisation(actor, results="Une chaudronnerie solidaire ouverte.")
    make_ressource(actor, title_eu="Txirrindularien gida", summary_es="Guía de bicicletas")
    assert found(client, "chaudronnerie") == [actor.pk]
    assert found(client, "txirrindularien", "eu") == [actor.pk]
    assert found(client, "bicicletas", "es") == [actor.pk]
    assert "chaudronnerie" not in actor.name + actor.summary + actor.description

    workflow.archive(realisation, people["moderator"], "Projet retiré")
    assert found(client, "chaudronnerie") == []


def test_drafts_and_pending_items_do_not_count(client, people):
    make_realisation(people["actor"], status=Status.DRAFT, summary="Une forge participative.")
    make_ressource(people["actor"], status=Status.PENDING, summary="Une forge en kit.")
    assert found(client, "forge") == []


def test_a_change_to_a_published_item_moves_the_actor_index(client, people):
    realisation = make_realisation(people["actor"], description="Des vélos cargo.")
    assert found(client, "cargo") == [people["actor"].pk]
    realisation.description = "Des remorques."
    realisation.save()
    assert found(client, "cargo") == []
    assert found(client, "remorques") == [people["actor"].pk]


def test_actors_matching_by_their_own_texts_rank_first(client, people):
    # The item repeats the word: an item's texts count once at the lowest weight.
    make_realisation(
        people["actor"], title="Sérigraphie", summary="Sérigraphie", results="Sérigraphie"
    )
    by_summary = ActorFactory(name="Atelier Zeta", summary="Sérigraphie et affiches.")
    by_name = ActorFactory(name="Sérigraphie du port")
    by_description = ActorFactory(name="Aaa", description="Sérigraphie. Sérigraphie.")
    ranked = found(client, "sérigraphie")
    assert ranked[:3] == [by_name.pk, by_summary.pk, by_description.pk]
    assert ranked[3:] == [people["actor"].pk]


@pytest.mark.parametrize(
    "lang, both, one",
    [
        ("fr", "Prouvé par 3 réalisations et 2 ressources", "Prouvé par 1 réalisation"),
        ("eu", "Frogak: 3 egitasmo eta 2 baliabide", "Frogak: egitasmo 1"),
        ("es", "Avalado por 3 realizaciones y 2 recursos", "Avalado por 1 realización"),
    ],
)
def test_cards_say_what_proves_the_actor(client, people, lang, both, one):
    actor = people["actor"]
    for title in ("Un", "Deux", "Trois"):
        make_realisation(actor, title=title)
    make_realisation(actor, title="Brouillon", status=Status.DRAFT)
    make_ressource(actor, title="Guide un")
    make_ressource(actor, title="Guide deux")
    other = ActorFactory(name="Autre atelier")
    make_realisation(other, title="Seul")
    page = client.get(f"/{lang}/").content.decode()
    card = page[page.index(f'id="actor-{actor.pk}"') :]
    card = card[: card.index("</li>")]
    assert f'href="{actor.get_absolute_url()}#expertise">{both}</a>' in card
    other_card = page[page.index(f'id="actor-{other.pk}"') :]
    assert f">{one}</a>" in other_card[: other_card.index("</li>")]


def test_the_counts_take_no_query_per_card(client, people):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/fr/").status_code == 200
        return len(captured)

    for n in range(5):
        ActorFactory(name=f"Atelier {n}")
    before = queries()
    for actor in ActorFactory._meta.model.objects.all():
        make_realisation(actor, title=f"Projet {actor.pk}")
        make_ressource(actor, title=f"Guide {actor.pk}")
    assert queries() == before
