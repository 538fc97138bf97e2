"""The directory map's réalisations layer, on a phone and a laptop: a labelled checkbox
ticked with the keyboard shows one badge a commune, its popup opened with Enter links to the
réalisations, unticking hides them, the list is not reloaded, no axe violation, nothing
fetched from elsewhere."""

import pytest
from django.core.cache import cache

from expertise.demo import load_demo_expertise
from expertise.models import Realisation
from tests.browser.conftest import SIZES, Visit

BADGE = "#map .marker-realisation"
# A badge of one commune (badges closer than a touch target are merged into one that zooms).
ONE = BADGE + "[aria-haspopup]"


@pytest.fixture(params=list(SIZES))
def sized(request, browser, live_server, demo_content_tx):
    demo_content_tx(load_demo_expertise)
    cache.clear()
    width, height = SIZES[request.param]
    context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": height})
    visit = Visit(context.new_page(), live_server.url)
    yield visit
    context.close()


def open_map(visit):
    visit.goto("/fr/")
    switch = visit.page.locator("#view-switch")
    if switch.is_visible():  # phones show the list first
        switch.click()
    visit.page.wait_for_selector("#map .marker-point, #map .marker-cluster")
    return visit.page


def test_the_layer_is_switched_with_the_keyboard(sized):
    page = open_map(sized)
    assert page.locator(BADGE).count() == 0
    box = page.get_by_label("Montrer les réalisations des acteurs")
    assert not box.is_checked()
    results_before = page.locator("#results").inner_html()
    box.focus()
    page.keyboard.press("Space")
    page.wait_for_selector(BADGE)
    assert box.is_checked()
    # Each published réalisation counted once a commune it concerns.
    placed = Realisation.communes.through.objects.filter(realisation__status="published")
    assert placed.count() > 0
    counts = page.locator(BADGE).all_inner_texts()
    assert sum(int(count) for count in counts) == placed.count()
    # A layer, not a filter: the results stay as they were.
    assert page.locator("#results").inner_html() == results_before
    assert "realisations" not in page.url

    group = page.locator(BADGE + ":not([aria-haspopup])")
    while group.count():  # Enter on a merged badge zooms in, the focus on a badge still
        assert group.first.get_attribute("aria-label").startswith("Réalisations de ")
        handle = group.first.element_handle()
        handle.focus()
        page.keyboard.press("Enter")
        page.wait_for_function(
            "el => !el.isConnected && document.activeElement.matches('#map .marker-realisation')",
            arg=handle,
        )
    badge = page.locator(ONE).first
    label = badge.get_attribute("aria-label")
    assert label.startswith("Réalisations à "), label
    badge.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.matches('.leaflet-popup-content a')")
    href = page.evaluate("document.activeElement.getAttribute('href')")
    assert href.startswith("/fr/realisations/"), href
    links = page.locator(".realisations-popup a")
    assert links.last.get_attribute("href").startswith("/fr/realisations/?commune=")
    assert sized.axe_violations() == []

    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('.leaflet-popup')")
    box.focus()
    page.keyboard.press("Space")
    page.wait_for_function(f"() => !document.querySelector('{BADGE}')")
    assert not box.is_checked()
    assert sized.errors == [] and sized.foreign == []


def test_a_popup_link_opens_the_realisation(sized):
    page = open_map(sized)
    page.get_by_label("Montrer les réalisations des acteurs").check()
    page.locator(ONE).last.click()
    link = page.locator(".realisations-popup li a").first
    title = link.inner_text()
    # Enter on the link: the popup may still be panning the map into view, where a pointer
    # click can land beside a link that moves.
    with page.expect_navigation(url="**/fr/realisations/*/"):
        link.press("Enter")
    assert page.locator("h1").inner_text() == title
    assert sized.errors == []
