"""Sign up, verify the address, add an organisation, place it on the map, send it to
moderation: it is pending, and not in the public directory."""

import re

from django.core import mail

from actors.models import Actor, ActorStatus
from contributions.models import ChangeRequest, Membership
from tests.browser.conftest import submit


def test_from_signup_to_a_pending_organisation(visit, ban):
    page = visit.page
    visit.goto("/fr/compte/signup/")
    assert visit.axe_violations() == []
    page.fill("#id_email", "nouvelle@example.org")
    page.fill("#id_password1", "une phrase de passe bien longue")
    page.fill("#id_password2", "une phrase de passe bien longue")
    submit(page, "main form [type=submit]")

    link = re.search(r"https?://\S+/compte/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    assert mail.outbox[-1].to == ["nouvelle@example.org"]
    page.goto(link)
    assert visit.axe_violations() == []
    page.click("main form [type=submit]")
    page.wait_for_url("**/mon-espace/")
    assert visit.axe_violations() == []

    page.locator("details.site-menu > summary").click()  # the header's menu is closed
    page.click(".site-menu >> text=Ajouter mon organisation")
    page.wait_for_url("**/organisations/ajouter/")
    assert visit.axe_violations() == []
    page.fill("#id_name", "Les Bidouilleurs du Petit Bayonne")
    page.select_option("#id_kind", label="Association")
    page.fill("#id_summary", "Nous réparons les ordinateurs.")
    page.check("input[name=themes] >> nth=0")
    page.fill("#id_street_address", "12 rue Pannecau")
    page.select_option("#id_commune", label="Bayonne")
    page.click("text=Créer le brouillon")
    page.wait_for_url("**/modifier/")
    actor = Actor.objects.get(name="Les Bidouilleurs du Petit Bayonne")
    geocoded = actor.location.clone()

    marker = page.locator(".leaflet-marker-icon")
    marker.wait_for()
    # Leaflet's controls in the page's language, not in Leaflet's English.
    assert page.locator(".leaflet-control-zoom-in").get_attribute("title") == "Zoomer"
    assert page.locator("[title='A JavaScript library for interactive maps']").count() == 0
    assert visit.axe_violations() == []
    marker.scroll_into_view_if_needed()
    box = marker.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] - 4
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 30, y + 20, steps=10)
    page.mouse.up()
    assert page.input_value("#id_location") != actor.location.geojson
    page.click("text=Enregistrer le brouillon")
    page.wait_for_url("**/modifier/")
    actor.refresh_from_db()
    assert actor.status == ActorStatus.DRAFT
    assert actor.location.x > geocoded.x and actor.location.y < geocoded.y

    page.click("text=Envoyer en modération")
    page.wait_for_url("**/mon-espace/")
    assert "En attente de modération" in page.inner_text("main")
    actor.refresh_from_db()
    assert actor.status == ActorStatus.PENDING
    assert Membership.objects.get(actor=actor).user.email == "nouvelle@example.org"
    assert ChangeRequest.objects.pending().for_subject(actor).exists()

    visit.goto("/fr/")
    assert "Les Bidouilleurs" not in page.inner_text("main")
    assert visit.foreign == []
    assert visit.errors == []
    assert visit.goto(actor.get_absolute_url()).status == 404
