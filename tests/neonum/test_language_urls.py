"""Pages carry their language in the URL; machines' addresses carry none; every page links
to itself in the other languages, filters included (RGAA 8.3 and 8.7)."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import ActorFactory

from .pagetext import read


@pytest.mark.parametrize("language", ["fr", "eu", "es"])
def test_a_page_is_served_in_the_language_of_its_prefix(client, reference, language):
    response = client.get(f"/{language}/", headers={"Accept-Language": "fr"})
    assert response.status_code == 200
    assert response.headers["Content-Language"] == language
    assert read(response.content.decode()).page_lang == language


@pytest.mark.parametrize(
    ("accept", "expected"), [("eu", "/eu/"), ("es-ES,es;q=0.9", "/es/"), ("de", "/fr/")]
)
def test_an_address_without_prefix_goes_to_the_visitors_language(client, accept, expected):
    response = client.get("/", headers={"Accept-Language": accept})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_a_prefixless_page_keeps_its_query(client, reference):
    response = client.get("/?theme=low-tech", headers={"Accept-Language": "eu"})
    assert response["Location"] == "/eu/?theme=low-tech"


def test_the_api_and_exports_have_no_prefix(client, reference):
    assert reverse("opendata:api-actors") == "/api/v1/actors/"
    assert reverse("opendata:export-csv") == "/export/actors.csv"
    assert client.get("/api/v1/actors/").status_code == 200
    assert client.get("/export/actors.csv").status_code == 200
    assert client.get("/eu/api/v1/actors/").status_code == 404


def switcher(html):
    return {
        hreflang: (href.replace("&amp;", "&"), lang, "aria-current" in tag)
        for tag, href, hreflang, lang in re.findall(
            r'(<a href="([^"]*)" hreflang="([a-z]+)" lang="([a-z]+)"[^>]*>)', html
        )
    }


def test_the_switcher_keeps_the_page_and_its_filters(client, reference):
    query = "?theme=low-tech&near=Baiona&radius=10&sort=name"
    html = client.get("/eu/" + query).content.decode()
    assert switcher(html) == {
        "fr": ("/fr/" + query, "fr", False),
        "eu": ("/eu/" + query, "eu", True),
        "es": ("/es/" + query, "es", False),
    }
    assert 'aria-label="Hizkuntza"' in html


def test_the_switcher_names_each_language_in_itself(client, reference):
    html = client.get("/es/").content.decode()
    header, footer = html.split("<main", 1)[0], html.split('<footer class="site-footer">', 1)[1]
    for part in (header, footer):
        names = re.findall(r'hreflang="[a-z]+" lang="[a-z]+"[^>]*>([^<]+)</a>', part)
        assert names == ["Français", "Euskara", "Español"]


def test_an_actor_page_links_to_its_versions(client, reference):
    actor = ActorFactory(name="Hendaiako Txokoa")
    with translation.override("es"):
        path = actor.get_absolute_url()
    assert path.startswith("/es/acteurs/")
    html = client.get(path).content.decode()
    assert switcher(html)["eu"][0] == f"/eu/acteurs/{actor.slug}/"
    alternates = re.findall(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)">', html)
    assert alternates == [
        ("fr", f"http://testserver/fr/acteurs/{actor.slug}/"),
        ("eu", f"http://testserver/eu/acteurs/{actor.slug}/"),
        ("es", f"http://testserver/es/acteurs/{actor.slug}/"),
        ("x-default", f"http://testserver/acteurs/{actor.slug}/"),
    ]
    assert client.get(f"/acteurs/{actor.slug}/", headers={"Accept-Language": "eu"})[
        "Location"
    ] == path.replace("/es/", "/eu/")


def test_an_unknown_address_links_to_each_home_page(client, reference):
    response = client.get("/eu/ez-dago/")
    assert response.status_code == 404
    assert {code: href for code, (href, _, _) in switcher(response.content.decode()).items()} == {
        "fr": "/fr/",
        "eu": "/eu/ez-dago/",
        "es": "/es/",
    }


def test_the_account_pages_have_a_prefix(client, reference):
    assert reverse("account_login") == "/fr/compte/login/"
    with translation.override("eu"):
        assert reverse("account_login") == "/eu/compte/login/"


def test_logging_out_returns_to_the_home_page_in_the_same_language(client, reference):
    from tests.contributions.conftest import make_user

    client.force_login(make_user("hizlaria@example.org"))
    response = client.post("/eu/compte/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/eu/"


def test_the_server_error_page_is_in_the_visitors_language():
    from django.test import Client
    from django.urls import clear_url_caches, path

    from neonum import urls

    def boom(request):
        raise RuntimeError("boom")

    client = Client(raise_request_exception=False)
    urls.urlpatterns.append(path("__boom__/", boom))
    clear_url_caches()
    try:
        response = client.get("/__boom__/", headers={"Accept-Language": "eu"})
    finally:
        urls.urlpatterns.pop()
        clear_url_caches()
    assert response.status_code == 500
    page = read(response.content.decode())
    assert page.page_lang == "eu"
    with translation.override("eu"):
        assert translation.gettext("Une erreur est survenue") in "\n".join(page.parts)


def test_the_actor_page_announces_its_open_graph_locale(client, reference):
    actor = ActorFactory(name="Angeluko Txokoa")
    with translation.override("eu"):
        html = client.get(actor.get_absolute_url()).content.decode()
    assert '<meta property="og:locale" content="eu_FR">' in html
    alternates = re.findall(r'<meta property="og:locale:alternate" content="([a-z_A-Z]+)">', html)
    assert alternates == ["fr_FR", "es_ES"]
