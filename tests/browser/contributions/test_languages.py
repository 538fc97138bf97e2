"""Texts in several languages in a real browser: the Basque visitor reads the French
fallback marked as French, Basque markup stays text, and the profile form's language groups
pass axe and go through a change request."""

import pytest
from django.urls import reverse
from django.utils import translation

from contributions.models import ChangeRequest, Membership, Role
from tests.browser.conftest import Visit, submit
from tests.browser.contributions.conftest import log_in
from tests.factories import ActorFactory

PAYLOAD = '"><img src=x id=xss onerror=alert(1)><script id=xss>alert(2)</script>'


@pytest.fixture
def actor(people_tx):
    actor = ActorFactory(
        name="Konpon Gunea",
        summary="Réparation d'ordinateurs.",
        description_eu=f"Tailerra {PAYLOAD}",
    )
    Membership.objects.create(user=people_tx["editor"], actor=actor, role=Role.OWNER)
    return actor


@pytest.fixture
def visit_eu(browser, live_server, reference_tx):
    context = browser.new_context(locale="eu")
    yield Visit(context.new_page(), live_server.url)
    context.close()


def test_the_basque_page_marks_the_french_fallback_and_keeps_markup_inert(visit_eu, actor):
    dialogs = []
    visit_eu.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with translation.override("eu"):
        url = reverse("actors:detail", kwargs={"slug": actor.slug})
    assert visit_eu.goto(url).status == 200
    page = visit_eu.page
    assert page.locator("p.lead").get_attribute("lang") == "fr"
    assert page.locator("div.description").get_attribute("lang") is None
    # Markdown's sanitiser drops the markup; what is left is text.
    assert page.inner_text("div.description").startswith("Tailerra")
    assert page.locator("#xss").count() == 0 and dialogs == []
    assert visit_eu.axe_violations() == []


def test_an_editor_writes_the_basque_summary(visit, actor, people_tx):
    log_in(visit, "editrice@example.org")
    visit.goto(reverse("contributions:edit", kwargs={"slug": actor.slug}))
    page = visit.page
    assert page.locator("fieldset.languages legend").all_inner_texts() == [
        "Résumé (obligatoire)",
        "Description",
    ]
    assert page.get_attribute("#id_summary_eu", "lang") == "eu"
    # Each label stands above its own field, not beside the previous one.
    for name in ["summary", "summary_eu", "summary_es", "description_eu"]:
        label = page.locator(f"label[for=id_{name}]").bounding_box()
        field = page.locator(f"#id_{name}").bounding_box()
        assert label["y"] + label["height"] <= field["y"], name
        assert abs(label["x"] - field["x"]) < 2, name
    assert visit.axe_violations() == []
    page.get_by_label("Résumé (euskara)").fill("Ordenagailuen konponketa.")
    submit(page, "text=Envoyer ma demande de modification")
    cr = ChangeRequest.objects.get()
    assert cr.proposed["summary_eu"] == "Ordenagailuen konponketa."
    assert "Résumé (euskara)" in page.inner_text("main")
