"""The actor page and the directory's "Ouverture" filter in a real browser, on a phone and a
laptop, JavaScript on and off: contact and hours near the top on a phone, nothing loaded
from another site, no sideways scrolling, no axe violation."""

import re

import pytest
from playwright.sync_api import expect

from actors.models import Actor
from tests.browser.conftest import SIZES


@pytest.mark.parametrize("size", list(SIZES))
def test_the_actor_page_puts_contact_and_hours_first(tab, demo_tx, size):
    actor = Actor.objects.get(slug="demo-clic-adour")
    assert tab.goto(actor.get_absolute_url()).status == 200
    page = tab.page
    width, height = SIZES[size]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # The contact block starts within the first screen, the hours right after it.
    assert page.locator("#contact").bounding_box()["y"] < height
    assert page.locator("table.week-hours tr.today").count() == 1
    assert page.get_by_role("link", name="Itinéraire (OpenStreetMap)").is_visible()
    assert page.get_by_role("link", name="Fiche détaillée sur Acceslibre").is_visible()
    assert tab.foreign == [] and tab.errors == []
    assert tab.axe_violations() == []


def found(page):
    """The number in the results' heading ("21 acteurs trouvés")."""
    return int(page.locator("#results").inner_text().split()[0])


@pytest.mark.parametrize("size", ["phone"])
def test_the_open_filter_narrows_the_directory(tab, demo_tx, size):
    tab.goto("/fr/")
    page = tab.page
    before = found(page)
    page.locator("details.filters > summary").click()  # the filters' panel is closed
    page.locator("#id_open").select_option("sa")
    if not tab.js:
        page.locator("button.apply").click()
    # With JavaScript the list is replaced in place and the address pushed (no load event).
    page.locator(".chips").get_by_text("Ouvert le samedi").wait_for()
    expect(page).to_have_url(re.compile(r"[?&]open=sa\b"))
    assert 0 < found(page) < before
    assert page.locator(".chips").get_by_text("Ouvert le samedi").is_visible()
    expect(page.locator("#id_open")).to_have_value("sa")
    assert tab.errors == []
    assert tab.axe_violations() == []
