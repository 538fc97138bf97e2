"""The contribution cycle walked as people walk it, on a phone and on a laptop, JavaScript on
and off, with no accessibility violation on any page: sign up, confirm, add an organisation
with a logo, send it; the moderator sees the logo and the place, sends it back; the owner
fixes it and sends it again; the moderator publishes; the public page shows the logo. And an
invitation link used again after its member was removed is refused."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from actors.models import Actor, ActorStatus
from contributions import services
from contributions.models import Membership
from tests.browser.conftest import SIZES, route_media, submit
from tests.browser.contributions.conftest import log_in
from tests.contributions.conftest import PASSWORD, make_user
from tests.contributions.test_images import image_bytes
from tests.factories import ActorFactory
from tests.moderation.conftest import make_moderator

NAME = "Les Bidouilleurs du Petit Bayonne"


def step(tab, path=None):
    """Checks the page now shown (after going to `path`): it fits the width and axe finds
    nothing. Returns the page."""
    if path:
        tab.goto(path)
    page = tab.page
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    assert tab.axe_violations() == [], page.url
    return page


def last_link(pattern):
    return re.search(pattern, mail.outbox[-1].body).group(0)


def loaded_logos(page):
    return page.eval_on_selector_all(
        "main img.logo", "images => images.filter(i => i.complete && i.naturalWidth > 0).length"
    )


@pytest.mark.parametrize("size", list(SIZES))
def test_from_signup_to_a_published_organisation_with_its_logo(tab, ban, tmp_path, size):
    route_media(tab.page)
    if tab.auditor:
        route_media(tab.auditor)
    make_moderator("moderatrice@example.org")
    page = step(tab, "/fr/compte/signup/?next=/fr/organisations/ajouter/")
    page.fill("#id_email", "nouvelle@example.org")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    submit(page, "main form [type=submit]")

    # The confirmation email brings the person back to the form they were going to.
    page = step(tab, last_link(r"/fr/compte/confirm-email/\S+/"))
    submit(page, "main form [type=submit]")
    assert page.url.endswith("/fr/organisations/ajouter/")
    page = step(tab)
    page.fill("#id_name", NAME)
    page.select_option("#id_kind", label="Association")
    page.fill("#id_summary", "Nous réparons les ordinateurs.")
    page.check("input[name=themes] >> nth=0")
    page.fill("#id_street_address", "12 rue Pannecau")
    page.select_option("#id_commune", label="Bayonne")
    submit(page, "text=Créer le brouillon")
    assert "/modifier/" in page.url
    logo = tmp_path / "logo.png"
    logo.write_bytes(image_bytes("PNG", (400, 200)))
    page = step(tab)
    page.set_input_files("#id_logo_file", str(logo))
    submit(page, "button[name=action][value=submit]")
    actor = Actor.objects.get(name=NAME)
    assert actor.status == ActorStatus.PENDING and actor.logo

    # The moderator sees the logo and the place, and sends it back with a reason.
    log_in(tab, "moderatrice@example.org")
    page = step(tab, "/fr/moderation/")
    submit(page, f"main a:has-text('{NAME}')")
    page = step(tab)
    assert loaded_logos(page) >= 1
    assert page.locator("main svg").count() >= 1
    page.fill("#id_reason", "Merci de préciser le numéro de téléphone.")
    submit(page, "button[name=action][value=changes]")
    actor.refresh_from_db()
    assert actor.status == ActorStatus.DRAFT

    # The owner follows the email to the form, fixes it and sends it again.
    link = last_link(r"https?://\S+/modifier/")
    log_in(tab, "nouvelle@example.org")
    page = step(tab, urlsplit(link).path)
    page.fill("#id_phone", "05 59 00 00 01")
    submit(page, "button[name=action][value=submit]")
    actor.refresh_from_db()
    assert actor.status == ActorStatus.PENDING and actor.phone == "05 59 00 00 01"

    # Published, then shown with its logo.
    log_in(tab, "moderatrice@example.org")
    page = step(tab, "/fr/moderation/")
    submit(page, f"main a:has-text('{NAME}')")
    submit(page, "button[name=action][value=approve]")
    actor.refresh_from_db()
    assert actor.status == ActorStatus.PUBLISHED
    page = step(tab)
    submit(page, f"main a[href='{actor.get_absolute_url()}']")
    page = step(tab)
    assert page.url.endswith(actor.get_absolute_url())
    assert loaded_logos(page) >= 1


@pytest.mark.parametrize("size", list(SIZES))
def test_an_invitation_link_dies_with_the_membership(tab, size):
    owner = make_user("proprio@example.org")
    guest = make_user("invitee@example.org")
    actor = ActorFactory(name="Atelier Txiki")
    Membership.objects.create(user=owner, actor=actor, role="owner")
    services.invite(actor, owner, "invitee@example.org")
    path = re.search(r"/fr/invitations/\S+/", mail.outbox[-1].body).group(0)

    log_in(tab, "invitee@example.org")
    page = step(tab, path)
    submit(page, "main form [type=submit]")
    membership = Membership.objects.get(user=guest, actor=actor)

    services.remove_member(membership, owner)
    page = step(tab, path)
    if page.locator("main form [type=submit]").count():
        submit(page, "main form [type=submit]")
        page = step(tab)
    assert not Membership.objects.filter(user=guest, actor=actor).exists()
    assert "Cette invitation a déjà été utilisée" in page.inner_text("main")
