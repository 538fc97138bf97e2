import json
import re

import pytest

from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor():
    return ActorFactory(
        name="Konpon <Gunea>",
        summary="Réparation & réemploi",
        street_address="12 rue Pannecau",
        email="contact@konpon.example.org",
        phone="05 59 00 00 00",
        website="https://konpon.example.org/",
        opening_hours="Mo-Fr 09:00-12:00; Sa 10:00-12:00",
        themes=["reemploi-reparation", "low-tech"],
        services=["reparation"],
    )


def test_page_shows_public_information_with_links_to_the_directory(client, actor):
    html = client.get(actor.get_absolute_url()).content.decode()
    assert "Konpon &lt;Gunea&gt;" in html
    assert 'href="/fr/?theme=low-tech"' in html
    assert 'href="/fr/?service=reparation"' in html
    assert f'href="/fr/?commune={actor.commune.insee}"' in html
    assert "12 rue Pannecau" in html and "05 59 00 00 00" in html
    assert "lun.-ven. 09:00-12:00" in html
    assert "Pas encore vérifié par l'acteur" in html


def test_email_is_not_in_the_html_but_can_be_rebuilt(client, actor):
    html = client.get(actor.get_absolute_url()).content.decode()
    assert "contact@konpon.example.org" not in html
    assert 'data-user="tcatnoc"' in html and 'data-domain="gro.elpmaxe.nopnok"' in html


def test_structured_data_and_sharing_tags(client, actor):
    html = client.get(actor.get_absolute_url()).content.decode()
    blob = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S).group(
        1
    )
    assert "<" not in blob  # escaped: the name holds a "<"
    data = json.loads(blob)
    assert data["@type"] == "Organization" and data["name"] == "Konpon <Gunea>"
    assert data["address"]["addressLocality"] == "Bayonne"
    assert data["geo"]["latitude"] == round(actor.location.y, 5)
    assert "email" not in data
    canonical = f"http://testserver{actor.get_absolute_url()}"
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f'<meta property="og:url" content="{canonical}">' in html


def test_minimap_draws_the_commune_and_the_place(client, actor):
    html = client.get(actor.get_absolute_url()).content.decode()
    svg = re.search(r'<svg[^>]*aria-labelledby="minimap-caption"[^>]*>.*?</svg>', html, re.S)
    assert svg, "no minimap"
    svg = svg.group(0)
    assert 'role="img"' in svg and '<path d="M' in svg
    assert f'cx="{round(actor.location.x, 5)}"' in svg


def test_the_page_runs_few_queries(client, actor, django_assert_max_num_queries):
    # The eighth: its upcoming events (events.templatetags.events.upcoming_events).
    with django_assert_max_num_queries(8):
        client.get(actor.get_absolute_url())
