"""Every page a person can reach, in each language, shows no interface string left in
another language: no French source of our catalog in Basque or Spanish, no English source
of allauth's anywhere. Text declared in another language (lang="…") is not counted."""

import pytest
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation

from alerts import services as alerts
from alerts import tokens
from contributions import profile
from contributions.models import Suggestion
from moderation import workflow
from tests.contributions.conftest import make_user
from tests.factories import ActorFactory

from .catalogs import python_names, sources, whole_sources
from .pagetext import read

LANGUAGES = ["fr", "eu", "es"]


@pytest.fixture
def site(reference):
    member = make_user("membre@example.org")
    staff = make_user("equipe@example.org", is_staff=True)
    actor = ActorFactory(name="Konponketa Lantegia", website="https://konpon.example.org")
    actor.memberships.create(user=member, role="owner")
    change = workflow.propose_change(
        actor, member, {**profile.snapshot(actor), "phone": "05 59 00 00 00"}, actor.updated_at
    )
    suggestion = Suggestion.objects.create(actor=actor, text="Le téléphone a changé.")
    saved, _created = alerts.save_search(member, "actors", QueryDict("theme=low-tech"))
    alerts.follow_actor(member, actor)
    return {"member": member, "staff": staff, "actor": actor, "change": change,
            "suggestion": suggestion, "saved": saved}  # fmt: skip


def pages(site):
    slug = {"slug": site["actor"].slug}
    return [
        (None, reverse("actors:home")),
        (None, reverse("actors:home") + "?theme=low-tech&near=Bayonne&radius=10"),
        (None, reverse("actors:home") + "?theme=nope"),
        (None, reverse("actors:home") + "?q=zzqxwv"),
        (None, reverse("actors:detail", kwargs=slug)),
        (None, reverse("contributions:suggest", kwargs=slug)),
        (None, reverse("contributions:privacy")),
        (None, reverse("opendata_pages:data")),
        (None, reverse("opendata_pages:api-docs")),
        (None, reverse("opendata_pages:embed")),
        (None, reverse("account_login")),
        (None, reverse("account_signup")),
        (None, reverse("account_reset_password")),
        (None, reverse("actors:detail", kwargs={"slug": "personne"})),
        ("member", reverse("contributions:my-space")),
        ("member", reverse("actors:home") + "?theme=low-tech"),
        ("member", reverse("events:agenda")),
        ("member", reverse("expertise:ressources")),
        (None, reverse("alerts:unsubscribe", kwargs={"token": tokens.make(0, [0])})),
        (None, reverse("alerts:unsubscribe", kwargs={"token": "tampered"})),
        ("member", reverse("contributions:add")),
        ("member", reverse("contributions:edit", kwargs=slug)),
        ("member", reverse("contributions:members", kwargs=slug)),
        ("member", reverse("contributions:request", kwargs={**slug, "pk": site["change"].pk})),
        ("member", reverse("contributions:delete-account")),
        ("member", reverse("account_email")),
        ("member", reverse("account_change_password")),
        ("staff", reverse("contributions:claim", kwargs=slug)),
        ("staff", reverse("moderation:queue")),
        ("staff", reverse("moderation:change-request", kwargs={"pk": site["change"].pk})),
        ("staff", reverse("moderation:suggestion", kwargs={"pk": site["suggestion"].pk})),
        ("staff", reverse("moderation:actor", kwargs=slug)),
        ("staff", reverse("moderation:stale")),
        ("staff", reverse("moderation:dashboard")),
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_is_in_the_visitors_language(client, site, language):
    leftovers, words = sources(language), whole_sources(language)
    english = python_names(language)
    assert len(leftovers) > 100 or language == "fr"
    checked = 0
    for who, french_path in pages(site):
        client.logout()
        if who:
            client.force_login(site[who])
        path = f"/{language}/" + french_path.removeprefix("/fr/")
        response = client.get(path)
        assert response.status_code in (200, 400, 404), path
        text = read(response.content.decode())
        assert text.page_lang == language, path
        page = "\n".join(text.parts)
        found = sorted(fragment for fragment in leftovers if fragment in page)
        found += sorted(part for part in text.parts if part in words)
        found += sorted(part for part in text.parts if part.rstrip(" :") in english)
        assert found == [], f"{path}: {found}"
        checked += 1
    assert checked == len(pages(site))


def test_the_check_sees_a_leftover(client, site):
    """The check above can fail: a French interface string in a Basque page is seen."""
    with translation.override("eu"):
        html = client.get(reverse("actors:home")).content.decode()
    html = html.replace("</main>", "<p>Aller au contenu</p></main>")
    assert "Aller au contenu" in sources("eu")
    assert "Aller au contenu" in "\n".join(read(html).parts)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_check_knows_labels_made_of_python_names(language):
    """A field left without a label shows its Python name in English: "Themes" for `themes`,
    on every page; "Services" only where it is not also a word of the language."""
    english = python_names(language)
    assert {"Themes", "Languages"} <= english
    assert ({"Services", "Publics"} <= english) == (language != "fr")
