"""Images of réalisations and files of ressources through the members' forms, the public
pages, the download view (headers and who may have a file) and the one workflow: propose a
replacement or a removal, see it in the moderator's diff, accept it, restore."""

import re

import pytest
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse

from expertise import uploads
from expertise.models import RealisationRequest, Ressource, RessourceRequest, RessourceType
from moderation import workflow
from moderation.contract import Status
from moderation.models import Action
from neonum.urls import serve_public_media

from .conftest import make_realisation, make_ressource
from .media import PDF, odt_bytes, png, upload, with_image

pytestmark = pytest.mark.django_db

XSS = '<img src=x onerror="alert(1)">'
REALISATION_FORM = {"title": "Atelier vélo", "progress": "in_progress", "licence": "cc-by-4.0"}


def ressource_form(**values):
    guide = RessourceType.objects.get(slug="guide").pk
    return {"title": "Guide", "type": guide, "licence": "cc-by-4.0", "content_language": "fr",
            **values}  # fmt: skip


def with_file(ressource, data=PDF, name="Guide.pdf"):
    stored, kind = uploads.ressource_file(upload(data))
    ressource.file.save(stored.name, stored, save=False)
    ressource.file_name = uploads.display_name(name, kind)
    ressource.save()
    return ressource


# Images ---------------------------------------------------------------------------------


def test_a_member_adds_a_realisation_with_images_in_their_slots(client, people):
    client.force_login(people["editor"])
    url = reverse("expertise:realisation-add", kwargs={"slug": people["actor"].slug})
    form = {**REALISATION_FORM, "image_1_file": png(), "image_1_alt": "Atelier",
            "image_3_file": png(size=(2000, 1000)), "image_3_alt": "Vélos réparés"}  # fmt: skip
    assert client.post(url, form).status_code == 302
    realisation = people["actor"].realisations.get()
    assert realisation.status == Status.DRAFT
    assert re.fullmatch(r"realisations/[0-9a-f]{32}-40x30\.webp", realisation.image_1.name)
    assert not realisation.image_2
    assert realisation.image_3.name.endswith("-800x400.webp")
    assert realisation.image_3_alt == "Vélos réparés"


def test_an_image_needs_its_alt_text_in_each_language_of_the_title(client, people):
    client.force_login(people["editor"])
    url = reverse("expertise:realisation-add", kwargs={"slug": people["actor"].slug})
    form = {**REALISATION_FORM, "title_eu": "Bizikleta tailerra", "summary": "Gardé tel quel",
            "image_1_file": png(), "image_1_alt": "Atelier"}  # fmt: skip
    response = client.post(url, form)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Décrivez l&#x27;image 1 pour qui ne la voit pas" in text
    assert 'name="image_1_alt_eu"' in text and 'aria-invalid="true"' in text
    assert "Gardé tel quel" in text and "Bizikleta tailerra" in text
    assert not people["actor"].realisations.exists()


def test_a_refused_image_keeps_everything_else_typed(client, people):
    client.force_login(people["editor"])
    url = reverse("expertise:realisation-add", kwargs={"slug": people["actor"].slug})
    svg = upload(b"<svg onload='alert(1)'/>", "photo.png", "image/png")
    form = {**REALISATION_FORM, "summary": "Un résumé précieux", "image_1_file": svg,
            "image_1_alt": "Un texte alternatif"}  # fmt: skip
    response = client.post(url, form)
    assert response.status_code == 400
    text = response.content.decode()
    assert "L&#x27;image doit être une image PNG, JPEG ou WebP." in text
    assert "Un résumé précieux" in text and "Un texte alternatif" in text


def test_the_page_shows_the_images_lazily_with_their_size_and_alt(client, people):
    realisation = with_image(make_realisation(people["actor"]), alt=XSS)
    with_image(realisation, slot=3, size=(30, 60), alt="")
    realisation.image_3_alt_eu = "Bizikletak"
    realisation.save()
    text = client.get(realisation.get_absolute_url()).content.decode()
    images = re.findall(r"<img [^>]*>", text.split('class="gallery')[1])
    first, second = images[:2]
    assert 'alt="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"' in first
    assert 'width="40" height="30" loading="lazy"' in first
    # The French page shows the Basque alt text, marked as Basque.
    assert 'alt="Bizikletak" lang="eu" width="30" height="60"' in second
    assert "<img src=x" not in text
    json_ld = text.split('type="application/ld+json"')[1].split("</script>")[0]
    assert '"contentUrl": "http://testserver/media/realisations/' in json_ld
    assert '"width": 40' in json_ld and '"@type": "ImageObject"' in json_ld
    assert '<meta property="og:image" content="http://testserver/media/realisations/' in text


# Files of ressources --------------------------------------------------------------------


def test_a_member_adds_a_ressource_with_a_file_instead_of_a_link(client, people):
    client.force_login(people["editor"])
    url = reverse("expertise:ressource-add", kwargs={"slug": people["actor"].slug})
    response = client.post(url, ressource_form())
    assert response.status_code == 400
    assert "Donnez un lien ou joignez un fichier." in response.content.decode()
    odt = upload(odt_bytes(), f"../../{XSS}.odt", "application/octet-stream")
    assert client.post(url, ressource_form(file_upload=odt)).status_code == 302
    ressource = people["actor"].ressources.get()
    assert re.fullmatch(r"ressources/[0-9a-f]{32}\.odt", ressource.file.name)
    assert ressource.file_name == f"{XSS}.odt"


def test_a_file_of_another_type_is_refused_and_the_form_kept(client, people):
    client.force_login(people["editor"])
    url = reverse("expertise:ressource-add", kwargs={"slug": people["actor"].slug})
    html = upload(b"<html><script>alert(1)</script>", "guide.pdf", "application/pdf")
    response = client.post(url, ressource_form(summary="Mon résumé", file_upload=html))
    assert response.status_code == 400
    text = response.content.decode()
    assert "Le fichier doit être un PDF, un texte ODT ou une image PNG, JPEG ou WebP." in text
    assert "Mon résumé" in text and not Ressource.objects.exists()


def test_a_published_file_is_a_safe_download_and_its_name_escaped(client, people):
    ressource = with_file(make_ressource(people["actor"]), name=f"{XSS}\u202e.pdf")
    page = client.get(ressource.get_absolute_url()).content.decode()
    assert "Télécharger « &lt;img src=x onerror=&quot;alert(1)&quot;&gt;.pdf »" in page
    assert "<img src=x" not in page
    response = client.get(reverse("expertise:ressource-file", args=[ressource.slug]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Content-Disposition"] == (
        'attachment; filename="<img src=x onerror=_alert(1)_>.pdf"; '
        "filename*=UTF-8''%3Cimg%20src%3Dx%20onerror%3D%22alert%281%29%22%3E.pdf"
    )


@pytest.mark.parametrize("status", [Status.DRAFT, Status.PENDING, Status.ARCHIVED])
@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("other", False), ("editor", True), ("owner", True),
     ("staff", True), ("moderator", True)],
)  # fmt: skip
def test_an_unpublished_file_is_for_members_and_moderators_only(
    client, people, status, role, allowed
):
    ressource = with_file(make_ressource(people["actor"], status=status))
    if role != "anonymous":
        client.force_login(people[role])
    response = client.get(reverse("expertise:ressource-file", args=[ressource.slug]))
    assert response.status_code == (200 if allowed else 404)
    if allowed:
        assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("role", ["anonymous", "other", "editor", "staff"])
def test_a_published_file_is_for_everyone_and_none_is_a_404(client, people, role):
    ressource = with_file(make_ressource(people["actor"]))
    bare = make_ressource(people["actor"], title="Sans fichier")
    if role != "anonymous":
        client.force_login(people[role])
    assert client.get(reverse("expertise:ressource-file", args=[ressource.slug])).status_code == 200
    assert client.get(reverse("expertise:ressource-file", args=[bare.slug])).status_code == 404


def test_the_files_folder_is_never_served_as_media(people, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "ressources").mkdir()
    (tmp_path / "ressources" / "secret.pdf").write_bytes(PDF)
    (tmp_path / "realisations").mkdir()
    (tmp_path / "realisations" / "photo.webp").write_bytes(b"RIFF")
    request = RequestFactory().get("/media/")
    for path in ("ressources/secret.pdf", "realisations/../ressources/secret.pdf",
                 "/ressources/secret.pdf", "./ressources/secret.pdf"):  # fmt: skip
        with pytest.raises(Http404):
            serve_public_media(request, path)
    assert serve_public_media(request, "realisations/photo.webp").status_code == 200


# The workflow ---------------------------------------------------------------------------


def decide(request, people):
    return workflow.decide_change_request(request, people["moderator"], Action.APPROVE)


def test_images_replaced_and_removed_through_a_change_request_then_restored(
    client, admin_client, people
):
    realisation = with_image(with_image(make_realisation(people["actor"])), slot=2, alt="Deux")
    first, second = realisation.image_1.name, realisation.image_2.name
    client.force_login(people["editor"])
    url = reverse("expertise:realisation-edit", args=[realisation.slug])
    shown = client.get(url).content.decode()
    assert f'href="/media/{first}"' in shown and 'name="image_2_file-clear"' in shown
    base = realisation.updated_at.isoformat()
    form = {**REALISATION_FORM, "title": realisation.title, "base": base,
            "image_1_file": png(size=(50, 20)), "image_1_alt": "Nouvelle",
            "image_2_file-clear": "on", "image_2_alt": "Deux"}  # fmt: skip
    assert client.post(url, form).status_code == 302
    realisation.refresh_from_db()
    assert (realisation.image_1.name, realisation.image_2.name) == (first, second)  # not yet
    request = RealisationRequest.objects.get(realisation=realisation)
    assert request.proposed_image_1.name.endswith("-50x20.webp")
    assert request.proposed["image_2"] == "" and request.proposed["image_2_alt"] == ""
    assert set(workflow.changed_fields(request)) >= {"image_1", "image_1_alt", "image_2"}

    diff = admin_client.get(
        reverse("admin:expertise_realisationrequest_change", args=[request.pk])
    ).content.decode()
    assert f'<img src="/media/{first}"' in diff  # before
    assert f'<img src="/media/{request.proposed_image_1.name}"' in diff  # proposed
    assert f'<img src="/media/{second}"' in diff  # taken away: before, then "—"
    # Each image named for a screen reader: it is the value compared, not a decoration.
    assert 'alt=""' not in diff and diff.count('alt="Aperçu de l&#x27;image"') == 3

    decide(request, people)
    realisation.refresh_from_db()
    assert realisation.image_1.name.endswith("-50x20.webp") and not realisation.image_2
    assert realisation.image_1_alt == "Nouvelle"
    page = client.get(realisation.get_absolute_url()).content.decode()
    assert page.count('loading="lazy"') == 1 and 'width="50" height="20"' in page

    before = realisation.history.order_by("-history_id")[1]  # the one before the approval
    workflow.restore_version(
        realisation, before.history_id, people["moderator"], "Erreur", realisation.updated_at
    )
    realisation.refresh_from_db()
    assert (realisation.image_1.name, realisation.image_2.name) == (first, second)
    assert realisation.image_1_alt == "Des vélos"


def test_a_file_replaced_through_a_change_request_then_restored(client, admin_client, people):
    ressource = with_file(make_ressource(people["actor"]), name="Ancien.pdf")
    old = ressource.file.name
    client.force_login(people["editor"])
    url = reverse("expertise:ressource-edit", args=[ressource.slug])
    shown = client.get(url).content.decode()
    download = reverse("expertise:ressource-file", args=[ressource.slug])
    assert f'<a href="{download}">Ancien.pdf</a>' in shown
    odt = upload(odt_bytes(), f"{XSS}.odt", "application/pdf")
    base = ressource.updated_at.isoformat()
    form = ressource_form(title=ressource.title, link=ressource.link, base=base, file_upload=odt)
    assert client.post(url, form).status_code == 302
    request = RessourceRequest.objects.get(ressource=ressource)
    assert request.proposed["file"] == [old, f"{XSS}.odt"]
    proposed_url = reverse("expertise:ressource-proposed-file", args=[request.pk])
    assert client.get(proposed_url).status_code == 200  # its author's fellow members
    client.force_login(people["other"])
    assert client.get(proposed_url).status_code == 404

    diff = admin_client.get(
        reverse("admin:expertise_ressourcerequest_change", args=[request.pk])
    ).content.decode()
    assert "<td>Ancien.pdf</td>" in diff
    assert (
        f'<a href="{proposed_url}">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;.odt</a>' in diff
    )
    assert "<img src=x" not in diff

    decide(request, people)
    ressource.refresh_from_db()
    assert ressource.file.name.endswith(".odt") and ressource.file_name == f"{XSS}.odt"
    download = client.get(reverse("expertise:ressource-file", args=[ressource.slug]))
    assert download["Content-Type"] == "application/vnd.oasis.opendocument.text"

    before = ressource.history.order_by("-history_id")[1]
    workflow.restore_version(
        ressource, before.history_id, people["moderator"], "Erreur", ressource.updated_at
    )
    ressource.refresh_from_db()
    assert (ressource.file.name, ressource.file_name) == (old, "Ancien.pdf")


def test_a_file_removed_through_a_change_request(people):
    ressource = with_file(make_ressource(people["actor"]))
    declaration = ressource.declaration()
    values = {**declaration.snapshot(ressource), "file": ["", ""]}
    request = workflow.propose_change(ressource, people["editor"], values, ressource.updated_at)
    assert workflow.changed_fields(request) == ["file"]
    decide(request, people)
    ressource.refresh_from_db()
    assert not ressource.file and ressource.file_name == ""


def test_a_partial_approval_may_leave_the_image_out(people):
    realisation = with_image(make_realisation(people["actor"]))
    kept = realisation.image_1.name
    declaration = realisation.declaration()
    values = {**declaration.snapshot(realisation), "summary": "Nouveau résumé"}
    image = uploads.realisation_image(png(size=(60, 60)))
    request = workflow.propose_change(
        realisation, people["editor"], values, realisation.updated_at, image_1=image
    )
    workflow.decide_change_request(request, people["moderator"], Action.APPROVE, fields=["summary"])
    realisation.refresh_from_db()
    assert realisation.summary == "Nouveau résumé" and realisation.image_1.name == kept


def test_the_admin_compares_and_restores_a_version_with_its_image(client, people):
    realisation = with_image(make_realisation(people["actor"]))
    first = realisation.image_1.name
    values = realisation.declaration().snapshot(realisation)
    image = uploads.realisation_image(png(size=(60, 60)))
    change = workflow.propose_change(
        realisation, people["editor"], values, realisation.updated_at, image_1=image
    )
    decide(change, people)
    realisation.refresh_from_db()
    assert realisation.image_1.name.endswith("-60x60.webp")
    past = realisation.history.order_by("-history_id")[1]
    history = reverse("admin:expertise_realisation_history", args=[realisation.pk])
    version = f"{history}{past.history_id}/"
    client.force_login(people["moderator"])
    compared = client.get(version).content.decode()
    assert f'<img src="/media/{first}"' in compared
    assert f'<img src="/media/{realisation.image_1.name}"' in compared
    seen = realisation.updated_at.isoformat()
    assert client.post(version, {"reason": "La photo d'origine", "seen": seen}).status_code == 302
    realisation.refresh_from_db()
    assert realisation.image_1.name == first


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("fr", "exte alternatif de l&#x27;image 1 (français)"),
        ("eu", "1. irudiaren ordezko testua (frantsesez)"),
        ("es", "exto alternativo de la imagen 1 (francés)"),
    ],
)
def test_an_image_s_alternative_text_names_its_language_in_the_reader_s(
    client, people, language, label
):
    from django.utils import translation

    client.force_login(people["editor"])
    with translation.override(language):
        url = reverse("expertise:realisation-add", kwargs={"slug": people["actor"].slug})
        html = client.get(url).content.decode()
    assert label in html
