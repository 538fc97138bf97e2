import json

import pytest
from django.core import signing
from django.urls import reverse

from alerts import tokens
from alerts.models import Frequency, Subscription, Target
from contributions import services as accounts
from tests.alerts.conftest import subscription

pytestmark = pytest.mark.django_db
XSS = "<script>alert(1)</script>"
SAVE = "/fr/alertes/recherche/"


@pytest.mark.parametrize(
    ("page", "kind"),
    [("/fr/?theme=accessibilite", "actors"), ("/fr/agenda/?price=free", "events"),
     ("/fr/ressources/?q=guide", "ressources"), ("/fr/realisations/", "realisations")],
)  # fmt: skip
def test_each_list_offers_to_save_its_search_and_anonymous_visitors_to_log_in(
    client, member, page, kind
):
    anonymous = client.get(page).content.decode()
    assert 'href="/fr/compte/login/?next=' in anonymous and SAVE not in anonymous
    client.force_login(member)
    html = client.get(page).content.decode()
    assert f'action="{SAVE}"' in html and f'name="kind" value="{kind}"' in html
    query = page.partition("?")[2]
    if query:
        assert f'name="query" value="{query}"' in html


def test_saving_a_search_from_the_directory(client, member):
    client.force_login(member)
    response = client.post(SAVE, {"kind": "actors", "query": f"q={XSS}&theme=accessibilite&page=2"})
    assert response.status_code == 302 and response["Location"] == "/fr/mon-espace/#alerts"
    saved = Subscription.objects.get(user=member)
    assert (saved.target, saved.search_kind, saved.frequency) == ("search", "actors", "weekly")
    assert saved.query == "q=%3Cscript%3Ealert%281%29%3C%2Fscript%3E&theme=accessibilite"
    html = client.get("/fr/mon-espace/").content.decode()
    assert XSS not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="/fr/?q=%3Cscript' in html


def test_an_anonymous_post_goes_to_the_login_and_back_to_the_search(client):
    response = client.post(SAVE, {"kind": "events", "query": "price=free"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/compte/login/?next=/fr/agenda/%3Fprice%3Dfree"
    assert not Subscription.objects.exists()


def test_an_unknown_list_is_a_clear_400(client, member):
    client.force_login(member)
    response = client.post(SAVE, {"kind": "admin", "query": "x=1"})
    assert response.status_code == 400 and "ne peut pas être suivie" in response.content.decode()


def test_following_an_actor_from_its_page(client, member, people):
    actor = people["actor"]
    client.force_login(member)
    page = client.get(actor.get_absolute_url()).content.decode()
    assert f'action="/fr/alertes/acteur/{actor.slug}/"' in page
    client.post(f"/fr/alertes/acteur/{actor.slug}/")
    client.post(f"/fr/alertes/acteur/{actor.slug}/")
    assert Subscription.objects.get(user=member, target=Target.ACTOR).actor == actor
    assert "Vous suivez cet acteur" in client.get(actor.get_absolute_url()).content.decode()
    assert client.post("/fr/alertes/acteur/nobody/").status_code == 404


def test_following_the_one_theme_chosen_in_the_directory(client, member):
    client.force_login(member)
    assert "/fr/alertes/thematique/" not in client.get("/fr/").content.decode()
    two = client.get("/fr/?theme=accessibilite&theme=low-tech").content.decode()
    assert "/fr/alertes/thematique/" not in two
    one = client.get("/fr/?theme=accessibilite").content.decode()
    assert 'formaction="/fr/alertes/thematique/accessibilite/"' in one
    client.post("/fr/alertes/thematique/accessibilite/")
    assert Subscription.objects.get(user=member).theme.slug == "accessibilite"
    assert "Accessibilité numérique" in client.get("/fr/mon-espace/").content.decode()


@pytest.mark.parametrize(
    ("role", "expected"),
    [(None, 302), ("other", 404), ("staff", 404), ("moderator", 404), ("owner", 302)],
)
def test_only_the_owner_changes_or_deletes_a_subscription(client, people, role, expected):
    mine = subscription(people["owner"])
    if role:
        client.force_login(people[role])
    response = client.post(reverse("alerts:frequency", args=[mine.pk]), {"frequency": "monthly"})
    assert response.status_code == expected
    mine.refresh_from_db()
    assert mine.frequency == (Frequency.MONTHLY if role == "owner" else Frequency.WEEKLY)
    if role is None:
        assert response["Location"].startswith("/fr/compte/login/")
    response = client.post(reverse("alerts:delete", args=[mine.pk]))
    assert response.status_code == expected
    assert Subscription.objects.filter(pk=mine.pk).exists() == (role != "owner")


def test_a_frequency_outside_the_choices_changes_nothing(client, member):
    mine = subscription(member)
    client.force_login(member)
    response = client.post(
        reverse("alerts:frequency", args=[mine.pk]), {"frequency": "hourly"}, follow=True
    )
    assert "Choisissez une fréquence" in response.content.decode()
    mine.refresh_from_db()
    assert mine.frequency == Frequency.WEEKLY


def test_my_space_lists_the_subscriptions_with_their_forms(client, member, people):
    subscription(member, label="Annuaire · Bayonne", query="commune=64102")
    subscription(people["editor"], label="Annuaire · Mauléon", query="commune=64371")
    client.force_login(member)
    html = client.get("/fr/mon-espace/").content.decode()
    assert "Annuaire · Bayonne" in html and "Mauléon" not in html
    # Saved in French, shown in the page's language.
    assert "Direktorioa · Baiona" in client.get("/eu/mon-espace/").content.decode()
    assert '<option value="weekly" selected>' in html and '<option value="never">' in html


def test_unsubscribing_without_logging_in(client, member):
    mine = subscription(member, label="Réparation", query="theme=reemploi-reparation")
    url = reverse("alerts:unsubscribe", args=[tokens.make(member.pk, [mine.pk])])
    page = client.get(url)
    assert page.status_code == 200 and f'action="{url}"' in page.content.decode()
    mine.refresh_from_db()
    assert mine.frequency == Frequency.WEEKLY  # a GET changes nothing
    done = client.post(url)
    assert done.status_code == 200 and "Réemploi, reconditionnement" in done.content.decode()
    mine.refresh_from_db()
    assert mine.frequency == Frequency.NEVER


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        "tampered",
        signing.dumps({"u": 1, "s": [1]}, salt="moderation.freshness"),
        signing.dumps({"u": "x", "s": ["y"]}, salt=tokens.SALT),
    ],
    # Signed values carry the time: fixed ids, so that every xdist worker collects the same.
    ids=["nonsense", "tampered", "another-salt", "not-ids"],
)
def test_a_tampered_unsubscribe_link_is_refused_and_changes_nothing(client, member, token):
    mine = subscription(member)
    if token == "tampered":
        good = tokens.make(member.pk, [mine.pk])
        token = good[:-3] + ("aaa" if not good.endswith("aaa") else "bbb")
    url = reverse("alerts:unsubscribe", args=[token])
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 400
        assert "n'est pas valide" in response.content.decode()
    mine.refresh_from_db()
    assert mine.frequency == Frequency.WEEKLY


def test_a_link_names_only_its_persons_subscriptions(client, member, people):
    others = subscription(people["editor"])
    client.post(reverse("alerts:unsubscribe", args=[tokens.make(member.pk, [others.pk])]))
    others.refresh_from_db()
    assert others.frequency == Frequency.WEEKLY


def test_the_personal_data_export_and_the_account_deletion(client, member, people):
    subscription(member, label="Réparation", query="theme=reemploi-reparation")
    subscription(member, actor=people["actor"], label=people["actor"].name)
    kept = subscription(people["editor"])
    client.force_login(member)
    data = json.loads(client.get("/fr/mon-espace/mes-donnees.json").content)
    assert sorted(s["label"] for s in data["subscriptions"]) == ["Atelier Xiberoa", "Réparation"]
    assert {s["frequency"] for s in data["subscriptions"]} == {"weekly"}
    accounts.delete_account(member)
    assert list(Subscription.objects.all()) == [kept]
