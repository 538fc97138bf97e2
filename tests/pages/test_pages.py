"""The footer pages: real pages in each language, linked from every page's footer."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import ActorFactory
from tests.neonum.catalogs import sources, whole_sources
from tests.neonum.pagetext import read

LANGUAGES = ["fr", "eu", "es"]
PAGES = ["pages:accessibility", "pages:legal", "pages:contact", "pages:sitemap"]


def url(name, language):
    with translation.override(language):
        return reverse(name)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES + ["pages:contact-thanks"])
def test_each_page_is_in_the_visitors_language(client, reference, name, language):
    response = client.get(url(name, language))
    assert response.status_code == 200
    text = read(response.content.decode())
    assert text.page_lang == language
    page = "\n".join(text.parts)
    leftovers = sorted(fragment for fragment in sources(language) if fragment in page)
    leftovers += sorted(part for part in text.parts if part in whole_sources(language))
    assert leftovers == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_links_to_the_footer_pages_and_the_three_languages(client, reference, language):
    actor = ActorFactory(name="Atelier Konpon")
    for path in (url("actors:home", language), url("pages:legal", language)):
        html = client.get(path).content.decode()
        footer = html[html.index('<footer class="site-footer">') :]
        for name in PAGES + ["contributions:privacy"]:
            assert f'href="{url(name, language)}"' in footer, (path, name)
        for code in LANGUAGES:
            assert f'hreflang="{code}"' in footer
        assert 'href="#icon-logo"' in footer and 'id="icon-logo"' in footer
    with translation.override(language):
        html = client.get(actor.get_absolute_url()).content.decode()
    assert html.count('<symbol id="icon-share"') == 1
    assert f'href="{url("pages:accessibility", language)}"' in html


def test_the_accessibility_statement_has_the_rgaa_sections(client, reference):
    html = client.get(url("pages:accessibility", "fr")).content.decode()
    for heading in ("État de conformité", "Résultats des tests", "Contenus non accessibles",
                    "Dérogations pour charge disproportionnée", "Environnement de test",
                    "Retour d'information et contact", "Voies de recours"):  # fmt: skip
        assert f"<h2>{heading}</h2>" in html or f"<h3>{heading}</h3>" in html, heading
    assert "<strong>partiellement conforme</strong>" in html
    assert "Défenseur des droits" in html and "Libre réponse 71120" in html
    assert "Cette déclaration a été établie le 2 décembre 2026." in html
    assert f'href="{url("pages:contact", "fr")}?sujet=accessibility"' in html


def test_the_legal_notice_reads_the_publisher_from_the_settings(client, reference, settings):
    settings.PUBLISHER_NAME = "Agence Exemple"
    settings.PUBLISHER_ADDRESS = "1 rue de l'Exemple, 64100 Bayonne"
    settings.PUBLICATION_DIRECTOR = "Mme Directrice"
    settings.HOST_NAME = "Hébergeur Exemple"
    settings.HOST_ADDRESS = "2 place Exemple, 75000 Paris"
    settings.MAP_TILES_ATTRIBUTION = '<a href="https://tiles.example.org/">Tuiles Exemple</a>'
    html = client.get(url("pages:legal", "eu")).content.decode()
    for value in ("Agence Exemple", "1 rue de l&#x27;Exemple, 64100 Bayonne", "Mme Directrice",
                  "Hébergeur Exemple", "2 place Exemple, 75000 Paris",
                  '<a href="https://tiles.example.org/">Tuiles Exemple</a>',
                  "AGPL-3.0-or-later", "Licence Ouverte 2.0"):  # fmt: skip
        assert value in html, value


def test_the_site_plan_lists_the_sections_and_the_themes(client, reference):
    html = client.get(url("pages:sitemap", "es")).content.decode()
    for name in ("actors:home", "opendata_pages:data", "pages:contact", "pages:legal",
                 "account_login"):  # fmt: skip
        assert f'href="{url(name, "es")}"' in html
    assert '?theme=low-tech"' in html


def test_the_share_block_mails_the_pages_own_address(client, reference):
    actor = ActorFactory(name="Atelier Konpon")
    html = client.get(actor.get_absolute_url()).content.decode()
    body = f"Atelier%20Konpon%0Ahttp%3A//testserver{actor.get_absolute_url()}"
    assert f'href="mailto:?subject=Atelier%20Konpon&amp;body={body}"' in html
    html = client.get(reverse("actors:home") + "?theme=low-tech").content.decode()
    assert "body=Annuaire%20des%20acteurs" in html
    assert "%0Ahttp%3A//testserver/fr/%3Ftheme%3Dlow-tech" in html
    assert html.count("data-share-button") == 1


def test_robots_txt_points_to_the_sitemap_and_keeps_robots_out_of_accounts(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert {"Disallow: /admin/", "Disallow: /eu/mon-espace/", "Disallow: /es/moderation/"} <= set(
        lines
    )
