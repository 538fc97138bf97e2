"""The forms of an actor's events, réalisations and ressources keep what a member typed, as
the profile form does: with JavaScript, leaving with something unsaved asks first, and a form
sent back with a mistake starts from its list of errors; without, the form comes back whole."""

import pytest

from contributions.models import Membership, Role
from tests.browser.contributions.conftest import log_in
from tests.contributions.conftest import make_user
from tests.factories import ActorFactory

FORMS = ["agenda/ajouter", "realisations/ajouter", "ressources/ajouter"]
TYPED = "Un atelier de réparation ouvert à tous."


@pytest.fixture
def member_actor_tx(reference_tx):
    actor = ActorFactory(name="Atelier des Possibles")
    Membership.objects.create(user=make_user("membre@example.org"), actor=actor, role=Role.OWNER)
    return actor


@pytest.mark.parametrize("size", ["phone"])
def test_what_a_member_typed_is_kept_on_every_form_of_an_actor(tab, member_actor_tx, size):
    page = tab.page
    dialogs, leaving = [], []
    # Asked to leave, the member stays, but for moving on to the next form (`leaving`).
    tab.on("dialog", lambda d: (dialogs.append(d.type), d.accept() if leaving else d.dismiss()))
    log_in(tab, "membre@example.org")
    for path in FORMS:
        url = f"/fr/acteurs/{member_actor_tx.slug}/{path}/"
        leaving[:] = [True]
        tab.goto(url)
        leaving.clear()
        dialogs.clear()
        page.fill("#id_summary", TYPED)
        if tab.js:
            page.click("header .brand")
            assert dialogs == ["beforeunload"], path
            dialogs.clear()
            assert page.url.endswith(url) and page.input_value("#id_summary") == TYPED, path
        # No title in any language: sent back, with what was typed.
        with page.expect_navigation():
            page.click("text=Enregistrer le brouillon")
        assert page.locator("#errors").is_visible(), path
        assert page.input_value("#id_summary") == TYPED, path
        if tab.js:
            assert page.evaluate("document.activeElement.id") == "errors", path
            # Shown back, the form holds what was not saved: leaving still asks.
            page.click("header .brand")
            assert dialogs == ["beforeunload"], path
            dialogs.clear()
            assert page.input_value("#id_summary") == TYPED, path
        assert dialogs == [], path
    assert tab.axe_violations() == []
    # The form shown back answers 400, which Chromium logs; nothing else may be.
    assert [e for e in tab.errors if "status of 400" not in e] == [] and tab.foreign == []
