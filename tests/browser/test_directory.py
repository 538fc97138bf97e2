"""The directory in a real browser: with JavaScript (live filters, map) and without."""

import gzip
import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from actors import mapdata
from actors.models import Actor

HOME_BUDGET = 150_000
ACTOR_BUDGET = 40_000


def wire_bytes(visit):
    """What the page's requests weigh compressed (gzip, as served in production by whitenoise
    and the proxy), tiles excluded."""
    total = 0
    for url, body in visit.bodies.items():
        if "blank-tile.png" in url:
            continue
        total += len(gzip.compress(body, 6)) if visit.compressible[url] else len(body)
    return total


def actors_on_map(page):
    """Actors the map shows: its points plus its clusters' counts (near ones are merged)."""
    counts = page.locator(".marker-cluster").all_inner_texts()
    return sum(int(c) for c in counts) + page.locator(".marker-point").count()


def test_filtering_with_javascript_updates_list_url_and_map_without_reload(visit, demo_tx):
    visit.goto("/fr/")
    visit.page.evaluate("window.__sameDocument = true")
    count = visit.page.locator(".results-count")
    assert count.inner_text().startswith("80 ")
    visit.page.locator("details.filters > summary").click()  # the filters' panel is closed
    visit.page.locator("#f-theme-low-tech").check()
    visit.page.wait_for_url("**/?theme=low-tech")
    expected = Actor.objects.published().filter(themes__slug="low-tech").count()
    expect(count).to_have_text(re.compile(rf"^\s*{expected} "))
    assert visit.page.evaluate("window.__sameDocument") is True
    cards = visit.page.locator(".results-list .actor-card")
    assert cards.count() == min(expected, 20)
    # The map shows the filtered actors.
    visit.page.wait_for_function(
        "n => document.querySelectorAll('.marker-point').length"
        " + [...document.querySelectorAll('.marker-cluster')].reduce("
        "(s, c) => s + Number(c.textContent), 0) === n",
        arg=expected,
    )
    # Back restores the unfiltered list.
    visit.page.go_back()
    expect(count).to_have_text(re.compile(r"^\s*80 "))
    assert visit.page.evaluate("window.__sameDocument") is True
    assert visit.errors == []
    assert visit.foreign == []


def test_markers_and_clusters_appear(visit, demo_tx, monkeypatch):
    visit.goto("/fr/")
    visit.page.wait_for_selector(".marker-point")
    assert actors_on_map(visit.page) == 80
    monkeypatch.setattr(mapdata, "MAX_POINTS", 10)
    cache.clear()  # the points above are cached for this very query
    visit.goto("/fr/")
    visit.page.wait_for_selector(".marker-cluster")
    assert actors_on_map(visit.page) == 80
    label = visit.page.locator(".marker-cluster").first.get_attribute("aria-label")
    assert "acteurs ici" in label


def test_the_map_asks_nothing_for_criteria_the_list_refused(visit, demo_tx):
    asked = []
    visit.on("response", lambda r: "/carte/donnees" in r.url and asked.append(r.status))
    assert visit.goto("/fr/?theme=inexistant").status == 400
    expect(visit.page.locator("#errors")).to_be_visible()
    visit.page.wait_for_selector(".leaflet-container")
    visit.page.wait_for_load_state("networkidle")
    assert asked == [] and visit.page.locator(".marker-point, .marker-cluster").count() == 0
    # The page itself answers 400, which Chromium logs; nothing else may be.
    assert [e for e in visit.errors if "status of 400" not in e] == []
    # The same tab asks for the map's data of criteria the list takes.
    visit.goto("/fr/?theme=low-tech")
    visit.page.wait_for_selector(".marker-point, .marker-cluster")
    assert asked and set(asked) == {200}


def test_list_and_markers_highlight_each_other_with_the_keyboard(visit, demo_tx):
    visit.goto("/fr/?commune=64102")
    visit.page.wait_for_selector(".marker-point")
    first = visit.page.locator(".results-list .actor-card").first
    actor_id = first.get_attribute("data-actor-id")
    first.locator("a").focus()
    marker = visit.page.locator(f'.marker-point[data-actor-id="{actor_id}"]')
    assert "is-active" in marker.get_attribute("class")
    marker.focus()
    assert "is-active" in first.get_attribute("class")
    visit.page.keyboard.press("Enter")
    popup_link = visit.page.locator(".leaflet-popup-content a")
    assert popup_link.get_attribute("href").startswith("/fr/acteurs/")


def test_search_in_this_area(visit, demo_tx):
    visit.goto("/fr/?commune=64371")
    visit.page.wait_for_selector(".marker-point")
    visit.page.get_by_role("button", name="Rechercher dans cette zone").click()
    visit.page.wait_for_url("**bbox=*")
    assert visit.page.locator(".chips").inner_text().count("Zone de la carte") == 1


def test_the_whole_flow_works_without_javascript(visit_without_js, demo_tx):
    page = visit_without_js.page
    visit_without_js.goto("/fr/")
    assert page.locator(".map-panel").is_hidden()
    page.locator("details.filters > summary").click()  # the filters' panel is closed
    page.locator("#f-theme-low-tech").check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    assert "theme=low-tech" in page.url
    expected = Actor.objects.published().filter(themes__slug="low-tech").count()
    assert page.locator(".results-count").inner_text().startswith(f"{expected} ")
    page.fill("#id_q", "numerik")
    page.get_by_role("button", name="Rechercher").first.click()
    # The click returns once the navigation starts: wait for the new page before counting.
    page.wait_for_url("**q=numerik**", wait_until="load")
    expect(page.locator(".actor-card").first).to_be_visible()
    page.get_by_role("link", name="Tout effacer").click()
    page.get_by_role("link", name="Page suivante").click()
    assert "page=2" in page.url
    page.locator(".actor-card a").first.click()
    page.wait_for_url("**/fr/acteurs/*/", wait_until="load")
    assert visit_without_js.axe_violations() == []


@pytest.mark.parametrize(
    "path",
    ["/fr/", "/fr/?theme=inclusion-mediation&near=Bayonne", "/fr/?theme=nope", "/fr/?q=zzqxwv"],
)
def test_directory_pages_are_accessible(visit, demo_tx, path):
    visit.goto(path)
    assert visit.axe_violations() == []


def test_filtered_list_is_accessible_without_javascript(visit_without_js, demo_tx):
    visit_without_js.goto("/fr/?theme=inclusion-mediation&language=euskara")
    assert visit_without_js.axe_violations() == []


def test_page_weights_stay_within_budget(visit, demo_tx):
    visit.record_bodies()
    visit.goto("/fr/")
    visit.page.wait_for_selector(".marker-point")
    home = wire_bytes(visit)
    actor = Actor.objects.published().order_by("name").first()
    visit.reset()
    visit.goto(actor.get_absolute_url())
    page = wire_bytes(visit)
    print(f"home {home} B, actor page {page} B")
    assert home <= HOME_BUDGET
    assert page <= ACTOR_BUDGET


def test_actor_page_rebuilds_the_email_link(visit, demo_tx):
    actor = Actor.objects.published().exclude(email="").first()
    visit.goto(actor.get_absolute_url())
    link = visit.page.locator(".protected-email a")
    assert link.get_attribute("href") == f"mailto:{actor.email}"
