"""Every new page: no axe-core violation (WCAG 2.1 A/AA), nothing asked of third parties,
and the forms work without JavaScript."""

import pytest

from contributions import profile
from contributions.models import Membership, Role
from moderation import workflow
from tests.browser.contributions.conftest import log_in
from tests.factories import ActorFactory

ANONYMOUS_PAGES = ["/fr/compte/login/", "/fr/compte/signup/", "/fr/compte/password/reset/",
                   "/fr/confidentialite/"]  # fmt: skip


@pytest.fixture
def actor_tx(people_tx):
    actor = ActorFactory(name="Repair Café Bayonne")
    Membership.objects.create(user=people_tx["owner"], actor=actor, role=Role.OWNER)
    Membership.objects.create(user=people_tx["editor"], actor=actor, role=Role.EDITOR)
    return actor


@pytest.mark.parametrize("fixture", ["visit", "visit_without_js"])
def test_anonymous_pages(request, actor_tx, fixture):
    visit = request.getfixturevalue(fixture)
    for path in [*ANONYMOUS_PAGES, f"/fr/acteurs/{actor_tx.slug}/suggerer/"]:
        assert visit.goto(path).status == 200, path
        assert visit.axe_violations() == [], path
    assert visit.foreign == []


def test_member_pages(visit, actor_tx, people_tx, ban):
    cr = workflow.propose_change(
        actor_tx, people_tx["editor"],
        {**profile.snapshot(actor_tx), "name": "Nouveau nom"}, actor_tx.updated_at,
    )  # fmt: skip
    log_in(visit, "editrice@example.org")
    for path in [
        "/fr/mon-espace/",
        f"/fr/acteurs/{actor_tx.slug}/modifier/",
        f"/fr/acteurs/{actor_tx.slug}/demandes/{cr.pk}/",
        f"/fr/acteurs/{actor_tx.slug}/membres/",
        "/fr/mon-espace/supprimer/",
    ]:
        assert visit.goto(path).status == 200, path
        assert visit.axe_violations() == [], path
    assert visit.foreign == [] and visit.errors == []


def test_owner_and_claim_pages(visit, actor_tx, people_tx):
    log_in(visit, "proprio@example.org")
    visit.goto(f"/fr/acteurs/{actor_tx.slug}/membres/")
    assert visit.axe_violations() == []
    log_in(visit, "autre@example.org")
    visit.goto(f"/fr/acteurs/{actor_tx.slug}/revendiquer/")
    assert visit.axe_violations() == []
    visit.page.click("main form [type=submit]")  # empty: errors are shown accessibly
    assert "Ce champ est obligatoire" in visit.page.inner_text("main")
    assert visit.axe_violations() == []


def test_a_change_without_javascript_locates_the_new_address(visit_without_js, actor_tx, ban):
    visit = visit_without_js
    log_in(visit, "editrice@example.org")
    visit.goto(f"/fr/acteurs/{actor_tx.slug}/modifier/")
    assert visit.page.is_visible("text=La carte n'est pas disponible")
    assert visit.axe_violations() == []
    visit.page.fill("#id_street_address", "12 rue Pannecau")
    visit.page.click("text=Envoyer ma demande de modification")
    visit.page.wait_for_url("**/demandes/**")
    assert "12 rue Pannecau" in visit.page.inner_text("main")
    assert visit.axe_violations() == []
    from contributions.models import ChangeRequest

    location = ChangeRequest.objects.get().proposed["location"]
    assert [round(c, 4) for c in location] == [-1.4736, 43.4898]
