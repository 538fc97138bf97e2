import pytest
from django.utils import timezone

from actors.models import Theme
from alerts.news import news
from moderation.contract import Status
from tests.alerts.conftest import backdate, subscription
from tests.events.conftest import make_event
from tests.expertise.conftest import make_realisation, make_ressource
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db


def found(sub):
    return {
        model.__name__: [str(item) for item in items]
        for model, items, _more in news(sub, timezone.now())
    }


def test_a_saved_search_lists_what_was_published_since_the_last_mail_and_matches(member, people):
    backdate(people["actor"], 10)
    ActorFactory(name="Nouvel atelier")
    ActorFactory(name="Brouillon", draft=True)
    ActorFactory(name="Ailleurs", themes=["accessibilite"])
    sub = subscription(member, query="theme=reemploi-reparation")
    assert found(sub) == {"Actor": ["Nouvel atelier"]}


def test_the_publication_counts_not_the_creation(member, people):
    """An item written long ago and published since is new: its history says when."""
    from moderation import workflow

    draft = make_ressource(people["actor"], status=Status.PENDING, title="Guide publié")
    backdate(draft, 30)
    workflow.publish(draft, people["moderator"])
    sub = subscription(member, search_kind="ressources")
    assert found(sub) == {"Ressource": ["Guide publié"]}


def test_the_agenda_and_ressources_searches(member, people):
    actor = people["actor"]
    make_event(actor, title="Repair café", price="free")
    make_event(actor, title="Formation payante", price="paid")
    make_ressource(actor, title="Guide du réemploi")
    assert found(subscription(member, search_kind="events", query="price=free")) == {
        "Event": ["Repair café"]
    }
    assert found(subscription(member, search_kind="ressources", query="q=réemploi")) == {
        "Ressource": ["Guide du réemploi"]
    }


def test_following_an_actor_lists_its_new_realisations_ressources_and_events(member, people):
    actor = people["actor"]
    other = ActorFactory(name="Autre")
    make_realisation(actor, title="Atelier mené")
    make_ressource(actor, title="Guide partagé")
    make_event(other, title="Co-organisé").organisers.add(actor)
    make_event(other, title="Pas le sien")
    make_ressource(actor, title="Brouillon", status=Status.DRAFT)
    old = make_realisation(actor, title="Ancien")
    backdate(old, 20)
    assert found(subscription(member, actor=actor)) == {
        "Realisation": ["Atelier mené"],
        "Ressource": ["Guide partagé"],
        "Event": ["Co-organisé"],
    }


def test_following_a_theme_lists_its_new_actors_and_contents(member, people):
    theme = Theme.objects.get(slug="low-tech")
    actor = ActorFactory(name="Dans le thème", themes=["low-tech"])
    ActorFactory(name="Hors thème", themes=["accessibilite"])
    items = [
        make_realisation(actor, title="Réalisation du thème"),
        make_ressource(actor, title="Ressource du thème"),
        make_event(actor, title="Date du thème"),
    ]
    make_ressource(actor, title="Ressource d'un autre thème")
    for item in items:
        item.themes.set([theme])
    assert found(subscription(member, theme=theme)) == {
        "Actor": ["Dans le thème"],
        "Realisation": ["Réalisation du thème"],
        "Ressource": ["Ressource du thème"],
        "Event": ["Date du thème"],
    }
