"""The directory on a phone and a laptop, JavaScript on and off: after a search the form, the
count and the first result are in the first screen; the first result is a few Tab presses
away; filters live in a panel whose button gives the live count; paging lands on the results
and names the page; axe finds nothing with the results shown and the filters open."""

import re

import pytest
from playwright.sync_api import expect

from actors.models import Actor
from tests.browser.conftest import SIZES

SEARCH = "/fr/?q=ordinateur&near=Bayonne"
# Tab stops before the first result of SEARCH, from the top: the 2 skip links (to the results,
# to the filters), the brand, the header's menu (languages and account, closed), the search
# (what, where, button, and "around me" with JavaScript) and the filters' summary. The radius
# is in the filters; the search and the place are not repeated as chips; the phone's map/list
# switch floats after the list; the map's markers come after the list.
TAB_BUDGET = 10


def in_viewport(page, selector):
    box = page.locator(selector).first.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] > -1 and box["y"] + box["height"] < height + 1


def active(page):
    return page.evaluate(
        "({id: document.activeElement.id, text: document.activeElement.textContent.trim(),"
        " first: document.activeElement === document.querySelector('.results-list .actor-card a')})"
    )


@pytest.mark.parametrize("size", SIZES)
def test_after_a_search_the_form_count_and_first_result_are_in_the_first_screen(tab, demo_tx, size):
    tab.goto("/fr/")
    tab.page.fill("#id_q", "ordinateur")
    tab.page.fill("#id_near", "Bayonne")
    tab.page.press("#id_near", "Enter")
    tab.page.wait_for_url("**/?q=ordinateur&near=Bayonne*")
    expect(tab.page.locator("#results")).to_have_text(re.compile(r"^\s*\d+ acteurs trouvés"))
    for selector in ("#id_q", "#id_near", "#results", ".results-list .actor-card h3 a"):
        assert in_viewport(tab.page, selector), (selector, size, tab.js)
    assert tab.page.evaluate("document.scrollingElement.scrollWidth") <= SIZES[size][0]
    assert tab.page.title() == "Ordinateur près de Bayonne — Néo Num Carto"
    if tab.js:  # the search moved focus to the results' heading, without scrolling away
        assert active(tab.page)["id"] == "results"
        assert tab.page.evaluate("window.scrollY") == 0
    assert tab.errors == [] and tab.foreign == []


@pytest.mark.parametrize("size", SIZES)
def test_the_first_result_is_a_few_tab_presses_from_the_top(tab, demo_tx, size):
    tab.goto(SEARCH)
    presses = 0
    while not active(tab.page)["first"] and presses < 60:
        tab.page.keyboard.press("Tab")
        presses += 1
    print(f"{size}, JavaScript {'on' if tab.js else 'off'}: {presses} Tab presses")
    assert active(tab.page)["first"]
    assert presses <= TAB_BUDGET
    # With the skip link: one Tab, Enter, and the next Tab is the first result (no chips: the
    # search and the place are in their fields).
    tab.goto(SEARCH)
    fragments = []
    tab.on("request", lambda r: fragments.append(r.url) if r.headers.get("x-fragment") else None)
    tab.page.keyboard.press("Tab")
    assert active(tab.page)["text"] == "Aller aux résultats"
    tab.page.keyboard.press("Enter")
    assert active(tab.page)["id"] == "results"
    tab.page.keyboard.press("Tab")
    assert active(tab.page)["first"], active(tab.page)
    # The link changed only the fragment: the list is not fetched again (which replaced it
    # under the focus). A request of the page's own, awaited, lets any earlier one be seen.
    tab.page.evaluate("fetch(location.pathname).then(r => r.text())")
    assert fragments == []
    assert active(tab.page)["first"], active(tab.page)


@pytest.mark.parametrize("size", SIZES)
def test_skip_link_to_the_filters_opens_them(tab, demo_tx, size):
    tab.goto(SEARCH)
    assert not tab.page.locator("#f-theme-low-tech").is_visible()
    for _ in range(2):
        tab.page.keyboard.press("Tab")
    assert active(tab.page)["text"] == "Aller aux filtres"
    tab.page.keyboard.press("Enter")
    assert active(tab.page)["id"] == "filters"
    expect(tab.page.locator("#f-theme-low-tech")).to_be_visible()


@pytest.mark.parametrize("size", SIZES)
def test_filters_panel_gives_the_live_count_and_announces_it(tab, demo_tx, size):
    if not tab.js:
        pytest.skip("without JavaScript the panel applies on its button (test_directory.py)")
    page = tab.page
    tab.goto("/fr/")
    page.evaluate("document.getElementById('results-status').dataset.kept = 'yes'")
    page.locator("details.filters > summary").click()
    apply = page.locator("details.filters button.apply")
    expect(apply).to_have_accessible_name("Voir 80 résultats")
    page.locator("#f-theme-low-tech").check()
    expected = Actor.objects.published().filter(themes__slug="low-tech").count()
    label = f"Voir {expected} résultat" + ("s" if expected > 1 else "")
    expect(apply).to_have_accessible_name(label)
    # The box keeps focus, the panel stays open, the count is announced by the same region.
    assert active(page)["id"] == "f-theme-low-tech"
    assert page.locator("details.filters").evaluate("d => d.open")
    status = page.locator("#results-status")
    expect(status).to_have_text(re.compile(rf"^{expected} acteurs? trouvés?"))
    assert status.get_attribute("data-kept") == "yes"
    assert page.locator("#results").get_attribute("role") is None
    apply.click()
    expect(page.locator("details.filters")).not_to_have_attribute("open", "")
    assert active(page)["id"] == "results"
    assert in_viewport(page, "#results")
    assert tab.errors == []


@pytest.mark.parametrize("size", SIZES)
def test_paging_lands_on_the_results_and_names_the_page(tab, demo_tx, size):
    tab.goto("/fr/?near=Anglet&radius=50")
    assert tab.page.title() == "Acteurs près d'Anglet — Néo Num Carto"
    tab.page.get_by_role("link", name="Page suivante").click()
    tab.page.wait_for_url("**page=2*")
    expect(tab.page).to_have_title("Acteurs près d'Anglet — page 2 — Néo Num Carto")
    assert active(tab.page)["id"] == "results"
    assert in_viewport(tab.page, "#results")
    tab.page.keyboard.press("Tab")  # no chips: the place is in its field
    assert active(tab.page)["first"]


@pytest.mark.parametrize("size", ["phone"])
def test_on_a_phone_the_list_comes_first_and_the_switch_shows_the_map(tab, demo_tx, size):
    page = tab.page
    tab.goto("/fr/")
    switch = page.locator("#view-switch")
    if not tab.js:
        assert not switch.is_visible() and not page.locator("#map").is_visible()
        return
    assert not page.locator("#map").is_visible()
    assert page.locator(".results-list").is_visible()
    switch.click()
    expect(page.locator("#map")).to_be_visible()
    expect(switch).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".marker-point, .marker-cluster").first).to_be_visible()
    assert not page.locator(".results-list").is_visible()
    switch.click()
    expect(page.locator(".results-list")).to_be_visible()
    assert not page.locator("#map").is_visible()
    assert tab.errors == []


@pytest.mark.parametrize("tab", [True], indirect=True)
@pytest.mark.parametrize("size", ["phone"])
def test_on_a_phone_a_focused_result_is_not_under_the_floating_switch(tab, demo_tx, size):
    """WCAG 2.4.11: a link reached with Tab scrolls clear of the "Afficher la carte" button
    floating at the bottom of the screen."""
    page = tab.page
    tab.goto("/fr/")
    page.locator(".results-list .actor-card a").first.focus()
    covered = []
    for _ in range(12):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "(() => { const e = document.activeElement, s = document.querySelector('#view-switch');"
            " if (!e.closest('.results-list')) return null;"
            " return {text: e.textContent.trim(), bottom: e.getBoundingClientRect().bottom,"
            " top: s.getBoundingClientRect().top}; })()"
        )
        if focused and focused["bottom"] > focused["top"]:
            covered.append(focused)
    assert covered == []
    assert tab.errors == []


@pytest.mark.parametrize("size", SIZES)
def test_directory_with_results_and_open_filters_has_no_axe_violation(tab, demo_tx, size):
    tab.goto("/fr/?theme=inclusion-mediation&near=Bayonne")
    assert tab.axe_violations() == []
    tab.page.locator("details.filters > summary").click()
    expect(tab.page.locator("#f-theme-low-tech")).to_be_visible()
    assert tab.axe_violations() == []


@pytest.mark.parametrize("size", SIZES)
def test_focus_ring_contrasts_on_the_header_and_the_page(tab, demo_tx, size):
    """A dark ring (on light backgrounds) inside a white halo (on the dark header)."""
    tab.goto("/fr/")
    tab.page.keyboard.press("Tab")  # the first skip link
    for _ in range(3):  # to the brand, in the header
        tab.page.keyboard.press("Tab")
        if active(tab.page)["text"] == "Néo Num Carto":
            break
    style = tab.page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return {outline: s.outlineStyle, color: s.outlineColor, shadow: s.boxShadow}; })()"
    )
    assert active(tab.page)["text"] == "Néo Num Carto"
    assert style["outline"] == "solid" and style["color"] == "rgb(27, 31, 29)"
    assert "rgb(255, 255, 255)" in style["shadow"] and "7px" in style["shadow"]
