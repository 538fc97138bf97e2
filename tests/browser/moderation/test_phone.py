"""The console on a 360 × 740 phone, with and without JavaScript: no page scrolls sideways,
axe finds nothing, the logos and the new organisation's map are there, and publishing leads
to the public page, which shows the logo."""

import pytest

from contributions import profile
from moderation import workflow
from tests.browser.conftest import route_media
from tests.browser.contributions.conftest import log_in
from tests.browser.moderation.test_console import console  # noqa: F401
from tests.moderation.conftest import give_logo, logo_file

PHONE = {"width": 360, "height": 740}


def serve_media(visit):
    for page in filter(None, [visit.page, visit.auditor]):
        page.set_viewport_size(PHONE)
        route_media(page)


def assert_fits_and_is_accessible(visit, path):
    assert visit.goto(path).status == 200, path
    width = visit.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], (path, width)
    assert visit.axe_violations() == [], path


def loaded_logos(visit):
    return visit.page.eval_on_selector_all(
        "img.logo", "images => images.filter(i => i.complete && i.naturalWidth > 0).length"
    )


@pytest.mark.parametrize("fixture", ["visit", "visit_without_js"])
def test_the_queue_and_items_fit_a_phone(request, console, fixture):  # noqa: F811
    visit = request.getfixturevalue(fixture)
    serve_media(visit)
    actor, new_org = console["actor"], console["new_org"]
    give_logo(actor)
    give_logo(new_org.actor, "blue")
    # A change of logo with a long unbroken value: the stacked table must still fit.
    values = {**profile.snapshot(actor), "website": "https://" + "tres-long-" * 12 + ".org"}
    logo_change = workflow.propose_change(
        actor, console["people"]["owner"], values, actor.updated_at, logo=logo_file("red")
    )
    log_in(visit, "moderatrice@example.org")
    visit.page.set_viewport_size(PHONE)

    assert_fits_and_is_accessible(visit, "/fr/moderation/")
    visit.page.locator("img.logo").first.scroll_into_view_if_needed()
    assert loaded_logos(visit) >= 1
    for path in [
        f"/fr/moderation/demandes/{logo_change.pk}/",
        f"/fr/moderation/demandes/{console['change'].pk}/",
        f"/fr/moderation/revendications/{console['claim'].pk}/",
        f"/fr/moderation/suggestions/{console['suggestion'].pk}/",
        f"/fr/moderation/acteurs/{actor.slug}/",
        "/fr/moderation/fiches-a-verifier/",
        "/fr/moderation/tableau-de-bord/",
    ]:
        assert_fits_and_is_accessible(visit, path)

    assert_fits_and_is_accessible(visit, f"/fr/moderation/demandes/{new_org.pk}/")
    main = visit.page.locator("main")
    assert main.locator("img.logo[alt='Logo proposé']").count() == 1
    assert main.locator(".minimap svg path").count() == 1
    assert loaded_logos(visit) == 1

    visit.page.click("button[value=approve]")
    visit.page.wait_for_url(f"**/moderation/demandes/{new_org.pk}/")
    assert "Décision enregistrée" in main.inner_text()
    assert visit.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert visit.axe_violations() == []
    # The oldest item still waiting is offered next.
    assert main.locator(f"a[href='/fr/moderation/demandes/{console['change'].pk}/']").count()
    main.get_by_role("link", name="Voir la page publique").click()
    visit.page.wait_for_url(f"**{new_org.actor.get_absolute_url()}")
    assert visit.page.locator("main header img.logo").count() == 1
    assert loaded_logos(visit) == 1
    assert visit.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert visit.foreign == [] and visit.errors == []
