"""The footer pages, the share block and the print styles in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from actors.models import Actor
from tests.browser.conftest import SIZES, no_sideways_scroll

PAGES = ["/accessibilite/", "/mentions-legales/", "/contact/", "/plan-du-site/"]


# Each language on a phone; the layout does not depend on the language: one on a laptop.
@pytest.mark.parametrize(
    "language, size", [("fr", "phone"), ("eu", "phone"), ("es", "phone"), ("fr", "laptop")]
)
def test_each_footer_page_in_each_language_is_accessible(tab, reference_tx, language, size):
    for path in PAGES:
        response = tab.goto(f"/{language}{path}")
        assert response.status == 200, path
        assert tab.page.locator("html").get_attribute("lang") == language
        assert no_sideways_scroll(tab.page), path
        footer = tab.page.locator("footer.site-footer")
        link = footer.locator(f'.footer-links a[href="/{language}/accessibilite/"]')
        expect(link).to_be_visible()
        assert tab.axe_violations() == [], path
    assert tab.foreign == []
    assert tab.errors == []


def test_nothing_scrolls_sideways_at_320_px(browser, live_server, demo_tx):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    actor = Actor.objects.published().order_by("name").first()
    for path in ["/fr/", actor.get_absolute_url(), *(f"/eu{path}" for path in PAGES)]:
        page.goto(live_server.url + path)
        assert no_sideways_scroll(page), path
    context.close()


@pytest.mark.parametrize("size", ["phone"])
def test_the_contact_form_keeps_what_was_typed_then_thanks(tab, reference_tx, size):
    tab.goto("/fr/contact/?sujet=accessibility")
    page = tab.page
    expect(page.get_by_label("Sujet")).to_have_value("accessibility")
    page.get_by_label("Votre adresse électronique").fill("pas-une-adresse")
    page.get_by_label("Votre message").fill("La carte ne se lit pas\navec mon lecteur.")
    page.get_by_role("button", name="Envoyer le message").click()
    page.wait_for_load_state()
    expect(page.locator("#errors")).to_be_visible()
    expect(page.get_by_label("Votre message")).to_have_value(
        "La carte ne se lit pas\navec mon lecteur."
    )
    assert tab.axe_violations() == []
    page.get_by_label("Votre adresse électronique").fill("lea@example.org")
    page.get_by_role("button", name="Envoyer le message").click()
    page.wait_for_url("**/fr/contact/merci/")
    expect(page.locator("h1")).to_have_text("Merci, votre message est envoyé")
    # The refused form comes back with a 400, which the browser logs.
    assert [e for e in tab.errors if "status of 400" not in e] == []


@pytest.fixture
def sharing(browser, live_server, demo_tx):
    """A tab that may write the clipboard, as a person's click allows."""
    context = browser.new_context(
        locale="fr-FR", viewport=dict(zip(("width", "height"), SIZES["phone"], strict=True))
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, live_server.url, errors
    context.close()


def test_share_copies_the_address_with_a_visible_confirmation(sharing):
    page, base, errors = sharing
    actor = Actor.objects.published().order_by("name").first()
    page.goto(base + actor.get_absolute_url())
    if page.evaluate("typeof navigator.share === 'function'"):
        pytest.skip("this Chromium has the Web Share API: see the next test")
    page.get_by_role("button", name="Partager le lien").click()
    expect(page.locator("[data-share-status]")).to_have_text(
        "Lien copié : vous pouvez le coller dans un message."
    )
    assert page.evaluate("navigator.clipboard.readText()") == base + actor.get_absolute_url()
    assert errors == []


def test_the_embed_code_is_copied_by_its_button(sharing):
    page, base, errors = sharing
    page.goto(base + "/fr/?theme=low-tech")
    page.locator(".embed-snippet summary").click()
    page.get_by_role("button", name="Copier le code").click()
    expect(page.locator(".embed-snippet .copy-status")).to_have_text("Code copié.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("<iframe src=") and "theme=low-tech" in copied, copied
    assert errors == []


# A browser with the Web Share API: what it was asked to share is kept.
FAKE_WEB_SHARE = (
    "navigator.share = function (data) { window.__shared = data; return Promise.resolve(); };"
)


def test_share_uses_the_web_share_api_when_there_is_one(sharing):
    page, base, errors = sharing
    page.add_init_script(FAKE_WEB_SHARE)
    page.goto(base + "/fr/?theme=low-tech")
    page.get_by_role("button", name="Partager le lien").click()
    shared = page.evaluate("window.__shared")
    assert shared == {
        "title": "Annuaire des acteurs du numérique responsable du Pays Basque",
        "url": base + "/fr/?theme=low-tech",
    }
    assert errors == []


def test_share_follows_the_directorys_filters_after_a_refresh(sharing):
    page, base, errors = sharing
    page.add_init_script(FAKE_WEB_SHARE)
    page.goto(base + "/fr/")
    page.locator("details.filters > summary").click()  # the filters' panel is closed
    page.locator("#f-theme-low-tech").check()
    page.wait_for_url("**/?theme=low-tech")
    button = page.get_by_role("button", name="Partager le lien")
    expect(button).to_be_visible()
    button.click()
    assert page.evaluate("window.__shared.url") == base + "/fr/?theme=low-tech"
    mail = page.locator(".share-mail")
    expect(mail).to_have_attribute("href", re.compile(r"%3Ftheme%3Dlow-tech$"))
    assert errors == []


def test_without_javascript_the_share_block_is_a_mail_link(visit_without_js, demo_tx):
    page = visit_without_js.page
    actor = Actor.objects.published().order_by("name").first()
    visit_without_js.goto(actor.get_absolute_url())
    expect(page.get_by_role("button", name="Partager le lien")).to_be_hidden()
    expect(page.get_by_role("button", name="Imprimer")).to_be_hidden()
    mail = page.get_by_role("link", name="Envoyer le lien par courriel")
    expect(mail).to_be_visible()
    assert mail.get_attribute("href").startswith("mailto:?subject=")


def displayed(page, selector):
    return page.locator(selector).first.evaluate("el => getComputedStyle(el).display") != "none"


def test_printing_the_results_keeps_the_list_alone(visit, demo_tx):
    visit.goto("/fr/?theme=low-tech")
    page = visit.page
    page.emulate_media(media="print")
    for selector in (".site-header", ".site-footer", ".filters", ".map-panel", ".search-bar",
                     ".share", "button", ".skip-link", ".download-links"):  # fmt: skip
        assert not displayed(page, selector), selector
    assert displayed(page, ".results-list .actor-card")
    assert displayed(page, ".results-count")
    assert page.evaluate("getComputedStyle(document.documentElement).color") == "rgb(0, 0, 0)"
    assert page.pdf()[:4] == b"%PDF"
    page.emulate_media(media="screen")
    assert displayed(page, ".site-header") and displayed(page, ".filters")


def test_printing_an_actor_page_shows_contact_addresses(visit, demo_tx):
    actor = Actor.objects.published().exclude(website="").order_by("name").first()
    visit.goto(actor.get_absolute_url())
    page = visit.page
    page.emulate_media(media="print")
    for selector in (".site-header", ".site-footer", ".breadcrumb", ".share", ".actor-actions"):
        assert not displayed(page, selector), selector
    assert displayed(page, "h1") and displayed(page, ".contact")
    after = page.locator(".contact a[href^='http']").first.evaluate(
        "el => getComputedStyle(el, '::after').content"
    )
    assert actor.website in after
