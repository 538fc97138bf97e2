"""What the moderator sees and where it leads: logos (queue, review of a change and of a new
organisation), a new organisation's place on the small map, ages in words, and after a
decision the links to the public page and to the next item; the logos on the public pages."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from contributions import profile
from contributions.models import Membership, Role, Suggestion
from moderation import workflow
from moderation.templatetags.moderation import age
from tests.factories import ActorFactory
from tests.moderation.conftest import give_logo, logo_file, propose

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def moderator_client(client, people):
    client.force_login(people["moderator"])
    return client


def img_tags(page, src):
    return [tag for tag in re.findall(r"<img [^>]*>", page) if f'src="{src}"' in tag]


# Ages


def at(day, hour):
    return datetime(2026, 3, day, hour, 0, tzinfo=PARIS)


@pytest.mark.parametrize(
    ("created", "language", "expected"),
    [
        (at(10, 0), "fr", "aujourd'hui"),
        (at(9, 23), "fr", "hier"),  # not 24 hours old, but yesterday
        (at(8, 12), "fr", "il y a 2 jours"),
        (at(1, 12), "fr", "il y a 9 jours"),
        (at(10, 0), "eu", "gaur"),
        (at(9, 23), "eu", "atzo"),
        (at(8, 12), "eu", "duela 2 egun"),
        (at(10, 0), "es", "hoy"),
        (at(9, 23), "es", "ayer"),
        (at(8, 12), "es", "hace 2 días"),
        (at(1, 12), "es", "hace 9 días"),
    ],
)
def test_ages_are_said_in_words(monkeypatch, created, language, expected):
    monkeypatch.setattr(timezone, "now", lambda: at(10, 9))
    with translation.override(language):
        assert age(created) == expected


def test_the_age_plural_follows_the_language(monkeypatch):
    """ngettext's forms, not a suffix: one of the plural forms is chosen by the number."""
    monkeypatch.setattr(timezone, "now", lambda: at(10, 9))
    with translation.override("fr"):
        assert age(at(8, 12)) == "il y a 2 jours" and age(at(7, 12)) == "il y a 3 jours"
    with translation.override("es"):
        assert age(at(7, 12)) == "hace 3 días"


def test_an_age_of_nothing_says_nothing():
    assert Template("{% load moderation %}[{{ when|age }}]").render(Context({})) == "[]"


def test_the_queue_never_says_zero_days(moderator_client, change):
    page = moderator_client.get("/fr/moderation/").content.decode()
    assert "aujourd&#x27;hui" in page or "aujourd'hui" in page
    assert "il y a 0" not in page


def test_the_item_page_and_dashboard_say_the_age(moderator_client, change):
    type(change).objects.filter(pk=change.pk).update(created_at=timezone.now() - timedelta(days=3))
    page = moderator_client.get(f"/fr/moderation/demandes/{change.pk}/").content.decode()
    assert "il y a 3 jours" in page
    page = moderator_client.get("/fr/moderation/tableau-de-bord/").content.decode()
    assert "il y a 3 jours" in page


# Logos


def test_the_queue_shows_a_small_lazy_thumbnail(moderator_client, actor, people):
    logo = give_logo(actor)
    propose(actor, people["editor"], phone="05 59 11 11 11")
    page = moderator_client.get("/fr/moderation/").content.decode()
    [tag] = img_tags(page, logo.url)
    assert 'width="40"' in tag and 'height="40"' in tag and 'loading="lazy"' in tag
    assert 'alt=""' in tag  # the name is next to it


def test_the_queue_shows_the_proposed_logo_of_a_change(moderator_client, actor, people):
    give_logo(actor)
    values = {**profile.snapshot(actor), "phone": "05 59 11 11 11"}
    cr = workflow.propose_change(actor, people["editor"], values, actor.updated_at,
                                 logo=logo_file("red"))  # fmt: skip
    page = moderator_client.get("/fr/moderation/").content.decode()
    assert len(img_tags(page, cr.proposed_logo.url)) == 1
    assert img_tags(page, actor.logo.url) == []


def test_a_change_of_logo_shows_both_logos(moderator_client, actor, people):
    before = give_logo(actor)
    values = {**profile.snapshot(actor)}
    cr = workflow.propose_change(actor, people["editor"], values, actor.updated_at,
                                 logo=logo_file("red"))  # fmt: skip
    page = moderator_client.get(f"/fr/moderation/demandes/{cr.pk}/").content.decode()
    [old] = img_tags(page, before.url)
    [new] = img_tags(page, cr.proposed_logo.url)
    assert 'alt="Logo actuel"' in old and 'alt="Logo proposé"' in new
    assert 'width="128"' in new and 'height="128"' in new
    assert 'name="fields" value="logo"' in page


def test_a_new_organisation_shows_its_logo_map_and_every_field(moderator_client, people):
    draft = ActorFactory(name="Brouillon Hasparren", draft=True)
    Membership.objects.create(user=people["owner"], actor=draft, role=Role.OWNER)
    logo = give_logo(draft)
    cr = workflow.submit_for_review(draft, people["owner"])
    page = moderator_client.get(f"/fr/moderation/demandes/{cr.pk}/").content.decode()
    [tag] = img_tags(page, logo.url)
    assert 'alt="Logo proposé"' in tag
    # The place on the same small map as a move, with its commune, not only coordinates.
    assert page.count('role="img"') == 1 and "<svg" in page and "<path" in page
    assert f"Position proposée : {draft.commune.name}" in page
    assert "La position se déplace" not in page
    # Every public field it will publish, with no empty "before" column.
    for name in ("name", "summary", "commune", "location"):
        assert f'value="{name}"' not in page  # nothing to pick: it is published whole
        assert profile.label(name).capitalize() in page
    assert "Version de départ" not in page


def test_a_new_organisation_without_logo_says_so(moderator_client, new_org):
    page = moderator_client.get(f"/fr/moderation/demandes/{new_org.pk}/").content.decode()
    assert "Pas de logo" in page


def test_the_public_pages_show_the_logo(client, actor):
    logo = give_logo(actor)
    page = client.get(actor.get_absolute_url()).content.decode()
    [tag] = img_tags(page, logo.url)
    assert 'width="96"' in tag and 'alt=""' in tag and "lazy" not in tag
    for url in ("/fr/", f"/fr/?q={actor.name}", "/fr/embed/"):
        page = client.get(url).content.decode()
        [tag] = img_tags(page, logo.url)
        assert 'loading="lazy"' in tag and 'alt=""' in tag and 'height="' in tag, url


def test_an_actor_without_logo_has_no_image(client, actor):
    page = client.get(actor.get_absolute_url()).content.decode()
    assert 'class="logo' not in page


# After a decision


def test_publishing_ends_with_the_public_page_and_the_next_item(moderator_client, new_org, actor):
    older = Suggestion.objects.create(actor=actor, text="Un numéro a changé.", proposed={})
    Suggestion.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(days=2))
    newer = Suggestion.objects.create(actor=actor, text="Autre chose.", proposed={})
    response = moderator_client.post(
        f"/fr/moderation/demandes/{new_org.pk}/decider/", {"action": "approve"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/fr/moderation/demandes/{new_org.pk}/"
    page = moderator_client.get(response["Location"]).content.decode()
    assert "Décision enregistrée" in page
    new_org.actor.refresh_from_db()
    assert f'href="{new_org.actor.get_absolute_url()}"' in page
    assert f'href="/fr/moderation/suggestions/{older.pk}/"' in page  # the oldest waiting
    assert f'href="/fr/moderation/suggestions/{newer.pk}/"' not in page


def test_a_refused_request_links_to_no_public_page(moderator_client, new_org):
    response = moderator_client.post(
        f"/fr/moderation/demandes/{new_org.pk}/decider/",
        {"action": "reject", "reason": "Hors du Pays Basque."},
    )
    page = moderator_client.get(response["Location"]).content.decode()
    new_org.actor.refresh_from_db()
    assert not new_org.actor.is_public
    assert "Voir la page publique" not in page
    assert "La file est vide" in page


def test_a_pending_item_shows_no_next_item(moderator_client, change, new_org):
    page = moderator_client.get(f"/fr/moderation/demandes/{change.pk}/").content.decode()
    assert "Décision prise" not in page
    assert f"/fr/moderation/demandes/{new_org.pk}/" not in page
