"""The public ways in to adding an organisation: the header, the directory (with and without
results), the actor page and its claim page. Visitors are sent to sign up (or log in) with
`next` bringing them back to the form, told why in one sentence; members go to the form."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from tests.contributions.conftest import PASSWORD

pytestmark = pytest.mark.django_db

ADD = "/fr/organisations/ajouter/"
WHY = "Créez un compte pour ajouter votre organisation : elle sera publiée après vérification"
LINK = re.compile(r'<a\b[^>]*\bhref="([^"]*)"[^>]*>([^<]*)</a>')


def links(page, text):
    """The targets of the links whose text holds `text`."""
    return [html.unescape(href) for href, label in LINK.findall(page) if text in label]


def pages(actor):
    return {
        "directory": "/fr/",
        "no result": "/fr/?q=zzqxwv",
        "actor page": actor.get_absolute_url(),
    }


def test_visitors_are_sent_to_sign_up_then_back_to_the_form(client, actor):
    for where, path in pages(actor).items():
        page = client.get(path).content.decode()
        targets = links(page, "Ajouter mon organisation")
        # The header's link and the page's own.
        assert len(targets) >= 2, where
        for target in targets:
            url = urlsplit(target)
            assert url.path == reverse("account_signup"), (where, target)
            assert parse_qs(url.query) == {"next": [ADD]}, (where, target)
    for where in ("directory", "no result"):
        page = client.get(pages(actor)[where]).content.decode()
        assert WHY in page, where
        (login,) = links(page, "me connecter")
        assert urlsplit(login).path == reverse("account_login")
        assert parse_qs(urlsplit(login).query) == {"next": [ADD]}


def test_the_no_result_page_offers_to_add_an_organisation(client, actor):
    page = html.unescape(client.get("/fr/?q=zzqxwv").content.decode())
    assert "Aucun acteur ne correspond" in page
    assert "Votre organisation n'est pas dans l'annuaire ?" in page


def test_members_go_straight_to_the_form(client, actor, people):
    client.force_login(people["other"])
    for where, path in {**pages(actor), "claim": f"/fr/acteurs/{actor.slug}/revendiquer/"}.items():
        page = client.get(path).content.decode()
        targets = links(page, "Ajouter mon organisation")
        assert len(targets) >= 2, where
        assert set(targets) == {ADD}, where
        assert WHY not in page, where
    assert client.get(ADD).status_code == 200


def test_the_claim_path_offers_both(client, actor):
    page = client.get(actor.get_absolute_url()).content.decode()
    assert links(page, "revendiquer cette fiche") == [f"/fr/acteurs/{actor.slug}/revendiquer/"]
    assert any("Ajouter mon organisation" in label for _href, label in LINK.findall(page))


@pytest.mark.parametrize("who", ["editor", "owner", "other"])
def test_members_edit_their_page_and_others_claim_it(client, actor, people, who):
    """A member is not offered to claim the page (the claim would be refused): they edit it."""
    client.force_login(people[who])
    page = client.get(actor.get_absolute_url()).content.decode()
    edit, claim = links(page, "Modifier la fiche"), links(page, "revendiquer cette fiche")
    manage = links(page, "Gérer les")  # the réalisations' and events' parts of the page
    if who == "other":
        assert (edit, claim) == ([], [f"/fr/acteurs/{actor.slug}/revendiquer/"])
        assert manage == []
    else:
        assert (edit, claim) == ([f"/fr/acteurs/{actor.slug}/modifier/"], [])
        assert links(page, "Membres de la fiche") == [f"/fr/acteurs/{actor.slug}/membres/"]
        assert manage == [
            f"/fr/acteurs/{actor.slug}/expertise/",
            f"/fr/acteurs/{actor.slug}/agenda/",
        ]


@pytest.mark.parametrize("name", ["account_signup", "account_login"])
def test_the_account_pages_say_why_when_coming_to_add(client, name):
    assert WHY in client.get(f"{reverse(name)}?next={ADD}").content.decode()
    assert WHY not in client.get(reverse(name)).content.decode()
    assert WHY not in client.get(f"{reverse(name)}?next=/fr/mon-espace/").content.decode()


def test_logging_in_from_the_entry_lands_on_the_form(client, people):
    response = client.post(
        f"{reverse('account_login')}?next={ADD}",
        {"login": "autre@example.org", "password": PASSWORD, "next": ADD},
    )
    assert response.status_code == 302
    assert response["Location"] == ADD


def test_the_entry_is_in_the_page_language(client, actor):
    page = client.get("/eu/?q=zzqxwv").content.decode()
    targets = links(page, "Gehitu nire erakundea")
    assert targets
    assert all(parse_qs(urlsplit(t).query) == {"next": ["/eu/organisations/ajouter/"]}
               for t in targets)  # fmt: skip
