"""Saving a search from the directory on a phone, with the keyboard, with and without
JavaScript; the saved search in "Mon espace"; no axe-core violation on the pages involved."""

import pytest

from alerts import tokens
from alerts.models import Subscription
from tests.browser.contributions.conftest import log_in
from tests.contributions.conftest import make_user
from tests.factories import ActorFactory

LABEL = "Annuaire · Accessibilité numérique"


@pytest.mark.parametrize("size", ["phone"])
def test_save_a_search_from_the_directory_with_the_keyboard(tab, size):
    ActorFactory(name="Atelier accessible", themes=["accessibilite"])
    member = make_user("membre@example.org")
    log_in(tab, "membre@example.org")
    tab.goto("/fr/?theme=accessibilite&page=1")
    assert tab.axe_violations() == []
    save = tab.page.get_by_role("button", name="Recevoir les nouveautés de cette recherche")
    save.focus()
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url("**/mon-espace/#alerts")
    main = tab.page.inner_text("main")
    assert "Recherche enregistrée" in main and LABEL in main
    assert tab.axe_violations() == []
    # Weekly by default; monthly chosen with the keyboard.
    frequency = tab.page.get_by_label(f"Fréquence – {LABEL}")
    assert frequency.input_value() == "weekly"
    frequency.select_option("monthly")
    tab.page.get_by_role("button", name=f"Enregistrer – {LABEL}").press("Enter")
    tab.page.wait_for_url("**/mon-espace/#alerts")
    [saved] = Subscription.objects.filter(user=member)
    assert (saved.query, saved.frequency) == ("theme=accessibilite", "monthly")
    # The mail's link, opened by someone not logged in.
    tab.page.context.clear_cookies()
    tab.goto(f"/fr/alertes/desabonnement/{tokens.make(member.pk, [saved.pk])}/")
    assert tab.axe_violations() == []
    tab.page.get_by_role("button", name="Ne plus recevoir ces alertes").press("Enter")
    tab.page.wait_for_load_state()
    assert "Désabonnement enregistré" in tab.page.inner_text("h1")
    saved.refresh_from_db()
    assert saved.frequency == "never"
    assert tab.foreign == [] and tab.errors == []
