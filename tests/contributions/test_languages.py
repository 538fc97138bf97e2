"""Editors write the summary and description in French, Basque and Spanish: the form groups
each text's languages, change requests and their diffs cover every language."""

import re

import pytest
from django.urls import reverse

from actors.models import Actor, ActorKind, Commune, Theme
from contributions.models import ChangeRequest
from moderation import workflow as moderation
from moderation.models import Action
from tests.contributions.helpers import form_data
from tests.factories import BAYONNE
from tests.moderation.conftest import make_moderator

pytestmark = pytest.mark.django_db


def edit_url(actor):
    return reverse("contributions:edit", kwargs={"slug": actor.slug})


def tag(html, element, name):
    return re.search(rf'<{element}[^>]*name="{name}"[^>]*>', html).group(0)


def test_the_form_groups_each_text_by_language_with_lang_attributes(client, actor, people):
    client.force_login(people["editor"])
    html = client.get(edit_url(actor)).content.decode()
    # Required as a whole (one language at least), marked as every required field is.
    start = html.index('<legend>Résumé <span class="required">(obligatoire)</span></legend>')
    summary = html[start : html.index("</fieldset>", start)]
    assert "Résumé (français)" in summary and "Résumé (euskara)" in summary
    assert "Résumé (español)" in summary
    assert 'lang="eu"' in tag(summary, "input", "summary_eu")
    assert "<legend>Description</legend>" in html
    assert 'lang="es"' in tag(html, "textarea", "description_es")
    assert 'lang="fr"' in tag(html, "textarea", "description")


def test_a_basque_summary_goes_through_moderation(client, actor, people):
    client.force_login(people["editor"])
    response = client.post(
        edit_url(actor), form_data(actor, summary_eu="Ordenagailuen konponketa Baionan.")
    )
    assert response.status_code == 302
    actor.refresh_from_db()
    assert actor.summary_eu == ""
    cr = ChangeRequest.objects.get()
    assert cr.proposed["summary_eu"] == "Ordenagailuen konponketa Baionan."

    moderator = make_moderator("moderatrice@example.org")
    client.force_login(moderator)
    page = client.get(reverse("moderation:change-request", kwargs={"pk": cr.pk})).content.decode()
    start = page.index('<th scope="row">Résumé (euskara)</th>')
    row = page[start : page.index("</tr>", start)]
    # Before and after, each marked as Basque.
    assert re.search(
        r'<td [^>]*lang="eu">—</td>\s*'
        r'<td [^>]*lang="eu">Ordenagailuen konponketa Baionan.</td>',
        row,
    )
    assert 'name="fields" value="summary_eu"' in page

    moderation.decide_change_request(cr, moderator, Action.APPROVE)
    actor.refresh_from_db()
    assert actor.summary_eu == "Ordenagailuen konponketa Baionan."
    assert Actor.objects.filter(pk=actor.pk, search_vector="baionan").exists()


def test_the_request_page_labels_each_language(client, actor, people):
    client.force_login(people["editor"])
    client.post(edit_url(actor), form_data(actor, description_es="Taller de reparación."))
    cr = ChangeRequest.objects.get()
    url = reverse("contributions:request", kwargs={"slug": actor.slug, "pk": cr.pk})
    html = client.get(url).content.decode()
    assert "Description (español)" in html and "Taller de reparación." in html


def test_no_summary_in_any_language_is_a_clear_form_error(client, actor, people):
    client.force_login(people["editor"])
    response = client.post(
        edit_url(actor), form_data(actor, summary="", summary_eu="  ", summary_es="")
    )
    assert response.status_code == 400
    assert "Écrivez le résumé dans au moins une langue." in response.content.decode()
    assert not ChangeRequest.objects.exists()


def test_a_summary_in_basque_only_is_enough(client, actor, people):
    client.force_login(people["editor"])
    response = client.post(
        edit_url(actor), form_data(actor, summary="", summary_eu="Konponketa tailerra.")
    )
    assert response.status_code == 302
    assert ChangeRequest.objects.get().proposed["summary"] == ""


def test_adding_an_organisation_in_basque_only(client, people, reference, ban):
    client.force_login(people["other"])
    data = {
        "name": "Konpon Berria",
        "kind": ActorKind.objects.get(slug="association").pk,
        "summary": "",
        "summary_eu": "Ordenagailuak konpontzen ditugu.",
        "themes": [Theme.objects.get(slug="reemploi-reparation").pk],
        "street_address": "",
        "commune": Commune.objects.get(insee=BAYONNE).pk,
    }
    assert client.post(reverse("contributions:add"), data).status_code == 302
    actor = Actor.objects.get(name="Konpon Berria")
    assert (actor.summary, actor.summary_eu) == ("", "Ordenagailuak konpontzen ditugu.")
    response = client.post(reverse("contributions:add"), {**data, "summary_eu": ""})
    assert "Écrivez le résumé dans au moins une langue." in response.content.decode()


@pytest.mark.parametrize(("language", "separator"), [("fr", " : "), ("eu", ": "), ("es", ": ")])
def test_the_form_s_parts_and_their_state_follow_the_reader_s_typography(
    client, actor, people, language, separator
):
    """French puts a space before a colon; Basque and Spanish do not."""
    from django.utils import translation

    client.force_login(people["editor"])
    with translation.override(language):
        html = client.get(edit_url(actor)).content.decode()
    parts = re.findall(r'#section-[^"]+">[^<]+</a>(.*?)<span class="state', html)
    assert parts and set(parts) == {separator}, parts
