"""The selections' pages in three languages, the home page's featured block, the feed and
the sitemap: texts escaped, unpublished contents and selections kept out."""

import json
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation

from .conftest import XSS, make_selection

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def url(name, lang, **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize(
    ("lang", "title", "note"),
    [("fr", "Coups de cœur", "Parce que event"), ("eu", "Gogokoak", "event delako"),
     ("es", "Favoritos", "Porque event")],
)  # fmt: skip
def test_the_page_in_three_languages(client, selection, lang, title, note):
    response = client.get(url("selections:detail", lang, slug=selection.slug))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    assert title in html and note in html
    # In order, each linking to its page; the draft is left out.
    actor = selection.items.get(actor__isnull=False).actor
    links = [f"/{lang}/agenda/repair-cafe/", f"/{lang}/acteurs/{actor.slug}/"]
    positions = [html.index(f'href="{link}"') for link in links]
    assert positions == sorted(positions)
    assert "Brouillon secret" not in html
    assert XSS not in html


def test_texts_are_escaped(client, selection):
    html = client.get(url("selections:detail", "fr", slug=selection.slug)).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert XSS not in html


def test_the_item_list_json_ld(client, selection):
    html = client.get(url("selections:detail", "fr", slug=selection.slug)).content.decode()
    start = html.index('<script type="application/ld+json"')
    body = html[html.index(">", start) + 1 : html.index("</script>", start)]
    data = json.loads(body)
    assert data["@type"] == "ItemList"
    assert data["numberOfItems"] == 4
    names = [element["name"] for element in data["itemListElement"]]
    assert names == ["Repair café", "Atelier Xiberoa", "Ordinateurs reconditionnés",
                     "Guide du réemploi"]  # fmt: skip
    assert [element["position"] for element in data["itemListElement"]] == [1, 2, 3, 4]
    # The "</script>" of a title cannot close the element early.
    assert "</script>" not in body


def test_an_unpublished_selection_is_for_staff_only(client, people):
    hidden = make_selection(slug="brouillon", published=False)
    page = url("selections:detail", "fr", slug=hidden.slug)
    assert client.get(page).status_code == 404
    assert client.get(url("selections:feed", "fr", slug=hidden.slug)).status_code == 404
    assert "brouillon" not in client.get(url("selections:list", "fr")).content.decode()
    client.force_login(people["other"])
    assert client.get(page).status_code == 404
    client.force_login(people["staff"])
    assert "pas publiée" in client.get(page).content.decode()


def test_the_list(client, selection):
    make_selection(slug="pour-debuter", title="Pour débuter")
    html = client.get(url("selections:list", "es")).content.decode()
    assert "Favoritos" in html and "Pour débuter" in html


def test_the_feed_parses_back(client, selection):
    response = client.get(url("selections:feed", "eu", slug=selection.slug))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.find(f"{ATOM}title").text == "Gogokoak"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 4
    titles = {entry.find(f"{ATOM}title").text for entry in entries}
    assert titles == {"Repair café", "Atelier Xiberoa", "Ordinateurs reconditionnés",
                      "Guide du réemploi"}  # fmt: skip
    summaries = {entry.find(f"{ATOM}summary").text for entry in entries}
    assert "event delako" in summaries
    links = {entry.find(f"{ATOM}link").get("href") for entry in entries}
    assert "http://testserver/eu/agenda/repair-cafe/" in links


def test_the_home_page_features_one(client, selection):
    home = url("actors:home", "fr")
    assert "featured-selection" not in client.get(home).content.decode()
    selection.featured = True
    selection.save()
    html = client.get(home).content.decode()
    block = html[html.index('class="featured-selection"') :]
    assert "Coups de cœur &lt;script&gt;" in block
    assert selection.get_absolute_url() in block
    # The first three visible items, the draft skipped.
    assert "Repair café" in block and "Ordinateurs reconditionnés" in block
    assert "Guide du réemploi" not in block and "Brouillon secret" not in block
    # Not under a search.
    assert "featured-selection" not in client.get(home + "?q=repair").content.decode()


def test_the_sitemap_lists_published_selections(client, selection):
    make_selection(slug="cachee", published=False)
    body = client.get("/sitemap-selections.xml").content.decode()
    assert "/eu/selections/coups-de-coeur/" in body
    assert "cachee" not in body
