"""Every field of a draft's profile form typed into, a logo uploaded, each button pressed:
nothing typed is lost, in the database or in the form shown back; JavaScript on and off, on a
phone and on a laptop, with no accessibility violation on the pages visited."""

import pytest

from actors.models import Actor, ActorStatus, Commune, Language, Public, Service, Theme
from contributions.models import ChangeRequest, Membership, Role
from tests.browser.conftest import SIZES, no_sideways_scroll, submit
from tests.browser.contributions.conftest import log_in
from tests.contributions.conftest import PASSWORD
from tests.contributions.test_images import image_bytes
from tests.factories import ActorFactory

TYPED = {
    "#id_name": "Les Bidouilleurs d'Anglet",
    "#id_summary": "Nous réparons les ordinateurs.",
    "#id_summary_eu": "Ordenagailuak konpontzen ditugu.",
    "#id_summary_es": "Reparamos ordenadores.",
    "#id_description": "Un **atelier** ouvert à tous.",
    "#id_description_eu": "Denentzat irekia.",
    "#id_description_es": "Abierto a todos.",
    "#id_website": "https://bidouilleurs.example.org/",
    "#id_email": "contact@bidouilleurs.example.org",
    "#id_phone": "05 59 00 00 01",
    "#id_street_address": "12 rue Pannecau",
    "#id_siret": "73282932000074",
    "#id_rna": "W640012345",
}
# Opening hours, typed day by day: Monday to Friday, 09:00-12:00.
HOURS = {
    f"#id_opening_hours_{day}_1_{edge}": time
    for day in ("mo", "tu", "we", "th", "fr")
    for edge, time in (("start", "09:00"), ("end", "12:00"))
}
CHECKED = ["welcomes_public", "works_remotely", "travels"]


@pytest.fixture
def draft_tx(reference_tx):
    from tests.contributions.conftest import make_user

    owner = make_user("proprio@example.org")
    draft = ActorFactory(name="Brouillon", draft=True, themes=[])
    Membership.objects.create(user=owner, actor=draft, role=Role.OWNER)
    return draft


def type_everything(page, logo):
    for selector, value in (TYPED | HOURS).items():
        page.fill(selector, value)
    page.select_option("#id_kind", label="Tiers-lieu ou fablab")
    page.select_option("#id_commune", label="Anglet")
    for name in CHECKED:
        page.check(f"#id_{name}")
    for name in ("themes", "services", "publics", "languages"):
        page.check(f"input[name={name}] >> nth=1")
    page.set_input_files("#id_logo_file", logo)


def assert_form_shows_everything(page):
    for selector, value in (TYPED | HOURS).items():
        assert page.input_value(selector) == value, selector
    assert page.locator("#id_kind option:checked").inner_text() == "Tiers-lieu ou fablab"
    assert page.locator("#id_commune option:checked").inner_text() == "Anglet"
    for name in CHECKED:
        assert page.is_checked(f"#id_{name}"), name
    for name in ("themes", "services", "publics", "languages"):
        assert page.is_checked(f"input[name={name}] >> nth=1"), name


def assert_saved(actor):
    for selector, value in TYPED.items():
        assert getattr(actor, selector.removeprefix("#id_")) == value, selector
    assert actor.opening_hours == "Mo-Fr 09:00-12:00"
    assert actor.kind.slug == "tiers-lieu-fablab"
    assert actor.commune == Commune.objects.get(name="Anglet")
    assert all(getattr(actor, name) for name in CHECKED)
    for model, name in ((Theme, "themes"), (Service, "services"), (Public, "publics"),
                        (Language, "languages")):  # fmt: skip
        assert list(getattr(actor, name).all()) == [list(model.objects.all())[1]], name


@pytest.mark.parametrize("size", list(SIZES))
def test_nothing_typed_is_lost_whatever_the_button(tab, draft_tx, ban, tmp_path, size):
    page = tab.page
    logo = tmp_path / "logo.png"
    logo.write_bytes(image_bytes("PNG"))
    log_in(tab, "proprio@example.org")
    edit = f"/fr/acteurs/{draft_tx.slug}/modifier/"
    tab.goto(edit)
    assert tab.axe_violations() == []

    # With JavaScript, leaving with unsaved changes asks first; refusing keeps the page.
    if tab.js:
        page.fill("#id_phone", "05 59 00 00 09")
        dialogs = []
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
        page.click("main >> text=Membres")
        assert dialogs == ["beforeunload"]
        assert page.url.endswith(edit) and page.input_value("#id_phone") == "05 59 00 00 09"

    # Sending with a mistake: nothing is sent, everything typed comes back, the error first.
    type_everything(page, logo)
    page.fill("#id_website", "pas une adresse")
    submit(page, "text=Enregistrer et envoyer en modération")
    assert Actor.objects.get(pk=draft_tx.pk).status == ActorStatus.DRAFT
    assert Actor.objects.get(pk=draft_tx.pk).name == "Brouillon"
    assert not ChangeRequest.objects.exists()
    summary = page.locator("#errors")
    assert summary.is_visible()
    if tab.js:
        assert page.evaluate("document.activeElement.id") == "errors"
    assert page.get_attribute("#id_website", "aria-invalid") == "true"
    summary.locator("a").first.click()
    if tab.js:
        assert page.evaluate("document.activeElement.id") == "id_website"
    assert page.input_value("#id_website") == "pas une adresse"
    page.fill("#id_website", TYPED["#id_website"])
    assert_form_shows_everything(page)
    assert tab.axe_violations() == []

    # Previewing the descriptions saves nothing and keeps everything, the logo included.
    submit(page, "text=Prévisualiser")
    assert "<strong>atelier</strong>" in page.inner_html("#apercu")
    assert Actor.objects.get(pk=draft_tx.pk).name == "Brouillon"
    assert_form_shows_everything(page)
    assert tab.axe_violations() == []

    # Saving the draft keeps everything, the logo chosen before the mistake included.
    assert "Fichier gardé :" in page.inner_text("main")
    submit(page, "text=Enregistrer le brouillon")
    page.wait_for_url(f"**{edit}")
    actor = Actor.objects.get(pk=draft_tx.pk)
    assert actor.status == ActorStatus.DRAFT
    assert_saved(actor)
    assert actor.logo.name.endswith(".webp")
    assert_form_shows_everything(page)
    assert page.locator("img.logo-preview").count() == 1
    assert tab.axe_violations() == []

    # Typed just before sending: saved, then sent.
    page.fill("#id_phone", "05 59 00 00 02")
    submit(page, "text=Enregistrer et envoyer en modération")
    page.wait_for_url("**/mon-espace/")
    actor.refresh_from_db()
    assert (actor.status, actor.phone) == (ActorStatus.PENDING, "05 59 00 00 02")
    request = ChangeRequest.objects.get(actor=actor, kind="new")
    assert request.proposed["phone"] == "05 59 00 00 02"
    assert request.proposed["name"] == TYPED["#id_name"]
    assert tab.axe_violations() == []
    assert tab.foreign == []
    # The form sent back with its errors is a 400, which the console reports; nothing else.
    assert [e for e in tab.errors if "status of 400" not in e] == []


@pytest.mark.parametrize("size", ["phone"])
def test_a_form_sent_after_the_session_ended_is_sent_again_after_logging_in(tab, draft_tx, size):
    log_in(tab, "proprio@example.org")
    page = tab.page
    tab.goto(f"/fr/acteurs/{draft_tx.slug}/modifier/")
    page.fill("#id_summary", TYPED["#id_summary"])
    page.fill("#id_description", TYPED["#id_description"])
    page.check("input[name=themes] >> nth=1")
    # The session ends while the form is open (it expired, or a logout in another tab).
    page.context.clear_cookies(name="sessionid")
    submit(page, "text=Enregistrer le brouillon")

    assert "/fr/compte/login/" in page.url
    assert "ce que vous aviez saisi a été gardé" in page.inner_text(".messages")
    assert tab.axe_violations() == []
    page.fill("#id_login", "proprio@example.org")
    page.fill("#id_password", PASSWORD)
    submit(page, "main form [type=submit]")

    assert page.url.endswith("/fr/mon-espace/reprendre/")
    assert no_sideways_scroll(page)
    assert tab.axe_violations() == []
    submit(page, "text=Envoyer à nouveau")
    assert page.url.endswith(f"/fr/acteurs/{draft_tx.slug}/modifier/")
    draft = Actor.objects.get(pk=draft_tx.pk)
    assert draft.summary == TYPED["#id_summary"]
    assert draft.description == TYPED["#id_description"]
    assert tab.foreign == [] and tab.errors == []
