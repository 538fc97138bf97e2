"""A file accepted in a réalisation's or a ressource's form that comes back with an error on
another field waits for the next try (contributions.pending_uploads): the field says so, the
corrected form saves it without choosing it again, and only the member who chose it can."""

import re

import pytest
from django.core import signing
from django.core.files.storage import default_storage
from django.urls import reverse

from contributions import pending_uploads
from expertise.models import Ressource, RessourceType

from .media import PDF, png, upload

pytestmark = pytest.mark.django_db

REALISATION_FORM = {"title": "Atelier vélo", "progress": "in_progress", "licence": "cc-by-4.0"}


def ressource_form(**values):
    guide = RessourceType.objects.get(slug="guide").pk
    return {"title": "Guide", "type": guide, "licence": "cc-by-4.0", "content_language": "fr",
            **values}  # fmt: skip


def held_token(response, field):
    html = response.content.decode()
    return re.search(rf'name="{field}_pending" value="([^"]+)"', html).group(1)


def add_url(kind, people):
    return reverse(f"expertise:{kind}-add", kwargs={"slug": people["actor"].slug})


def test_an_image_sent_with_a_bad_link_is_kept_and_saved_with_the_corrected_form(client, people):
    client.force_login(people["editor"])
    url = add_url("realisation", people)
    form = {**REALISATION_FORM, "image_1_file": png("vélos.png"), "image_1_alt": "Des vélos"}
    response = client.post(url, {**form, "link": "pas une url"})
    assert response.status_code == 400
    assert "Fichier gardé : vélos.webp" in response.content.decode()
    token = held_token(response, "image_1_file")
    del form["image_1_file"]
    form.update(link="https://example.org", image_1_file_pending=token)
    response = client.post(url, form)
    assert response.status_code == 302
    realisation = people["actor"].realisations.get()
    assert re.fullmatch(r"realisations/[0-9a-f]{32}-40x30\.webp", realisation.image_1.name)
    assert realisation.image_1_alt == "Des vélos"


def test_a_kept_image_still_needs_its_alt_text(client, people):
    client.force_login(people["editor"])
    url = add_url("realisation", people)
    response = client.post(url, {**REALISATION_FORM, "image_2_file": png(), "link": "non"})
    token = held_token(response, "image_2_file")
    response = client.post(url, {**REALISATION_FORM, "image_2_file_pending": token})
    assert response.status_code == 400
    assert "Décrivez l&#x27;image 2" in response.content.decode()
    assert held_token(response, "image_2_file") == token


def test_a_ressource_file_sent_with_a_bad_link_is_kept_and_saved(client, people):
    client.force_login(people["editor"])
    url = add_url("ressource", people)
    pdf = upload(PDF, "Guide vélo.pdf")
    response = client.post(url, ressource_form(file_upload=pdf, link="pas une url"))
    assert response.status_code == 400
    assert "Fichier gardé : Guide vélo.pdf" in response.content.decode()
    token = held_token(response, "file_upload")
    # Held with the private files: a draft's file is never public media.
    held = signing.loads(token, salt=pending_uploads.SALT)["path"]
    assert held.startswith("ressources/pending/") and default_storage.exists(held)
    response = client.post(url, ressource_form(file_upload_pending=token))
    assert response.status_code == 302
    assert not default_storage.exists(held)
    ressource = Ressource.objects.get()
    assert re.fullmatch(r"ressources/[0-9a-f]{32}\.pdf", ressource.file.name)
    assert ressource.file_name == "Guide vélo.pdf"
    assert ressource.file.read() == PDF


def test_another_member_cannot_use_a_held_file(client, people):
    client.force_login(people["editor"])
    url = add_url("ressource", people)
    response = client.post(url, ressource_form(file_upload=upload(PDF), link="pas une url"))
    token = held_token(response, "file_upload")
    client.force_login(people["owner"])
    response = client.post(url, ressource_form(file_upload_pending=token))
    assert response.status_code == 400
    assert "choisissez-le à nouveau" in response.content.decode()
    assert not Ressource.objects.exists()


def test_a_forged_token_is_a_clear_error(client, people):
    client.force_login(people["editor"])
    url = add_url("realisation", people)
    forged = "realisations/../secret"
    response = client.post(url, {**REALISATION_FORM, "image_1_file_pending": forged})
    assert response.status_code == 400
    assert "choisissez-le à nouveau" in response.content.decode()
    assert not people["actor"].realisations.exists()


def test_a_new_file_replaces_the_held_one(client, people):
    client.force_login(people["editor"])
    url = add_url("ressource", people)
    response = client.post(url, ressource_form(file_upload=upload(PDF, "Ancien.pdf"), link="non"))
    token = held_token(response, "file_upload")
    held = signing.loads(token, salt=pending_uploads.SALT)["path"]
    new = upload(PDF, "Nouveau.pdf")
    response = client.post(url, ressource_form(file_upload=new, file_upload_pending=token))
    assert response.status_code == 302
    assert Ressource.objects.get().file_name == "Nouveau.pdf"
    assert not default_storage.exists(held)
