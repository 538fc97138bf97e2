"""sitemap.xml: an index of valid sitemaps; every public page and published actor in each
language, each with its versions in the others (hreflang)."""

import xml.etree.ElementTree as ET

from moderation.contract import Status
from tests.events.conftest import make_event, paris
from tests.expertise.conftest import make_realisation, make_ressource
from tests.factories import ActorFactory

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def parse(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def by_location(root):
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_the_index_lists_the_sections(client, db):
    root = parse(client, "/sitemap.xml")
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    assert [loc.text for loc in root.findall("s:sitemap/s:loc", NS)] == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-actors.xml",
        "http://testserver/sitemap-realisations.xml",
        "http://testserver/sitemap-ressources.xml",
        "http://testserver/sitemap-selections.xml",
        "http://testserver/sitemap-events.xml",
    ]


def test_published_actors_in_three_languages_with_hreflang(client, reference):
    published = ActorFactory(name="Konponketa Lantegia")
    ActorFactory(name="Brouillon", draft=True)
    ActorFactory(name="Archivé", archived=True)
    urls = by_location(parse(client, "/sitemap-actors.xml"))
    base = "http://testserver"
    assert sorted(urls) == sorted(
        f"{base}/{code}/acteurs/{published.slug}/" for code in ("fr", "eu", "es")
    )
    assert urls[f"{base}/eu/acteurs/{published.slug}/"] == {
        "fr": f"{base}/fr/acteurs/{published.slug}/",
        "eu": f"{base}/eu/acteurs/{published.slug}/",
        "es": f"{base}/es/acteurs/{published.slug}/",
        "x-default": f"{base}/acteurs/{published.slug}/",
    }


def test_the_pages_sitemap_has_the_directory_and_the_footer_pages(client, db):
    urls = by_location(parse(client, "/sitemap-pages.xml"))
    for path in ("/", "/accessibilite/", "/mentions-legales/", "/contact/", "/plan-du-site/",
                 "/confidentialite/", "/donnees/"):  # fmt: skip
        for code in ("fr", "eu", "es"):
            assert f"http://testserver/{code}{path}" in urls, (code, path)
    assert urls["http://testserver/es/contact/"]["eu"] == "http://testserver/eu/contact/"


def test_published_realisations_and_ressources_only(client, reference):
    actor = ActorFactory(name="Atelier Xiberoa")
    shown = make_realisation(actor, title="Atelier publié")
    make_realisation(actor, title="Brouillon", status=Status.DRAFT)
    guide = make_ressource(actor)
    make_ressource(actor, title="Archivée", status=Status.ARCHIVED)
    base = "http://testserver"
    urls = by_location(parse(client, "/sitemap-realisations.xml"))
    assert sorted(urls) == sorted(
        f"{base}/{code}/realisations/{shown.slug}/" for code in ("fr", "eu", "es")
    )
    assert urls[f"{base}/fr/realisations/{shown.slug}/"]["eu"] == (
        f"{base}/eu/realisations/{shown.slug}/"
    )
    urls = by_location(parse(client, "/sitemap-ressources.xml"))
    assert sorted(urls) == sorted(
        f"{base}/{code}/ressources/{guide.slug}/" for code in ("fr", "eu", "es")
    )
    pages = by_location(parse(client, "/sitemap-pages.xml"))
    assert f"{base}/es/realisations/" in pages and f"{base}/eu/ressources/" in pages


def test_published_events_past_ones_too_and_the_agenda(client, reference):
    actor = ActorFactory(name="Atelier Xiberoa")
    coming = make_event(actor, title="Repair café")
    past = make_event(
        actor, title="Ancien atelier", start=paris(2020, 3, 5, 10), end=paris(2020, 3, 5, 12)
    )
    make_event(actor, title="Brouillon", status=Status.DRAFT)
    make_event(actor, title="En attente", status=Status.PENDING)
    make_event(actor, title="Archivé", status=Status.ARCHIVED)
    base = "http://testserver"
    urls = by_location(parse(client, "/sitemap-events.xml"))
    assert sorted(urls) == sorted(
        f"{base}/{code}/agenda/{event.slug}/"
        for event in (coming, past)
        for code in ("fr", "eu", "es")
    )
    assert urls[f"{base}/es/agenda/{coming.slug}/"] == {
        "fr": f"{base}/fr/agenda/{coming.slug}/",
        "eu": f"{base}/eu/agenda/{coming.slug}/",
        "es": f"{base}/es/agenda/{coming.slug}/",
        "x-default": f"{base}/agenda/{coming.slug}/",
    }
    pages = by_location(parse(client, "/sitemap-pages.xml"))
    for code in ("fr", "eu", "es"):
        assert f"{base}/{code}/agenda/" in pages
