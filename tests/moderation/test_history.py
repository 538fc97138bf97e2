"""Versions of actors: attributed, one per decision, comparable and restorable."""

import pytest
from django.urls import reverse

from actors.models import Actor, Theme
from moderation import workflow as services
from moderation.history import recorded, values_of, versions
from moderation.models import Action, Decision
from tests.moderation.conftest import propose

pytestmark = pytest.mark.django_db


def test_a_restore_round_trip(people, actor):
    original = actor.history.latest()
    cr = propose(
        actor, people["editor"], name="Nom vandalisé", themes=["low-tech"], phone="06 00 00 00 00"
    )
    services.decide_change_request(cr, people["moderator"], Action.APPROVE)
    actor.refresh_from_db()
    assert actor.name == "Nom vandalisé"

    services.restore_version(
        actor, original.history_id, people["staff"], "Vandalisme.", actor.updated_at
    )
    actor.refresh_from_db()
    assert actor.name == "Repair Café Bayonne" and actor.phone == ""
    assert list(actor.themes.values_list("slug", flat=True)) == ["reemploi-reparation"]
    restored = versions(actor).first()
    assert restored.history_user == people["staff"]
    assert "Restauration de la version du" in restored.history_change_reason
    assert "Vandalisme." in restored.history_change_reason
    assert values_of(restored) == values_of(original)
    assert Decision.objects.filter(action=Action.RESTORE).count() == 1
    # Nothing was lost: the vandalised version is still there to restore, too.
    assert actor.history.filter(name="Nom vandalisé").exists()
    # And the search index followed.
    assert Actor.objects.get(pk=actor.pk).search_text.startswith("repair cafe bayonne")


def test_a_restore_against_a_version_compared_before_a_change_is_refused(people, actor):
    original = actor.history.latest()
    seen = actor.updated_at
    services.decide_change_request(
        propose(actor, people["editor"], name="Entre-temps"), people["moderator"], Action.APPROVE
    )
    with pytest.raises(services.StaleBase):
        services.restore_version(actor, original.history_id, people["staff"], "Oups.", seen)
    assert Actor.objects.get(pk=actor.pk).name == "Entre-temps"


def test_restoring_needs_a_moderator_and_a_reason(people, actor):
    version = actor.history.latest()
    with pytest.raises(services.ModerationError):
        services.restore_version(actor, version.history_id, people["owner"], "x", actor.updated_at)
    with pytest.raises(services.ModerationError):
        services.restore_version(actor, version.history_id, people["staff"], " ", actor.updated_at)


def test_a_version_of_another_actor_cannot_be_restored(people, actor, reference):
    from tests.factories import ActorFactory

    other = ActorFactory(name="Autre")
    with pytest.raises(services.ModerationError, match="Version inconnue"):
        services.restore_version(
            actor, other.history.latest().history_id, people["staff"], "x", actor.updated_at
        )


def test_one_version_per_recorded_block(people, actor):
    before = actor.history.count()
    with recorded(people["staff"], "Essai"):
        actor.name = "Un"
        actor.save()
        actor.themes.set([])
        actor.save()
    assert actor.history.count() == before + 1
    assert actor.history.latest().history_change_reason == "Essai"


def test_admin_edits_outside_the_console_are_versioned_too(actor):
    before = actor.history.count()
    actor.summary = "Nouveau résumé."
    actor.save()
    assert actor.history.count() == before + 1


def version_without_themes(actor):
    with recorded(None, "Avant les thématiques"):
        actor.themes.set([])
    version = actor.history.latest()
    with recorded(None, "Thématiques"):
        actor.themes.set(Theme.objects.filter(slug="reemploi-reparation"))
    actor.refresh_from_db()
    return version


def test_a_version_breaking_the_form_rules_is_not_restored(client, people, actor):
    version = version_without_themes(actor)
    before = (actor.updated_at, actor.history.count(), Decision.objects.count())
    with pytest.raises(services.ModerationError) as error:
        services.restore_version(
            actor, version.history_id, people["staff"], "Retour.", actor.updated_at
        )
    assert "Thématiques" in str(error.value) and "n'a pas été restaurée" in str(error.value)
    actor.refresh_from_db()
    assert (actor.updated_at, actor.history.count(), Decision.objects.count()) == before
    assert list(actor.themes.values_list("slug", flat=True)) == ["reemploi-reparation"]


def test_the_console_shows_why_a_version_cannot_be_restored(client, people, actor):
    version = version_without_themes(actor)
    client.force_login(people["staff"])
    url = reverse("moderation:restore", kwargs={"slug": actor.slug, "version": version.history_id})
    data = {"reason": "Retour.", "seen": actor.updated_at.isoformat()}
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Thématiques" in response.content.decode()
    assert Actor.objects.get(pk=actor.pk).updated_at == actor.updated_at
