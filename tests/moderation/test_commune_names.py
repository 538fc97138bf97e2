"""Commune lists and rows read in the page's language: Basque names on Basque pages, in the
order of those names, in the contribution forms and the moderation pages."""

import html
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from actors.models import Actor, Commune
from contributions import profile
from moderation import workflow
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db

SELECT = re.compile(r'<select name="commune"[^>]*>(.*?)</select>', re.S)
OPTION = re.compile(r"<option\b[^>]*>([^<]*)</option>")
ROW_HEADER = re.compile(r'<th scope="row">([^<]*)</th>')
COMMUNE_CELL = re.compile(r'<td data-label="[^"]*">([^<]*)</td>')

# In French, Hendaye comes before Saint-Jean-de-Luz; in Basque, Donibane Lohizune before Hendaia.
ORDER = {"fr": ("Hendaye", "Saint-Jean-de-Luz"), "eu": ("Donibane Lohizune", "Hendaia")}
BAYONNE = {"fr": "Bayonne", "eu": "Baiona"}


def commune_options(page):
    (select,) = SELECT.findall(page)
    return [html.unescape(text).strip() for text in OPTION.findall(select)]


def assert_lists_in(language, names):
    first, second = ORDER[language]
    assert names.index(first) < names.index(second), language
    assert BAYONNE[language] in names
    other = BAYONNE["eu" if language == "fr" else "fr"]
    assert other not in names, language


@pytest.fixture
def pending(actor, people):
    return workflow.propose_change(
        actor, people["editor"], {**profile.snapshot(actor), "phone": "05 59 00 00 00"},
        actor.updated_at,
    )  # fmt: skip


@pytest.mark.parametrize("language", ["fr", "eu"])
def test_the_profile_forms_list_communes_in_the_page_language(client, actor, people, language):
    client.force_login(people["owner"])
    for path in ("organisations/ajouter/", f"acteurs/{actor.slug}/modifier/"):
        page = client.get(f"/{language}/{path}").content.decode()
        assert_lists_in(language, commune_options(page))


@pytest.mark.parametrize("language", ["fr", "eu"])
def test_the_queue_filters_and_rows_name_communes_in_the_page_language(
    client, people, pending, language
):
    client.force_login(people["moderator"])
    page = client.get(f"/{language}/" + reverse("moderation:queue").removeprefix("/fr/"))
    page = page.content.decode()
    options = commune_options(page)
    assert_lists_in(language, options[1:])
    assert BAYONNE[language] in COMMUNE_CELL.findall(page)


@pytest.mark.parametrize("language", ["fr", "eu"])
def test_the_dashboard_names_communes_in_the_page_language(client, people, reference, language):
    client.force_login(people["moderator"])
    page = client.get(f"/{language}/" + reverse("moderation:dashboard").removeprefix("/fr/"))
    assert_lists_in(language, [html.unescape(t) for t in ROW_HEADER.findall(page.content.decode())])


@pytest.mark.parametrize("language", ["fr", "eu"])
def test_the_stale_list_names_communes_in_the_page_language(client, people, reference, language):
    old = ActorFactory(name="Ancienne")
    Actor.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=900))
    client.force_login(people["moderator"])
    page = client.get(f"/{language}/" + reverse("moderation:stale").removeprefix("/fr/"))
    assert BAYONNE[language] in COMMUNE_CELL.findall(page.content.decode())


def test_a_commune_without_basque_name_keeps_its_french_one_in_basque(client, people):
    unnamed = Commune.objects.filter(name_eu="").first()
    assert unnamed is not None
    client.force_login(people["owner"])
    page = client.get("/eu/organisations/ajouter/").content.decode()
    assert unnamed.name in commune_options(page)
