"""The agenda in a real browser, on a phone and a laptop, with and without JavaScript: no
script error, nothing scrolling sideways, no axe violation, the filters work as a plain
form, the map shows its markers when scripts run; an event page weighs 40 KB at most. LaNum's
selections, which mix events with the other kinds, are checked here too."""

import pytest
from playwright.sync_api import expect

from events.demo import load_demo_events
from events.models import Event
from expertise.demo import load_demo_expertise
from selections.demo import load_demo_selections
from tests.browser.conftest import no_sideways_scroll
from tests.support import pageweight

EVENT_PAGE_MAX_KB = 40


def read_well(tab, paths):
    for path in paths:
        response = tab.goto(path)
        assert response.status == 200, path
        assert no_sideways_scroll(tab.page), path
        assert tab.axe_violations() == [], path


@pytest.mark.parametrize("size", ["phone", "laptop"])
def test_the_agenda_and_an_event_read_well_at_each_size(tab, demo_content_tx, size):
    demo_content_tx(load_demo_events)
    event = Event.objects.published().filter(place_kind="actor").order_by("slug").first()
    # A word longer than a phone is wide, as members may type (an address, a hashtag).
    Event.objects.filter(pk=event.pk).update(description="Atelier " + "D" * 300 + " ouvert.")
    read_well(tab, ["/fr/agenda/", "/eu/agenda/?when=month", event.get_absolute_url()])
    page = tab.page
    tab.goto("/fr/agenda/")
    map_box = page.locator("#agenda-map")
    if tab.js:
        expect(map_box).to_be_visible()
        expect(page.locator("#agenda-map .leaflet-marker-icon").first).to_be_attached()
        # Leaflet's controls in the page's language, not in Leaflet's English.
        expect(page.locator("#agenda-map .leaflet-control-zoom-in")).to_have_attribute(
            "title", "Zoomer"
        )
        assert (
            page.locator("#agenda-map [title='A JavaScript library for interactive maps']").count()
            == 0
        )
        assert tab.axe_violations() == []  # the map in place, its credits included
    else:
        expect(map_box).to_be_hidden()
    page.locator("summary", has_text="Plus de filtres").click()
    page.get_by_label("Tarif").select_option("paid")
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_load_state()
    assert "price=paid" in page.url
    first = page.locator(".results-list h3 a").first
    expect(first).to_be_visible()
    # The panel stays open on the filter it holds.
    expect(page.locator("details.agenda-filters")).to_have_attribute("open", "")
    first.click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_be_visible()
    assert "/fr/agenda/demo-evenement-" in page.url
    assert tab.foreign == []
    assert tab.errors == []


@pytest.mark.parametrize("size", ["phone", "laptop"])
def test_the_first_event_is_a_few_tab_stops_away(tab, demo_content_tx, size):
    """The facets wait in a closed panel and the map comes after the list, so that the
    keyboard reaches the first event just after the search (the date fields are three stops
    each in Chromium)."""
    demo_content_tx(load_demo_events)
    tab.goto("/fr/agenda/")
    page = tab.page
    first = page.locator(".results-list h3 a").first
    stops = 0
    while not first.evaluate("link => link === document.activeElement"):
        page.keyboard.press("Tab")
        stops += 1
        assert stops <= 22, "the first event is more than 22 tab stops away"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/fr/agenda/demo-evenement-" in page.url
    assert tab.errors == []


def test_an_event_page_weighs_40_kb_at_most(browser, live_server, demo_content_tx):
    demo_content_tx(load_demo_events)
    event = Event.objects.published().order_by("slug").first()
    for javascript in (True, False):
        figures = pageweight.measure(
            browser, live_server.url + event.get_absolute_url(), javascript=javascript
        )
        assert figures.kb <= EVENT_PAGE_MAX_KB, sorted(figures.by_url.items(), key=lambda i: -i[1])
        assert figures.foreign == []


@pytest.mark.parametrize("size", ["phone"])
def test_the_selections_and_the_featured_one_read_well(tab, demo_content_tx, size):
    demo_content_tx(load_demo_expertise, load_demo_events, load_demo_selections)
    read_well(tab, ["/fr/", "/eu/selections/", "/es/selections/demo-coups-de-coeur/"])
    page = tab.page
    tab.goto("/fr/")
    featured = page.locator(".featured-selection")
    expect(featured.locator("h2")).to_have_text("Coups de cœur de LaNum")
    featured.get_by_role("link", name="Voir toute la sélection").click()
    page.wait_for_load_state()
    assert page.url.endswith("/fr/selections/demo-coups-de-coeur/")
    expect(page.locator(".selection-item")).to_have_count(5)
    assert tab.foreign == []
    assert tab.errors == []
