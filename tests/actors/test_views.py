import re

import pytest
from django.test import Client
from django.urls import reverse

from actors.models import Actor
from actors.views.directory import PAGE_SIZE
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db


def test_home_lists_the_published_demo_actors(client, demo):
    ActorFactory(name="Brouillon secret", draft=True)
    response = client.get("/fr/")
    assert response.status_code == 200
    html = response.content.decode()
    first_page = Actor.objects.published().order_by("name")[:PAGE_SIZE]
    for actor in first_page:
        assert actor.get_absolute_url() in html
    assert "Brouillon secret" not in html
    assert f"{Actor.objects.published().count()} acteurs trouvés" in html


def test_home_paginates(client, demo):
    last = Actor.objects.published().order_by("-name").first()
    pages = -(-Actor.objects.published().count() // PAGE_SIZE)
    assert pages > 2
    response = client.get(f"/fr/?page={pages}")
    assert response.status_code == 200
    assert last.name in response.content.decode()
    # Out-of-range or malformed pages show the nearest page rather than an error.
    assert last.name in client.get("/fr/?page=99").content.decode()
    assert client.get("/fr/?page=abc").status_code == 200


def test_actor_page_shows_a_published_actor(client):
    actor = ActorFactory(name="Konpon Gunea", summary="Réparation <b>libre</b>")
    response = client.get(actor.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Konpon Gunea" in html
    assert "Réparation &lt;b&gt;libre&lt;/b&gt;" in html


@pytest.mark.parametrize("trait", ["draft", "pending", "archived"])
def test_unpublished_actors_are_not_found(client, trait):
    actor = ActorFactory(**{trait: True})
    response = client.get(reverse("actors:detail", kwargs={"slug": actor.slug}))
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_server_error_page_is_ours():
    client = Client(raise_request_exception=False)
    from django.urls import path

    from neonum import urls

    def boom(request):
        raise RuntimeError("boom")

    urls.urlpatterns.append(path("__boom__/", boom))
    try:
        response = client.get("/__boom__/")
    finally:
        urls.urlpatterns.pop()
    assert response.status_code == 500
    assert "Une erreur est survenue" in response.content.decode()


def test_pages_carry_a_strict_csp_with_a_nonce_and_security_headers(client):
    response = client.get("/fr/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_scripts_carry_the_request_nonce(client):
    response = client.get("/fr/")
    csp = response.headers["Content-Security-Policy"]
    html = response.content.decode()
    for script in re.findall(r"<script[^>]*>", html):
        nonce = re.search(r'nonce="([^"]+)"', script)
        assert nonce and f"'nonce-{nonce.group(1)}'" in csp


def test_favicon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response.headers["Location"].endswith("favicon.svg")
