"""Every button of the profile form saves what was typed: "send to moderation" saves the
draft first; an invalid form sends nothing, keeps what was typed and shows GOV.UK's errors."""

import re

import pytest

from actors.models import Actor, ActorStatus
from contributions import pending_uploads
from contributions.models import ChangeRequest
from tests.contributions.helpers import fingerprint, form_data
from tests.contributions.test_images import image_bytes, upload

pytestmark = pytest.mark.django_db


def edit(client, actor, **changes):
    return client.post(f"/fr/acteurs/{actor.slug}/modifier/", form_data(actor, **changes))


def test_sending_saves_what_was_typed_then_submits(client, draft, people):
    client.force_login(people["editor"])
    response = edit(
        client,
        draft,
        action="submit",
        phone="05 59 00 00 01",
        summary="Tapé juste avant d'envoyer.",
        logo_file=upload(image_bytes("PNG")),
    )
    assert response.status_code == 302 and response["Location"] == "/fr/mon-espace/"
    draft.refresh_from_db()
    assert draft.status == ActorStatus.PENDING
    assert (draft.phone, draft.summary) == ("05 59 00 00 01", "Tapé juste avant d'envoyer.")
    assert draft.logo.name.endswith(".webp")
    request = ChangeRequest.objects.get(actor=draft, kind="new", status="pending")
    assert request.author == people["editor"]
    assert request.proposed["phone"] == "05 59 00 00 01"
    assert request.proposed["summary"] == "Tapé juste avant d'envoyer."


def test_saving_alone_keeps_the_draft_a_draft(client, draft, people):
    client.force_login(people["owner"])
    assert edit(client, draft, phone="05 59 00 00 02").status_code == 302
    draft.refresh_from_db()
    assert (draft.status, draft.phone) == (ActorStatus.DRAFT, "05 59 00 00 02")
    assert not ChangeRequest.objects.exists()


def test_an_invalid_form_sends_nothing_and_keeps_what_was_typed(client, draft, people):
    client.force_login(people["owner"])
    before = fingerprint()
    response = edit(
        client,
        draft,
        action="submit",
        name="Nom tapé",
        phone="05 59 00 00 03",
        website="pas une adresse",
        themes=[],
    )
    assert response.status_code == 400
    assert fingerprint() == before
    assert Actor.objects.get(pk=draft.pk).status == ActorStatus.DRAFT
    html = response.content.decode()
    assert 'value="Nom tapé"' in html and 'value="05 59 00 00 03"' in html
    assert 'value="pas une adresse"' in html
    # The form still posts to the edit page: pressing "save" next does not submit.
    assert f'action="/fr/acteurs/{draft.slug}/modifier/"' in html


def summary_links(html):
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S).group(0)
    return re.findall(r'<a href="#([^"]+)">', summary)


def test_errors_are_summarised_at_the_top_each_linking_to_its_field(client, draft, people):
    client.force_login(people["owner"])
    response = edit(client, draft, website="pas une adresse", themes=[])
    html = response.content.decode()
    assert html.index('class="error-summary"') < html.index('name="name"')
    assert 'id="errors"' in html and 'tabindex="-1"' in html
    links = summary_links(html)
    assert links == ["id_themes_0", "id_website"]
    for anchor in links:
        assert f'id="{anchor}"' in html
    website = re.search(r'<input[^>]*name="website"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in website
    assert 'aria-describedby="id_website_error"' in website
    assert 'id="id_website_error"' in html
    themes = re.search(r'<fieldset aria-describedby="([^"]*)">\s*<legend', html).group(1)
    assert "id_themes_error" in themes.split()


def test_required_fields_are_marked_and_explained_once(client, draft, people):
    client.force_login(people["owner"])
    html = client.get(f"/fr/acteurs/{draft.slug}/modifier/").content.decode()
    assert html.count("Les champs marqués « (obligatoire) »") == 1
    name_label = re.search(r'<label for="id_name"[^>]*>(.*?)</label>', html, re.S).group(1)
    assert "(obligatoire)" in name_label
    phone_label = re.search(r'<label for="id_phone"[^>]*>(.*?)</label>', html, re.S).group(1)
    assert "(obligatoire)" not in phone_label


def test_the_form_warns_before_leaving_with_unsaved_changes(client, draft, people):
    client.force_login(people["owner"])
    page = client.get(f"/fr/acteurs/{draft.slug}/modifier/").content.decode()
    form = re.search(r'<form method="post" action="[^"]*/modifier/"[^>]*>', page).group(0)
    assert "data-warn-unsaved" in form and "data-unsaved" not in form.replace("-warn-", "")
    assert re.search(r'<script nonce="[^"]+" src="/static/js/forms\.js" defer>', page)
    shown_back = edit(client, draft, themes=[]).content.decode()
    form = re.search(r'<form method="post" action="[^"]*/modifier/"[^>]*>', shown_back).group(0)
    assert "data-unsaved" in form.replace("data-warn-unsaved", "")


def test_a_second_click_after_sending_changes_nothing(client, draft, people):
    client.force_login(people["owner"])
    edit(client, draft, action="submit")
    before = fingerprint()
    response = edit(client, draft, action="submit", name="Trop tard")
    assert response.status_code == 302
    assert fingerprint() == before
    assert ChangeRequest.objects.filter(actor=draft).count() == 1


def test_on_a_published_profile_the_button_is_the_change_request(client, actor, people):
    client.force_login(people["editor"])
    response = edit(client, actor, action="submit", phone="05 59 00 00 04")
    assert response.status_code == 302
    actor.refresh_from_db()
    assert actor.status == ActorStatus.PUBLISHED and actor.phone != "05 59 00 00 04"
    request = ChangeRequest.objects.get(actor=actor)
    assert (request.kind, request.proposed["phone"]) == ("change", "05 59 00 00 04")


def test_a_logo_sent_with_errors_is_kept_for_the_next_try(client, draft, people):
    client.force_login(people["owner"])
    logo = upload(image_bytes("PNG"))
    response = edit(client, draft, action="submit", themes=[], logo_file=logo)
    assert response.status_code == 400
    assert not Actor.objects.get(pk=draft.pk).logo
    html = response.content.decode()
    assert "Fichier gardé : logo.png" in html
    token = re.search(r'name="logo_file_pending" value="([^"]+)"', html).group(1)
    response = edit(client, draft, action="submit", logo_file_pending=token)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == ActorStatus.PENDING and draft.logo.name.endswith(".webp")
    # Used once: the waiting copy is gone, and its token names nothing any more.
    again = client.post(
        f"/fr/acteurs/{draft.slug}/modifier/", form_data(draft, logo_file_pending=token)
    )
    assert again.status_code == 302  # pending: nothing can change, the message says why
    assert not pending_uploads.read(token, owner=people["owner"].pk)


def test_a_logo_held_is_of_no_use_to_another_member(client, draft, people):
    client.force_login(people["owner"])
    response = edit(client, draft, themes=[], logo_file=upload(image_bytes("PNG")))
    token = re.search(r'name="logo_file_pending" value="([^"]+)"', response.content.decode())
    client.force_login(people["editor"])
    response = edit(client, draft, logo_file_pending=token.group(1))
    assert response.status_code == 400
    assert "choisissez-le à nouveau" in response.content.decode()
    assert not Actor.objects.get(pk=draft.pk).logo


def test_a_forged_or_spent_logo_token_is_a_clear_error(client, draft, people):
    client.force_login(people["owner"])
    response = edit(client, draft, logo_file_pending="logos/../../secret")
    assert response.status_code == 400
    assert "choisissez-le à nouveau" in response.content.decode()
    assert not Actor.objects.get(pk=draft.pk).logo


def test_a_change_request_keeps_its_logo_through_an_error_too(client, actor, people):
    client.force_login(people["editor"])
    response = edit(client, actor, website="pas une adresse", logo_file=upload(image_bytes("PNG")))
    assert response.status_code == 400 and not ChangeRequest.objects.exists()
    token = re.search(r'name="logo_file_pending" value="([^"]+)"', response.content.decode()).group(
        1
    )
    assert edit(client, actor, logo_file_pending=token).status_code == 302
    request = ChangeRequest.objects.get(actor=actor)
    assert request.proposed_logo.name.endswith(".webp")
    assert pending_uploads.read(token) is None
