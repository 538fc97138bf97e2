"""The OpenAPI description, CORS on the API and exports only, the framable embed and the
includes given to the directory."""

import pytest
from django.http import QueryDict
from django.template.loader import render_to_string
from django.test import RequestFactory
from openapi_spec_validator import validate

from actors.filters import ActorFilterSet
from tests.events.conftest import make_event
from tests.opendata.helpers import content, json_body

pytestmark = pytest.mark.django_db

ORIGIN = "https://partenaire.example"


def test_openapi_schema_is_served_and_valid(client, world):
    spec = client.get("/api/v1/openapi.json").json()
    validate(spec)
    assert spec["openapi"].startswith("3.")
    # Every filter the directory accepts is documented, and nothing else.
    assert set(spec["components"]["parameters"]) == set(ActorFilterSet.base_filters)


def test_every_documented_path_answers(client, world):
    spec = client.get("/api/v1/openapi.json").json()
    assert len(spec["paths"]) >= 10
    event = make_event(world["clic"])
    for path in spec["paths"]:
        url = path.replace("{slug}", world["clic"].slug).replace("{event}", event.slug)
        response = client.get(url)
        assert response.status_code == 200, url
        if "json" in response["Content-Type"]:
            json_body(response)
        else:
            assert content(response).startswith(("\ufeffslug,", "id,pivot,", "BEGIN:VCALENDAR")), (
                url
            )


@pytest.mark.parametrize(
    "url",
    ["/api/v1/actors/", "/api/v1/actors.geojson", "/api/v1/themes/", "/export/actors.csv",
     "/export/lamednum.csv", "/export/data-inclusion/structures.json"],
)  # fmt: skip
def test_api_and_exports_can_be_read_from_any_site(client, world, url):
    response = client.get(url, headers={"Origin": ORIGIN})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


def test_preflight_allows_reading_only(client, world):
    response = client.options(
        "/api/v1/actors/",
        headers={"Origin": ORIGIN, "Access-Control-Request-Method": "GET"},
    )
    assert response["Access-Control-Allow-Origin"] == "*"
    allowed = {m.strip() for m in response["Access-Control-Allow-Methods"].split(",")}
    assert allowed == {"GET", "HEAD", "OPTIONS"}


@pytest.mark.parametrize("url", ["/fr/", "/fr/api/", "/fr/donnees/", "/fr/embed/"])
def test_pages_are_not_opened_to_other_sites(client, world, url):
    response = client.get(url, headers={"Origin": ORIGIN})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_embed_can_be_framed_by_the_allowed_origins_only(client, world, settings):
    response = client.get("/fr/embed/?theme=inclusion-mediation")
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    settings.EMBED_ALLOWED_ORIGINS = [ORIGIN, "https://autre.example"]
    response = client.get("/fr/embed/")
    assert f"frame-ancestors {ORIGIN} https://autre.example" in response["Content-Security-Policy"]
    # The rest of the site still refuses to be framed.
    home = client.get("/fr/")
    assert home["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in home["Content-Security-Policy"]


def test_embed_lists_the_filtered_actors_and_refuses_bad_filters(client, world):
    response = client.get("/fr/embed/?theme=inclusion-mediation&commune=64102")
    assert [a.name for a in response.context["actors"]] == ["Clic Solidaire"]
    assert "script-src 'self' 'nonce-" in response["Content-Security-Policy"]
    bad = client.get("/fr/embed/?theme=nope")
    assert bad.status_code == 400
    assert "Certains critères ne sont pas valides" in bad.content.decode()


def _render(template, query):
    request = RequestFactory().get("/fr/", {"theme": "inclusion-mediation"})
    request.csp_nonce = "abc"
    return render_to_string(template, {"query": QueryDict(query), "request": request})


def test_download_links_keep_the_filters_but_not_the_page(reference):
    html = _render(
        "opendata/_download_links.html", "theme=accessibilite&page=3&tout=1&near=Bayonne"
    )
    assert 'href="/export/actors.csv?theme=accessibilite&amp;near=Bayonne"' in html
    assert 'href="/export/actors.geojson?theme=accessibilite&amp;near=Bayonne"' in html
    assert "page=3" not in html
    assert "tout=" not in html  # the exports refuse it


def test_embed_snippet_shows_escaped_code_without_javascript(reference):
    html = _render("opendata/_embed_snippet.html", "q=<script>&theme=accessibilite")
    assert "<textarea" in html and "readonly" in html
    assert '&lt;iframe src="http://testserver/fr/embed/?q=%3Cscript%3E&amp;theme=' in html
    assert "<script" not in html  # its button is revealed by share.js, loaded with the share block
    assert 'data-copy="embed-code" hidden' in html
