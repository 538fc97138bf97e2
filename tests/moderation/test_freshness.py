"""Stale profiles, the owners' reminders and their signed confirmation links."""

import io
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.utils import timezone

from actors.models import Actor
from contributions.services import ContributionError
from moderation import freshness
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db


def age(actor, days, verified=None):
    Actor.objects.filter(pk=actor.pk).update(
        created_at=timezone.now() - timedelta(days=days), verified_at=verified
    )
    actor.refresh_from_db()
    return actor


def test_stale_means_unconfirmed_for_a_year(actor, reference):
    fresh = ActorFactory(name="Récente")
    confirmed = age(ActorFactory(name="Confirmée"), 900, timezone.now() - timedelta(days=30))
    old = age(ActorFactory(name="Ancienne"), 400)
    draft = age(ActorFactory(name="Brouillon", draft=True), 900)
    stale = set(freshness.stale_actors())
    assert old in stale
    assert not {fresh, confirmed, draft, actor} & stale


def test_reminders_go_to_the_owners_once_a_month(actor, people):
    age(actor, 400)
    call_command("send_freshness_reminders", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["proprio@example.org"]]
    assert "/fr/fiche-a-jour/" in mail.outbox[0].body
    assert "Repair Café Bayonne" in mail.outbox[0].subject
    call_command("send_freshness_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1


def test_the_link_confirms_without_touching_updated_at(actor, people, client):
    age(actor, 400)
    updated = actor.updated_at
    token = freshness.token_for(actor, people["owner"])
    # Opening the link (as a mail scanner would) changes nothing.
    response = client.get(f"/fr/fiche-a-jour/{token}/")
    assert response.status_code == 200 and b"toujours exacte" in response.content
    assert Actor.objects.get(pk=actor.pk).verified_at is None
    response = client.post(f"/fr/fiche-a-jour/{token}/")
    assert response.status_code == 302
    actor.refresh_from_db()
    assert actor.verified_at is not None and actor.updated_at == updated
    assert actor not in freshness.stale_actors()


@pytest.mark.parametrize("bad", ["tampered", "expired", "not-owner"])
def test_bad_links_say_so_and_change_nothing(actor, people, client, settings, bad):
    if bad == "tampered":
        token = freshness.token_for(actor, people["owner"]) + "x"
    elif bad == "expired":
        settings.FRESHNESS_LINK_DAYS = 0
        token = freshness.token_for(actor, people["owner"])
    else:
        token = freshness.token_for(actor, people["editor"])
    for method in (client.get, client.post):
        response = method(f"/fr/fiche-a-jour/{token}/")
        assert response.status_code == 400
        assert "Ce lien" in response.content.decode()
    assert Actor.objects.get(pk=actor.pk).verified_at is None


def test_a_token_for_another_salt_is_refused(actor, people):
    token = signing.dumps({"actor": actor.pk, "user": people["owner"].pk}, salt="autre")
    with pytest.raises(ContributionError):
        freshness.confirm(token)
