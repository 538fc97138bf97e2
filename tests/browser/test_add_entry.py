"""The way in to adding an organisation, in a browser: reachable with the keyboard, its focus
visible, accessible, and no horizontal scroll on a 320 px wide screen."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.factories import ActorFactory

WHY = "Créez un compte pour ajouter votre organisation"


@pytest.mark.parametrize("fixture", ["visit", "visit_without_js"])
def test_the_entries_fit_a_narrow_screen_and_pass_axe(request, fixture):
    visit = request.getfixturevalue(fixture)
    actor = ActorFactory(name="Konponketa Lantegia")
    visit.page.set_viewport_size({"width": 320, "height": 740})
    for path in ("/fr/?q=zzqxwv", "/eu/?q=zzqxwv", actor.get_absolute_url(),
                 "/fr/compte/signup/?next=/fr/organisations/ajouter/"):  # fmt: skip
        assert visit.goto(path).status == 200, path
        assert visit.page.evaluate("document.documentElement.scrollWidth") <= 320, path
        assert visit.axe_violations() == [], path


def test_the_header_entry_is_reached_by_keyboard_and_leads_to_sign_up(visit):
    visit.goto("/fr/")
    for _ in range(20):
        visit.page.keyboard.press("Tab")
        if visit.page.evaluate("document.activeElement.textContent") == "Menu":
            visit.page.keyboard.press("Enter")  # the header's menu opens from the keyboard
        if visit.page.evaluate("document.activeElement.textContent") == "Ajouter mon organisation":
            break
    else:
        pytest.fail("the header's link was not reached by the keyboard")
    outline = visit.page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    visit.page.keyboard.press("Enter")
    visit.page.wait_for_url("**/compte/signup/**")
    url = urlsplit(visit.page.url)
    assert parse_qs(url.query) == {"next": ["/fr/organisations/ajouter/"]}
    assert WHY in visit.page.locator("main").inner_text()
