"""Summaries and descriptions in French, Basque and Spanish: each visitor reads their
language, or another one marked with its own `lang`; search finds words of all three."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from actors.filters import ActorFilterSet
from actors.models import Actor
from actors.texts import localized
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db

FRENCH_ONLY = "Réparation d'ordinateurs et de téléphones."
BASQUE = "Ordenagailuen eta telefonoen konponketa."


def get(client, name, lang, **kwargs):
    """A page in `lang`: its URL as the language prefixes it, and the browser asking for it."""
    with translation.override(lang):
        url = reverse(name, kwargs=kwargs)
    return client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()


def lead(html):
    return re.search(r'<p class="lead"[^>]*>', html).group(0)


@pytest.fixture
def french_only():
    return ActorFactory(name="Atelier Ordi", summary=FRENCH_ONLY)


@pytest.fixture
def translated():
    return ActorFactory(
        name="Konpon Gunea",
        summary="Réparation d'ordinateurs.",
        summary_eu=BASQUE,
        description="Un atelier **ouvert** le samedi.",
        description_eu="Larunbatetan **irekita** dagoen tailerra.",
    )


def test_texts_fall_back_in_order_and_say_their_language():
    actor = Actor(summary="", summary_eu="", summary_es="Reparación.")
    assert localized(actor, "summary", "eu") == ("Reparación.", "es", "eu")
    assert localized(actor, "summary", "eu").foreign
    actor.summary = "Réparation."
    assert localized(actor, "summary", "eu") == ("Réparation.", "fr", "eu")
    assert localized(actor, "summary", "es") == ("Reparación.", "es", "es")
    assert not localized(actor, "summary", "es").foreign
    # A language texts are not written in (English) reads French first.
    assert localized(actor, "summary", "en").lang == "fr"
    # Records (dicts) too: the national exports read them.
    assert localized({"summary": "", "summary_eu": BASQUE}, "summary", "fr").lang == "eu"


def test_a_french_only_summary_on_the_basque_page_carries_lang_fr(client, french_only):
    html = get(client, "actors:detail", "eu", slug=french_only.slug)
    assert lead(html) == '<p class="lead" lang="fr">'
    assert FRENCH_ONLY.replace("'", "&#x27;") in html


def test_a_french_only_summary_on_the_basque_card_carries_lang_fr(client, french_only):
    html = get(client, "actors:home", "eu")
    card = html[html.index(f'id="actor-{french_only.pk}"') :]
    assert re.search(r'<p lang="fr">Réparation d&#x27;ordinateurs', card)


def test_a_basque_summary_on_the_basque_page_needs_no_lang(client, translated):
    html = get(client, "actors:detail", "eu", slug=translated.slug)
    assert lead(html) == '<p class="lead">'
    assert BASQUE in html
    assert "<strong>irekita</strong>" in html and '<div class="description">' in html
    assert f'<meta property="og:description" content="{BASQUE}">' in html
    blob = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    assert json.loads(blob.group(1))["description"] == BASQUE
    card = get(client, "actors:home", "eu")
    assert f"<p>{BASQUE}</p>" in card


def test_the_french_page_keeps_french_and_the_spanish_page_falls_back_to_it(client, translated):
    french = get(client, "actors:detail", "fr", slug=translated.slug)
    assert lead(french) == '<p class="lead">' and "Réparation d&#x27;ordinateurs." in french
    assert "<strong>ouvert</strong>" in french and BASQUE not in french
    spanish = get(client, "actors:detail", "es", slug=translated.slug)
    assert lead(spanish) == '<p class="lead" lang="fr">'
    assert '<div class="description" lang="fr">' in spanish


def test_a_basque_only_actor_on_the_french_page_is_marked_basque(client):
    actor = ActorFactory(summary="", summary_eu=BASQUE, description_eu="Tailerra.")
    html = get(client, "actors:detail", "fr", slug=actor.slug)
    assert lead(html) == '<p class="lead" lang="eu">'
    assert '<div class="description" lang="eu">' in html


def test_the_embed_shows_the_fallback_with_its_lang(client, french_only):
    with translation.override("eu"):
        url = reverse("opendata_pages:embed")
    html = client.get(url, HTTP_ACCEPT_LANGUAGE="eu").content.decode()
    assert '<p lang="fr">Réparation d&#x27;ordinateurs' in html


def test_markup_in_a_basque_description_is_escaped(client):
    actor = ActorFactory(
        summary="",
        summary_eu="<script>alert(1)</script> Laburpena",
        description_eu="<script>alert(2)</script> Deskribapena <img src=x onerror=alert(3)>",
    )
    html = get(client, "actors:detail", "eu", slug=actor.slug)
    assert "<script>alert" not in html and "onerror" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Laburpena" in html
    assert "Deskribapena" in html


def test_an_actor_needs_a_summary_in_some_language():
    with pytest.raises(ValidationError, match="au moins une langue"):
        Actor(summary="", summary_eu="", summary_es="").validate_constraints(exclude={"location"})
    actor = ActorFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Actor.objects.filter(pk=actor.pk).update(summary="")
    Actor.objects.filter(pk=actor.pk).update(summary="", summary_es="Resumen.")


def search(q):
    return set(
        ActorFilterSet({"q": q}, queryset=Actor.objects.all()).qs.values_list("name", flat=True)
    )


@pytest.fixture
def trilingual():
    return [
        ActorFactory(
            name="Sare Berdea",
            summary="Sensibilisation au numérique responsable.",
            description_eu="Gure elkarteak ordenagailu zaharrak **berrerabiltzen** ditu.",
        ),
        ActorFactory(
            name="Red Solidaria",
            summary="Accompagnement des associations.",
            summary_es="Acompañamiento de asociaciones.",
            description_es="Organizamos talleres de programación para jóvenes.",
            themes=["inclusion-mediation"],
        ),
        # Themes that none of the words stands for (actors.lexicon would widen to them).
        ActorFactory(name="Autre Atelier", summary="Rien à voir.", themes=["low-tech"]),
    ]


def test_search_finds_an_actor_by_its_basque_description(trilingual):
    assert search("berrerabiltzen") == {"Sare Berdea"}
    assert search("ORDENAGAILU zaharrak") == {"Sare Berdea"}


def test_search_stems_spanish_and_ignores_accents(trilingual):
    assert search("taller") == {"Red Solidaria"}  # "talleres", Spanish stemming
    assert search("programacion") == {"Red Solidaria"}  # written "programación"
    assert search("JOVEN") == {"Red Solidaria"}
    assert search("acompanamiento") == {"Red Solidaria"}


def test_search_still_finds_french_and_basque_taxonomy_names(trilingual):
    assert search("sensibilisations") >= {"Sare Berdea"}
    assert search("konponketa") >= {"Sare Berdea"}  # the repair theme's Basque name


def test_the_directory_page_searches_the_basque_description(client, trilingual):
    with translation.override("eu"):
        url = reverse("actors:home")
    html = client.get(url, {"q": "berrerabiltzen"}, HTTP_ACCEPT_LANGUAGE="eu").content.decode()
    assert "Sare Berdea" in html and "Red Solidaria" not in html


@pytest.mark.parametrize(
    "q", ["berrerabiltzen Baiona", "berrerabiltzen Bayonne", "talleres Baiona", "talleres Bayona"]
)
def test_a_word_of_one_language_goes_with_either_name_of_the_commune(trilingual, q):
    found = search(q)
    assert found and found <= {"Sare Berdea", "Red Solidaria"}
