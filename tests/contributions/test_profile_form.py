"""The profile form people can fill: sections with how far each is filled in, opening hours
day by day, a preview of the descriptions that saves nothing, help for SIRET and RNA."""

import re

import pytest

from actors.models import Actor
from contributions.models import ChangeRequest
from tests.contributions.helpers import fingerprint, form_data
from tests.contributions.test_images import image_bytes, upload

pytestmark = pytest.mark.django_db

SECTIONS = ["identity", "offer", "place", "contact", "texts"]


def url(actor):
    return f"/fr/acteurs/{actor.slug}/modifier/"


def states(html):
    """{section id: state} as the progress summary at the top of the form says it."""
    found = re.findall(
        r'<a href="#section-(\w+)">[^<]*</a> : <span class="state state-(\w+)">', html
    )
    return dict(found)


def test_the_form_is_in_sections_summarised_at_the_top(client, draft, people):
    draft.themes.clear()
    Actor.objects.filter(pk=draft.pk).update(website="", email="", phone="")
    client.force_login(people["owner"])
    html = client.get(url(draft)).content.decode()
    for section in SECTIONS:
        assert f'<section class="form-section" id="section-{section}"' in html
    assert states(html) == {
        "identity": "complete", "offer": "todo", "place": "complete", "contact": "todo",
        "texts": "complete",
    }  # fmt: skip
    assert "à compléter" in html and "complet<" in html
    # Every field is in a section, in one form.
    assert html.count('<form method="post" action="/fr/acteurs/') == 1
    assert (
        html.index('id="section-identity"')
        < html.index('name="name"')
        < html.index('id="section-offer"')
    )
    assert html.index('id="section-place"') < html.index('name="opening_hours_mo_1_start"')


def test_a_refused_field_marks_its_section_in_error(client, draft, people):
    client.force_login(people["owner"])
    response = client.post(url(draft), form_data(draft, website="pas une adresse", themes=[]))
    assert response.status_code == 400
    found = states(response.content.decode())
    assert (found["contact"], found["offer"], found["identity"]) == ("error", "error", "complete")


def test_opening_hours_typed_day_by_day_are_stored_as_osm(client, draft, people):
    client.force_login(people["owner"])
    days = {f"opening_hours_{d}_1_start": "09:00" for d in ("mo", "tu", "we", "th", "fr")}
    days |= {f"opening_hours_{d}_1_end": "12:00" for d in ("mo", "tu", "we", "th", "fr")}
    days |= {"opening_hours_sa_1_start": "10:00", "opening_hours_sa_1_end": "12:00"}
    data = form_data(draft, **days, opening_hours_raw="")
    del data["opening_hours"]
    assert client.post(url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert draft.opening_hours == "Mo-Fr 09:00-12:00; Sa 10:00-12:00"
    # Shown back day by day, the advanced input empty.
    html = client.get(url(draft)).content.decode()
    assert re.search(r'name="opening_hours_fr_1_end" value="12:00"', html)
    assert re.search(r'name="opening_hours_raw"(?! value)', html)


def test_a_wrong_range_names_the_day_and_keeps_what_was_typed(client, draft, people):
    client.force_login(people["owner"])
    before = fingerprint()
    data = form_data(draft, opening_hours_tu_1_start="18:00", opening_hours_tu_1_end="09:00")
    del data["opening_hours"]
    response = client.post(url(draft), data)
    assert response.status_code == 400 and fingerprint() == before
    html = response.content.decode()
    assert (
        "Mardi : l&#x27;heure de fermeture doit venir après l&#x27;heure d&#x27;ouverture" in html
    )
    assert 'name="opening_hours_tu_1_start" value="18:00"' in html
    assert states(html)["place"] == "error"


def test_stored_hours_the_days_cannot_show_stay_raw_with_the_reason(client, draft, people):
    Actor.objects.filter(pk=draft.pk).update(opening_hours="Mo-Fr 09:00-12:00; PH off")
    client.force_login(people["owner"])
    html = client.get(url(draft)).content.decode()
    assert 'name="opening_hours_raw" value="Mo-Fr 09:00-12:00; PH off"' in html
    assert "jours fériés" in html and "ne peuvent pas être saisis jour par jour" in html


PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.mark.parametrize("which", ["draft", "actor"])
def test_preview_renders_descriptions_saves_nothing_keeps_everything(
    client, people, which, request
):
    actor = request.getfixturevalue(which)
    client.force_login(people["owner"])
    before = fingerprint()
    response = client.post(
        url(actor),
        form_data(
            actor,
            action="preview",
            phone="05 59 00 00 07",
            description="Un **atelier**.\n\n- réparer\n- apprendre\n\n" + PAYLOAD,
            description_eu="[Gunea](https://gunea.example.org)",
            logo_file=upload(image_bytes("PNG")),
        ),
    )
    assert response.status_code == 200
    assert fingerprint() == before and not ChangeRequest.objects.exists()
    assert not Actor.objects.get(pk=actor.pk).logo
    html = response.content.decode()
    preview = html[html.index('id="apercu"') : html.index("</section>", html.index('id="apercu"'))]
    assert "<strong>atelier</strong>" in preview and "<li>réparer</li>" in preview
    assert 'lang="eu"' in preview and 'href="https://gunea.example.org"' in preview
    # The payload is neither run in the preview nor anywhere else on the page.
    assert "<script>alert" not in html and "onerror" not in preview and "<img" not in preview
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html  # kept in its textarea
    assert 'value="05 59 00 00 07"' in html
    # The logo chosen waits for the next save.
    token = re.search(r'name="logo_file_pending" value="([^"]+)"', html)
    assert token and "Fichier gardé : logo.png" in html


def test_the_preview_is_for_members_only(client, draft, people):
    before = fingerprint()
    client.force_login(people["other"])
    response = client.post(url(draft), form_data(draft, action="preview", description="**x**"))
    assert response.status_code == 403 and fingerprint() == before
    client.logout()
    response = client.post(url(draft), form_data(draft, action="preview", description="**x**"))
    assert response.status_code == 302 and fingerprint() == before


def test_help_in_plain_words(client, draft, people):
    client.force_login(people["owner"])
    html = client.get(url(draft)).content.decode()
    assert "Markdown" not in html
    assert "Pour faire une liste, commencez chaque ligne par un tiret" in html
    assert "Où trouver mon SIRET ?" in html
    assert 'href="https://annuaire-entreprises.data.gouv.fr/"' in html
    assert "Où trouver mon numéro RNA ?" in html and "Journal officiel des associations" in html
    assert ">Prévisualiser</button>" in html


def test_the_add_form_has_the_same_sections_with_only_its_fields(client, people):
    client.force_login(people["other"])
    html = client.get("/fr/organisations/ajouter/").content.decode()
    assert set(states(html)) == {"identity", "offer", "place", "contact", "texts"}
    assert "opening_hours" not in html and "Prévisualiser" not in html
    assert "Où trouver mon SIRET ?" in html


def test_a_description_too_long_comes_back_whole_with_its_limit(client, draft, people):
    client.force_login(people["owner"])
    long = "Réparations." * 800 + "Ajouté." * 114 + "Fin."  # 10,402 characters
    response = client.post(url(draft), form_data(draft, description=long))
    assert response.status_code == 400
    html = response.content.decode()
    assert "au plus 10000 caractères (actuellement 10402)" in html
    # The whole text is in the box again, and the box never cuts what is pasted into it.
    assert long in html
    assert "maxlength" not in re.search(r'<textarea name="description".*?>', html).group(0)
    draft.refresh_from_db()
    assert draft.description != long
    just_right = long[:10_000]
    assert client.post(url(draft), form_data(draft, description=just_right)).status_code == 302
    draft.refresh_from_db()
    assert draft.description == just_right
