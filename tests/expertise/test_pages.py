"""The public pages in French, Basque and Spanish: lists with facets, search and pages;
each item's page with its JSON-LD, OpenGraph and languages marked; the actor page's section."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

from actors.models import Commune
from expertise.models import Partner, PartnerAnswer
from moderation.contract import Status
from tests.factories import ActorFactory

from .conftest import make_realisation, make_ressource

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "eu", "es"]


def url(name, lang, **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


def json_ld(response):
    found = re.search(
        r'<script type="application/ld\+json"[^>]*>(.*?)</script>', response.text, re.S
    )
    return json.loads(found.group(1))


@pytest.fixture
def content(people):
    actor = people["actor"]
    bayonne = Commune.objects.get(insee="64102")
    realisation = make_realisation(
        actor, title="Atelier vélo", title_eu="Bizikleta tailerra", summary="Réparer ensemble",
        licence="cc-by-sa-4.0", progress="completed",
    )  # fmt: skip
    realisation.communes.set([bayonne])
    funder = ActorFactory(name="Fonds local")
    # Confirmed by the funder: pending links stay off its page (tests/expertise/test_partners.py).
    Partner.objects.create(
        realisation=realisation, actor=funder, role="financeur", answer=PartnerAnswer.CONFIRMED
    )
    Partner.objects.create(realisation=realisation, name="Mairie d'Ustaritz", role="partenaire")
    ressource = make_ressource(actor, title="Guide du réemploi", realisation=realisation)
    ressource.authors.set([actor, funder])
    make_realisation(actor, status=Status.DRAFT, title="Brouillon caché")
    return {"realisation": realisation, "ressource": ressource, "funder": funder}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lists_and_pages_in_each_language(client, content, lang):
    for name in ("expertise:realisations", "expertise:ressources"):
        response = client.get(url(name, lang))
        assert response.status_code == 200
        assert f'<html lang="{lang}">' in response.text
        assert "Brouillon caché" not in response.text
    realisation = client.get(url("expertise:realisation", lang, slug=content["realisation"].slug))
    assert realisation.status_code == 200
    if lang == "eu":
        assert "<h1>Bizikleta tailerra</h1>" in realisation.text
    else:  # no text in that language: the French one, marked
        assert '<h1 lang="fr">Atelier vélo</h1>' in realisation.text or lang == "fr"
    ressource = client.get(url("expertise:ressource", lang, slug=content["ressource"].slug))
    assert ressource.status_code == 200
    assert ('lang="fr">Guide du réemploi' in ressource.text) == (lang != "fr")


def test_unpublished_items_have_no_page(client, people):
    draft = make_realisation(people["actor"], status=Status.DRAFT)
    pending = make_ressource(people["actor"], status=Status.PENDING)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(pending.get_absolute_url()).status_code == 404


def test_structured_data_and_opengraph(client, content):
    response = client.get(content["realisation"].get_absolute_url())
    data = json_ld(response)
    assert data["@type"] == "Project" and data["name"] == "Atelier vélo"
    assert data["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert data["author"]["name"] == "Atelier Xiberoa"
    assert [f["name"] for f in data["funder"]] == ["Fonds local"]
    assert [m["name"] for m in data["member"]] == ["Mairie d'Ustaritz"]
    assert '<meta property="og:title" content="Atelier vélo">' in response.text
    data = json_ld(client.get(content["ressource"].get_absolute_url()))
    assert data["@type"] == "CreativeWork"
    assert sorted(a["name"] for a in data["author"]) == ["Atelier Xiberoa", "Fonds local"]
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["inLanguage"] == "fr"


def test_facets_and_search_narrow_the_lists(client, content):
    realisations = reverse("expertise:realisations")

    def titles(path, query):
        return re.findall(r'<h3><a href="[^"]+"[^>]*>([^<]+)</a>', client.get(path, query).text)

    assert titles(realisations, {"commune": "64102"}) == ["Atelier vélo"]
    assert titles(realisations, {"commune": "64371"}) == []
    assert titles(realisations, {"progress": "in_progress"}) == []
    assert titles(realisations, {"licence": "cc-by-sa-4.0", "q": "bizikleta"}) == ["Atelier vélo"]
    assert titles(realisations, {"q": "réparer"}) == ["Atelier vélo"]
    ressources = reverse("expertise:ressources")
    assert titles(ressources, {"type": "guide", "language": "fr"}) == ["Guide du réemploi"]
    assert titles(ressources, {"type": "video"}) == []


@pytest.mark.parametrize(
    "query", [{"progress": "lost"}, {"commune": "99999"}, {"theme": "nope"}, {"page": "x"}]
)
def test_bad_filters_are_a_clear_400_or_ignored(client, content, query):
    response = client.get(reverse("expertise:realisations"), query)
    if "page" in query:
        assert response.status_code == 200  # an unreadable page number shows the first page
    else:
        assert response.status_code == 400
        assert 'class="error-summary"' in response.text


def test_the_actor_page_lists_what_it_carried_and_took_part_in(client, content, people):
    page = client.get(people["actor"].get_absolute_url()).text
    assert "Atelier vélo" in page and "Guide du réemploi" in page
    assert "Brouillon caché" not in page
    partner_page = client.get(content["funder"].get_absolute_url()).text
    assert "Atelier vélo</a> (partenaire)" in partner_page
    assert "Guide du réemploi</a> (co-auteur)" in partner_page
    client.force_login(people["editor"])
    manage = reverse("expertise:mine", kwargs={"slug": people["actor"].slug})
    assert manage in client.get(people["actor"].get_absolute_url()).text


def test_the_footer_links_to_both_lists(client, reference):
    page = client.get(reverse("actors:home")).text
    assert f'href="{reverse("expertise:realisations")}"' in page
    assert f'href="{reverse("expertise:ressources")}"' in page


def test_a_realisation_of_the_whole_territory_is_in_every_commune(client, people):
    make_realisation(people["actor"], title="Partout", whole_territory=True)
    page = client.get(reverse("expertise:realisations"), {"commune": "64371"}).text
    assert "Partout" in page and "1 résultat" in page


def test_a_member_without_realisations_or_ressources_is_told_so(client, people):
    client.force_login(people["editor"])
    page = client.get(f"/fr/acteurs/{people['actor'].slug}/expertise/").content.decode()
    assert "Aucune réalisation pour l'instant." in page
    assert "Aucune ressource pour l'instant." in page


@pytest.mark.parametrize(("path", "label"), [
    ("/fr/realisations/", "Indifférent"), ("/es/ressources/", "Indiferente"),
    ("/eu/realisations/", "Berdin dio"),
])  # fmt: skip
def test_the_lists_selects_name_their_empty_choice(client, path, label):
    page = client.get(path).content.decode()
    assert "---------" not in page and f'<option value="" selected>{label}</option>' in page


def test_the_form_of_an_item_sent_back_shows_the_moderators_note(client, people):
    """The e-mail telling its author links to the form: what to change is said there."""
    from moderation import workflow
    from moderation.models import Action

    draft = make_realisation(people["actor"], status=Status.DRAFT, title="Atelier vélo")
    request = workflow.submit_for_review(draft, people["editor"])
    workflow.decide_change_request(request, people["moderator"], Action.CHANGES, "Datez-la.")
    client.force_login(people["editor"])
    page = client.get(f"/fr/realisations/{draft.slug}/modifier/").content.decode()
    assert 'class="moderation-answer">Modifications demandées par l' in page
    assert "« Datez-la. »" in page
