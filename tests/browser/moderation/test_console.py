"""The console in a real browser: a full review, and axe-core (WCAG 2.1 A/AA) on every
console page, with and without JavaScript; nothing is asked of a third-party origin."""

import pytest

from actors.models import Actor
from contributions.models import Claim, Membership, Role, Suggestion
from moderation import freshness
from moderation import workflow as moderation
from tests.browser.contributions.conftest import log_in
from tests.contributions.conftest import make_user
from tests.factories import ActorFactory
from tests.moderation.conftest import make_moderator, propose


@pytest.fixture
def console(people_tx):
    actor = ActorFactory(name="Repair Café Bayonne", website="https://repair.example.org")
    Membership.objects.create(user=people_tx["owner"], actor=actor, role=Role.OWNER)
    Membership.objects.create(user=people_tx["editor"], actor=actor, role=Role.EDITOR)
    x, y = actor.location.x, actor.location.y
    change = propose(
        actor,
        people_tx["editor"],
        name="Repair Café Pays Basque",
        phone="05 59 00 00 00",
        themes=["low-tech", "reemploi-reparation"],
        location=[round(x + 0.004, 6), round(y + 0.002, 6)],
    )
    draft = ActorFactory(name="Nouvelle asso", draft=True)
    Membership.objects.create(user=people_tx["editor"], actor=draft, role=Role.OWNER)
    new_org = moderation.submit_for_review(draft, people_tx["editor"])
    claim = Claim.objects.create(
        actor=actor, user=people_tx["other"], message="C'est moi.", siret="12345678901234"
    )
    suggestion = Suggestion.objects.create(
        actor=actor, text="Nouveau site.", proposed={"website": "https://neuf.example.org"}
    )
    # Staff, as LaNum's moderators are: the console then links to the admin's lists of the
    # requests decided there (moderation.queue.decided_in_admin), audited with the rest.
    moderator = make_moderator("moderatrice@example.org")
    moderator.is_staff = True
    moderator.save(update_fields=["is_staff"])
    return {
        "actor": actor,
        "change": change,
        "new_org": new_org,
        "claim": claim,
        "suggestion": suggestion,
        "people": people_tx,
    }


def test_a_full_review_field_by_field(visit, console):
    actor, change = console["actor"], console["change"]
    log_in(visit, "moderatrice@example.org")
    visit.page.locator("details.site-menu > summary").click()  # the header's menu is closed
    visit.page.click("text=Modération")
    visit.page.wait_for_url("**/moderation/")
    visit.page.click(f"a[href='/fr/moderation/demandes/{change.pk}/']")
    visit.page.wait_for_url(f"**/moderation/demandes/{change.pk}/")
    assert "La position se déplace de" in visit.page.inner_text("main")
    visit.page.uncheck("#apply-phone")
    visit.page.fill("#id_reason", "Nom et thématiques vérifiés ; téléphone à confirmer.")
    visit.page.click("button[value=approve]")
    visit.page.wait_for_url(f"**/moderation/demandes/{change.pk}/")
    assert "Décision enregistrée" in visit.page.inner_text("main")

    visit.goto(Actor.objects.get(pk=actor.pk).get_absolute_url())
    page = visit.page.inner_text("main")
    assert "Repair Café Pays Basque" in page and "05 59 00 00 00" not in page
    assert visit.page.locator("a[href='/fr/?theme=low-tech']").count() == 1
    history = Actor.objects.get(pk=actor.pk).history.latest()
    assert "téléphone à confirmer" in history.history_change_reason
    assert visit.foreign == [] and visit.errors == []


def console_pages(console):
    actor = console["actor"]
    version = actor.history.earliest().history_id
    return [
        "/fr/moderation/",
        "/fr/moderation/?type=change&q=repair",
        f"/fr/moderation/demandes/{console['change'].pk}/",
        f"/fr/moderation/demandes/{console['new_org'].pk}/",
        f"/fr/moderation/revendications/{console['claim'].pk}/",
        f"/fr/moderation/suggestions/{console['suggestion'].pk}/",
        f"/fr/moderation/acteurs/{actor.slug}/",
        f"/fr/moderation/acteurs/{actor.slug}/versions/{version}/",
        "/fr/moderation/fiches-a-verifier/",
        "/fr/moderation/tableau-de-bord/",
    ]


@pytest.mark.parametrize("fixture", ["visit", "visit_without_js"])
def test_console_pages_are_accessible(request, console, fixture):
    visit = request.getfixturevalue(fixture)
    # A decided change gives the history a version to compare with.
    cr = propose(console["actor"], console["people"]["owner"], summary="Un autre résumé.")
    moderation.decide_change_request(cr, make_user("equipe@example.org", is_staff=True), "approve")
    log_in(visit, "moderatrice@example.org")
    for path in console_pages(console):
        assert visit.goto(path).status == 200, path
        assert visit.axe_violations() == [], path
    assert "à décider dans l'administration" in visit.page.inner_text("main")  # the dashboard
    assert visit.foreign == [] and visit.errors == []


def test_a_refused_decision_is_accessible(visit, console):
    log_in(visit, "moderatrice@example.org")
    visit.goto(f"/fr/moderation/revendications/{console['claim'].pk}/")
    visit.page.click("button[value=reject]")  # no reason given
    assert "Indiquez un motif" in visit.page.inner_text("main")
    assert visit.axe_violations() == []


def test_the_owners_confirmation_page(visit_without_js, console):
    visit = visit_without_js
    token = freshness.token_for(console["actor"], console["people"]["owner"])
    visit.goto(f"/fr/fiche-a-jour/{token}/")
    assert visit.axe_violations() == []
    visit.page.click("text=Oui, la fiche est toujours exacte")
    visit.page.wait_for_url(f"**{console['actor'].get_absolute_url()}")
    assert Actor.objects.get(pk=console["actor"].pk).verified_at is not None
    visit.goto(f"/fr/fiche-a-jour/{token}x/")
    assert visit.axe_violations() == []
