"""Everyday-words search in a browser, JavaScript on and off, on a phone and a laptop: what
the search understood, the closest results of a search that found nothing and the note on
sorting by distance without a place fit the screen and pass axe."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SIZES

PAGES = {
    "/fr/?q=mon+ordi+rame": ".understood",
    "/fr/?q=Errobi+dimanche+matin": "#relaxed-message",
    "/eu/?q=zerga+aitorpena": ".understood",
    "/fr/?sort=distance": "#sort-notice",
}


@pytest.mark.parametrize("size", SIZES)
def test_the_notes_and_closest_results_fit_and_pass_axe(tab, demo_tx, size):
    width = SIZES[size][0]
    for path, note in PAGES.items():
        assert tab.goto(path).status == 200, path
        expect(tab.page.locator(note)).to_be_visible()
        assert tab.page.locator(".actor-card").count() > 0, path
        assert tab.page.evaluate("document.documentElement.scrollWidth") <= width, path
        assert tab.axe_violations() == [], path


@pytest.mark.parametrize("size", ["phone"])
def test_a_search_in_everyday_words_says_what_it_understood(tab, demo_tx, size):
    tab.goto("/fr/")
    tab.page.fill("#id_q", "écran de téléphone cassé")
    tab.page.get_by_role("button", name="Rechercher").first.click()
    understood = tab.page.locator(".understood")
    expect(understood).to_contain_text("Réparation d'ordinateurs, de téléphones et de tablettes")
    assert tab.page.locator(".actor-card").count() > 0
