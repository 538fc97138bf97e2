"""WCAG 1.4.10 (reflow): at 320 CSS pixels wide no public, account or moderation page scrolls
sideways, long unbroken addresses and values included."""

import pytest

from tests.browser.conftest import route_media
from tests.browser.contributions.conftest import log_in, people_tx  # noqa: F401
from tests.browser.moderation.test_console import console, console_pages  # noqa: F401
from tests.factories import ActorFactory

NARROW = {"width": 320, "height": 640}
LONG = "tres-long-" * 8
# A name with no place to break it: titles and cards must still wrap it.
UNBROKEN = "Association" + "Treslongnom" * 8


def overflowing(visit, paths):
    """The paths whose page is wider than the screen, with the width they need."""
    visit.page.set_viewport_size(NARROW)
    route_media(visit.page)
    wide = []
    for path in paths:
        response = visit.goto(path)
        assert response.status in (200, 400, 404), (path, response.status)
        width = visit.page.evaluate("document.scrollingElement.scrollWidth")
        if width > NARROW["width"]:
            wide.append((path, width, visit.page.evaluate(CULPRITS)))
    return wide


# The innermost elements that stick out, to say what to fix.
CULPRITS = """[...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > innerWidth + 1
               && ![...e.children].some(c => c.getBoundingClientRect().right > innerWidth + 1))
  .slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + e.className)"""


@pytest.mark.parametrize("fixture", ["visit", "visit_without_js"])
def test_public_pages_reflow_at_320_px(request, demo_tx, fixture):
    visit = request.getfixturevalue(fixture)
    actor = ActorFactory(
        name="Association " + LONG,
        website=f"https://{LONG}.example.org/{LONG}",
        email=f"contact-{LONG}@example.org",
    )
    unbroken = ActorFactory(name=UNBROKEN)
    paths = [
        unbroken.get_absolute_url(),
        "/fr/",
        "/fr/?q=ordinateur&near=Bayonne",
        "/fr/?theme=nope",
        "/fr/?q=zzqxwv",
        "/eu/?near=Anglet&radius=50&page=2",
        actor.get_absolute_url(),
        f"{actor.get_absolute_url()}suggerer/",
        "/fr/embed/?theme=low-tech",
        "/fr/api/",
        "/fr/donnees/",
        "/fr/confidentialite/",
        "/fr/compte/login/",
        "/fr/compte/signup/",
        "/fr/compte/password/reset/",
        "/fr/acteurs/personne/",
    ]
    assert overflowing(visit, paths) == []


def test_account_and_moderation_pages_reflow_at_320_px(visit, console):  # noqa: F811
    actor, change = console["actor"], console["change"]
    actor.name = UNBROKEN  # in the titles of the member's pages
    actor.save()
    log_in(visit, "editrice@example.org")
    account = [
        "/fr/mon-espace/",
        f"/fr/acteurs/{actor.slug}/modifier/",
        f"/fr/acteurs/{actor.slug}/demandes/{change.pk}/",
        f"/fr/acteurs/{actor.slug}/membres/",
        "/fr/organisations/ajouter/",
    ]
    assert overflowing(visit, account) == []
    log_in(visit, "moderatrice@example.org")
    moderation = console_pages(console)
    assert overflowing(visit, moderation) == []
