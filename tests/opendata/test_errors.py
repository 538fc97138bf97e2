"""The error answers Django gives itself (opendata/views/errors.py): the site's page in the
visitor's language for people, JSON for the API and the exports."""

import json

import pytest
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.test import Client, RequestFactory
from django.urls import reverse

from opendata.views.errors import bad_request
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    from contributions.models import Membership, Role

    actor = ActorFactory(name="Atelier Xiberoa")
    user = django_user_model.objects.create_user("editor", "editor@example.org", "x")
    Membership.objects.create(user=user, actor=actor, role=Role.EDITOR)
    return user, actor


def edit_path(language, actor):
    from django.utils import translation

    with translation.override(language):
        return reverse("contributions:edit", kwargs={"slug": actor.slug})


@pytest.mark.parametrize(
    ("language", "title"),
    [("fr", "Envoi trop volumineux"), ("eu", "Bidalketa handiegia"), ("es", "Envío demasiado")],
)
def test_a_form_too_large_to_read_gets_the_site_s_page_saying_the_text_is_still_there(
    client, editor, settings, language, title
):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    user, actor = editor
    client.force_login(user)
    response = client.post(edit_path(language, actor), {"description": "x" * 20_000})
    html = response.content.decode()
    assert response.status_code == 400
    assert title in html and f'<html lang="{language}"' in html
    assert 'id="contenu"' in html  # the site's page, with its header and navigation
    assert "Mon espace" in html or "Mi espacio" in html or "Nire gunea" in html
    assert "Bad Request" not in html


def test_an_expired_form_gets_the_site_s_page_saying_how_to_keep_the_text(editor):
    user, actor = editor
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post(edit_path("es", actor), {"name": "Otro nombre"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "Formulario caducado" in html and '<html lang="es"' in html
    assert "Cópielo, recargue la página" in html
    assert "Mi espacio" in html  # rendered with the request: the visitor's own menu
    assert "CSRF" not in html


@pytest.mark.parametrize(
    ("exception", "message"),
    [
        (RequestDataTooBig(), "Demande trop volumineuse."),
        (SuspiciousOperation(), "Demande illisible."),
    ],
)
def test_the_api_and_exports_get_their_errors_in_json(exception, message):
    request = RequestFactory().post("/api/v1/actors/")
    response = bad_request(request, exception)
    assert response.status_code == 400
    body = json.loads(response.content)
    assert body["errors"]["detail"][0] == {"message": message, "code": "bad_request"}


@pytest.mark.parametrize(
    ("who", "path", "text"),
    [
        ("editor", "/eu/moderation/", "Orri hau moderazio-taldearentzat da soilik."),
        (
            "staff",
            "/admin/auth/user/",
            "pas les droits nécessaires pour cette page de l'administration",
        ),
        ("other", "/es/acteurs/{slug}/membres/", "reservada a los miembros de la ficha"),
    ],
)
def test_a_refusal_says_who_the_page_is_for(client, editor, django_user_model, who, path, text):
    """Never Django's text nor another's: the console is the moderators', the admin's pages
    are for the accounts given their rights, a profile's pages for its members."""
    user, actor = editor
    if who == "staff":
        user = django_user_model.objects.create_user("staff", "s@example.org", "x", is_staff=True)
    elif who == "other":
        user = django_user_model.objects.create_user("other", "o@example.org", "x")
    client.force_login(user)
    response = client.get(path.format(slug=actor.slug))
    assert response.status_code == 403
    assert text in response.content.decode()


@pytest.mark.parametrize("language", ["fr", "eu", "es"])
def test_a_form_s_address_opened_as_a_page_gets_the_site_s_page(client, language):
    """Django's 405 is a blank page; the API's stays JSON (tests/opendata/test_sync.py)."""
    from django.utils import translation

    with translation.override(language):
        path = reverse("alerts:follow-theme", kwargs={"slug": "reemploi-reparation"})
        title = translation.gettext("Adresse d'envoi d'un formulaire")
    response = client.get(path)
    assert response.status_code == 405 and response["Allow"] == "POST"
    page = response.content.decode()
    assert f"<h1>{title}</h1>" in page and f'<html lang="{language}">' in page
