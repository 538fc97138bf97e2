"""The profile form on the narrowest phone: no sideways scrolling, sections reached from the
summary at the top, opening hours typed day by day, no accessibility violation."""

from actors.models import Actor
from contributions.models import Membership, Role
from tests.browser.conftest import Visit, submit
from tests.browser.contributions.conftest import log_in
from tests.contributions.conftest import make_user
from tests.factories import ActorFactory


def test_the_sectioned_form_fits_320_px(browser, live_server, reference_tx):
    owner = make_user("proprio@example.org")
    draft = ActorFactory(name="Brouillon étroit", draft=True, opening_hours="")
    Membership.objects.create(user=owner, actor=draft, role=Role.OWNER)
    context = browser.new_context(locale="fr-FR", viewport={"width": 320, "height": 640})
    tab = Visit(context.new_page(), live_server.url)
    page = tab.page
    log_in(tab, "proprio@example.org")
    tab.goto(f"/fr/acteurs/{draft.slug}/modifier/")
    overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    assert page.evaluate(overflow) == 0
    assert tab.axe_violations() == []

    page.click(".form-progress >> text=Lieu et horaires d'ouverture")
    assert page.url.endswith("#section-place")
    assert page.locator("#section-place").is_visible()
    page.fill("#id_opening_hours_sa_1_start", "10:00")
    page.fill("#id_opening_hours_sa_1_end", "12:30")
    page.fill("#id_opening_hours_sa_2_start", "14:00")
    page.fill("#id_opening_hours_sa_2_end", "17:00")
    submit(page, "text=Enregistrer le brouillon")
    assert Actor.objects.get(pk=draft.pk).opening_hours == "Sa 10:00-12:30,14:00-17:00"
    assert page.input_value("#id_opening_hours_sa_2_end") == "17:00"
    assert page.evaluate(overflow) == 0
    assert tab.errors == [] and tab.foreign == []
    context.close()
