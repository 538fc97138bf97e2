"""Stored-XSS payloads typed into every text field never run and are shown as text.

The CSP alone would stop inline scripts, so the test also checks that no payload became an
element: a missing escape fails it even with the CSP on."""

import io

import pytest
from PIL import Image

from contributions import profile
from contributions.models import ChangeRequest, Claim, Membership, Role
from tests.browser.conftest import submit
from tests.browser.contributions.conftest import log_in
from tests.factories import ActorFactory

PAYLOAD = '"><img src=x id=xss onerror=alert(1)><script id=xss>alert(2)</script>'
LINK = "javascript:alert(3)"


@pytest.fixture
def poisoned(people_tx):
    actor = ActorFactory(
        name="Atelier " + PAYLOAD,
        summary=PAYLOAD,
        description=f"{PAYLOAD}\n\n[clic]({LINK}) <a href='{LINK}'>lien</a>",
        street_address=PAYLOAD,
        website="https://example.org/?q=" + PAYLOAD,
        opening_hours=PAYLOAD,
    )
    Membership.objects.create(user=people_tx["owner"], actor=actor, role=Role.OWNER)
    Membership.objects.create(user=people_tx["editor"], actor=actor, role=Role.EDITOR)
    values = {**profile.snapshot(actor), "summary": PAYLOAD + " bis", "phone": PAYLOAD}
    ChangeRequest.objects.create(
        actor=actor, author=people_tx["editor"], kind="change",
        proposed=values, base=profile.snapshot(actor), base_updated_at=actor.updated_at,
    )  # fmt: skip
    Claim.objects.create(actor=actor, user=people_tx["editor"], message=PAYLOAD)
    return actor


def assert_inert(visit, dialogs):
    page = visit.page
    assert dialogs == []
    assert page.locator("#xss").count() == 0
    assert page.locator(f"a[href^='{LINK[:11]}']").count() == 0


def watch(visit):
    """Records the dialogs a payload would open. The site's own question before leaving a
    form with unsaved changes (beforeunload, static/js/forms.js) is answered "leave"."""
    dialogs = []

    def answer(dialog):
        if dialog.type == "beforeunload":
            dialog.accept()
        else:
            dialogs.append(dialog.message)
            dialog.dismiss()

    visit.on("dialog", answer)
    return dialogs


def test_payloads_in_profile_fields_never_run(visit, poisoned, ban):
    dialogs = watch(visit)
    cr = ChangeRequest.objects.get()
    log_in(visit, "editrice@example.org")
    for path in [
        "/fr/",
        poisoned.get_absolute_url(),
        "/fr/mon-espace/",
        f"/fr/acteurs/{poisoned.slug}/modifier/",
        f"/fr/acteurs/{poisoned.slug}/demandes/{cr.pk}/",
        f"/fr/acteurs/{poisoned.slug}/membres/",
        f"/fr/acteurs/{poisoned.slug}/suggerer/",
    ]:
        assert visit.goto(path).status == 200, path
        assert_inert(visit, dialogs)
    visit.goto(f"/fr/acteurs/{poisoned.slug}/modifier/")
    assert visit.page.input_value("#id_summary") == PAYLOAD + " bis"
    # Submitting the payloads back through the form stores them as text, still inert.
    submit(visit.page, "text=Envoyer ma demande de modification")
    assert_inert(visit, dialogs)
    assert PAYLOAD in visit.page.inner_text("main")


def png(name):
    out = io.BytesIO()
    Image.new("RGB", (20, 20), "red").save(out, "PNG")
    return {"name": name, "mimeType": "image/png", "buffer": out.getvalue()}


def test_a_logo_file_name_never_runs(visit, people_tx, ban):
    draft = ActorFactory(name="Brouillon", draft=True)
    Membership.objects.create(user=people_tx["owner"], actor=draft, role=Role.OWNER)
    dialogs = watch(visit)
    log_in(visit, "proprio@example.org")
    visit.goto(f"/fr/acteurs/{draft.slug}/modifier/")
    bad = png(PAYLOAD + ".png")
    bad["buffer"] += b"<script>alert(4)</script>"
    visit.page.set_input_files("#id_logo_file", bad)
    submit(visit.page, "text=Enregistrer le brouillon")
    assert "PNG, JPEG ou WebP" in visit.page.inner_text("main")
    assert_inert(visit, dialogs)
    visit.page.set_input_files("#id_logo_file", png(PAYLOAD + ".png"))
    visit.page.click("text=Enregistrer le brouillon")
    visit.page.wait_for_url("**/modifier/")
    assert_inert(visit, dialogs)
    draft.refresh_from_db()
    assert draft.logo.name.startswith("logos/") and "<" not in draft.logo.name
    assert visit.axe_violations() == []


def test_payloads_in_the_claim_and_suggestion_forms_come_back_escaped(visit, poisoned):
    dialogs = watch(visit)
    log_in(visit, "autre@example.org")
    visit.goto(f"/fr/acteurs/{poisoned.slug}/revendiquer/")
    visit.page.fill("#id_message", PAYLOAD)
    visit.page.fill("#id_siret", PAYLOAD[:14])
    submit(visit.page, "main form [type=submit]")
    assert_inert(visit, dialogs)
    assert not Claim.objects.filter(user__email="autre@example.org").exists()  # bad SIRET
    visit.goto(f"/fr/acteurs/{poisoned.slug}/suggerer/")
    visit.page.fill("#id_text", PAYLOAD)
    visit.page.fill("#id_street_address", PAYLOAD)
    submit(visit.page, "main form [type=submit]")  # too fast: refused, text shown back
    assert "trop rapide" in visit.page.inner_text("main")
    assert visit.page.input_value("#id_text") == PAYLOAD
    assert_inert(visit, dialogs)
