"""The console's pages: what they show, and how they answer bad input (400 with the
reason, nothing changed; never a 500)."""

import pytest

from actors.models import Actor
from contributions.models import ChangeRequest, Membership, RequestStatus, Role
from moderation.models import Decision
from moderation.workflow import changed_fields
from tests.contributions.helpers import fingerprint
from tests.moderation.conftest import propose

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator_client(client, people):
    client.force_login(people["moderator"])
    return client


def test_the_item_page_shows_the_diff_requester_and_date(moderator_client, change):
    page = moderator_client.get(f"/fr/moderation/demandes/{change.pk}/").content.decode()
    assert "Repair Café Bayonne" in page and "Repair Café Pays Basque" in page
    assert "editrice@example.org" in page
    assert 'name="fields" value="name"' in page and 'name="fields" value="phone"' in page


def test_a_moved_location_shows_two_maps_and_the_distance(moderator_client, actor, people):
    x, y = actor.location.x, actor.location.y
    cr = propose(actor, people["editor"], location=[round(x + 0.01, 6), round(y, 6)])
    page = moderator_client.get(f"/fr/moderation/demandes/{cr.pk}/").content.decode()
    assert page.count('role="img"') == 2
    assert "La position se déplace de" in page
    assert "mètres" in page
    assert f"{y:.5f}" in page  # the coordinates, readable without any map


def test_approving_field_by_field_through_the_page(moderator_client, change):
    response = moderator_client.post(
        f"/fr/moderation/demandes/{change.pk}/decider/",
        {"action": "approve", "fields": ["phone"], "seen": change.actor.updated_at.isoformat()},
    )
    assert response.status_code == 302
    actor = Actor.objects.get(pk=change.actor_id)
    assert actor.phone == "05 59 00 00 00" and actor.name == "Repair Café Bayonne"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"action": "reject"}, "Indiquez un motif"),
        ({"action": "changes", "reason": ""}, "Indiquez un motif"),
        ({"action": "delete"}, "Sélectionnez un choix valide"),
        ({"action": "approve", "fields": ["is_demo"]}, "Sélectionnez un choix valide"),
        ({"action": "approve", "fields": []}, None),  # no field chosen: nothing to apply
        ({"action": "reject", "reason": "x" * 2001}, "2000"),
    ],
)
def test_bad_decisions_are_explained_and_change_nothing(moderator_client, change, data, message):
    if data.get("fields") == []:
        data = {"action": "approve", "seen": ""}  # every box unticked: none is sent
        message = "au moins un champ"
    before = fingerprint()
    response = moderator_client.post(f"/fr/moderation/demandes/{change.pk}/decider/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert fingerprint() == before and Decision.objects.count() == 0


def test_a_reason_too_long_is_kept_and_not_called_missing(moderator_client, change):
    reason = "Trop long. " * 200
    response = moderator_client.post(
        f"/fr/moderation/demandes/{change.pk}/decider/", {"action": "reject", "reason": reason}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "au plus 2000 caractères" in page and "Indiquez un motif" not in page
    assert reason.strip() in page


def test_a_refused_decision_lists_its_errors_and_marks_the_reason(moderator_client, change):
    """The summary (#errors) is what forms.js focuses; the field says it is invalid."""
    url = f"/fr/moderation/demandes/{change.pk}/"
    page = moderator_client.get(url).content.decode()
    assert 'id="errors"' not in page and "aria-invalid" not in page
    response = moderator_client.post(url + "decider/", {"action": "reject", "reason": ""})
    page = response.content.decode()
    assert 'class="error-summary" role="alert" tabindex="-1" id="errors"' in page
    assert '<a href="#id_reason">Motif : Indiquez un motif' in page
    assert 'id="id_reason" rows="4" maxlength="2000" aria-invalid="true"' in page
    assert "js/forms.js" in page and "data-unsaved" in page


def test_a_stale_request_needs_an_explicit_recheck(moderator_client, actor, people):
    theirs = propose(actor, people["owner"], phone="05 59 99 99 99")
    mine = propose(actor, people["editor"], name="Nom de l'éditrice")
    moderator_client.post(
        f"/fr/moderation/demandes/{theirs.pk}/decider/",
        {"action": "approve", "fields": changed_fields(theirs)},
    )
    actor.refresh_from_db()
    page = moderator_client.get(f"/fr/moderation/demandes/{mine.pk}/").content.decode()
    assert "Conflit" in page and "05 59 99 99 99" in page and 'name="recheck"' in page
    url = f"/fr/moderation/demandes/{mine.pk}/decider/"
    seen = actor.updated_at.isoformat()
    fields = changed_fields(mine)
    response = moderator_client.post(url, {"action": "approve", "seen": seen, "fields": fields})
    assert response.status_code == 400 and "vérification" in response.content.decode()
    assert ChangeRequest.objects.get(pk=mine.pk).status == RequestStatus.PENDING
    response = moderator_client.post(
        url, {"action": "approve", "seen": seen, "recheck": "on", "fields": fields}
    )
    assert response.status_code == 302
    actor.refresh_from_db()
    assert (actor.name, actor.phone) == ("Nom de l'éditrice", "05 59 99 99 99")


def test_ones_own_request_is_flagged_and_refused(client, people, actor):
    Membership.objects.create(user=people["moderator"], actor=actor, role=Role.EDITOR)
    own = propose(actor, people["moderator"], name="À moi")
    client.force_login(people["moderator"])
    assert (
        "votre propre demande" in client.get(f"/fr/moderation/demandes/{own.pk}/").content.decode()
    )
    response = client.post(f"/fr/moderation/demandes/{own.pk}/decider/", {"action": "approve"})
    assert response.status_code == 400 and "propre demande" in response.content.decode()
    assert Actor.objects.get(pk=actor.pk).name == actor.name


def test_user_content_is_escaped_everywhere(moderator_client, people, actor, claim, suggestion):
    payload = '<img src=x onerror="alert(1)">'
    cr = propose(actor, people["editor"], name=payload, summary=payload)
    claim.message = payload
    claim.save()
    suggestion.text = payload
    suggestion.save()
    for path in [
        "/fr/moderation/",
        f"/fr/moderation/demandes/{cr.pk}/",
        f"/fr/moderation/revendications/{claim.pk}/",
        f"/fr/moderation/suggestions/{suggestion.pk}/",
    ]:
        page = moderator_client.get(path).content.decode()
        assert payload not in page, path
    moderator_client.post(
        f"/fr/moderation/demandes/{cr.pk}/decider/",
        {"action": "approve", "fields": changed_fields(cr)},
    )
    for path in [f"/fr/moderation/acteurs/{Actor.objects.get(pk=actor.pk).slug}/",
                 "/fr/moderation/tableau-de-bord/"]:  # fmt: skip
        assert payload not in moderator_client.get(path).content.decode()


def test_restore_page_and_its_errors(moderator_client, people, actor):
    first = actor.history.latest().history_id
    cr = propose(actor, people["editor"], name="Autre nom")
    moderator_client.post(
        f"/fr/moderation/demandes/{cr.pk}/decider/", {"action": "approve", "fields": ["name"]}
    )
    actor.refresh_from_db()
    page = moderator_client.get(f"/fr/moderation/acteurs/{actor.slug}/versions/{first}/")
    assert "Autre nom" in page.content.decode() and "Repair Café Bayonne" in page.content.decode()
    url = f"/fr/moderation/acteurs/{actor.slug}/versions/{first}/restaurer/"
    response = moderator_client.post(url, {"reason": "", "seen": actor.updated_at.isoformat()})
    assert response.status_code == 400
    response = moderator_client.post(url, {"reason": "Retour.", "seen": "pas une date"})
    assert response.status_code == 400 and "comparez de nouveau" in response.content.decode()
    assert Actor.objects.get(pk=actor.pk).name == "Autre nom"
    response = moderator_client.post(
        url, {"reason": "Retour.", "seen": actor.updated_at.isoformat()}
    )
    assert response.status_code == 302
    assert Actor.objects.get(pk=actor.pk).name == "Repair Café Bayonne"


def test_archive_without_reason_is_refused(moderator_client, actor):
    response = moderator_client.post(f"/fr/moderation/acteurs/{actor.slug}/archiver/", {})
    assert response.status_code == 302
    assert Actor.objects.get(pk=actor.pk).status == "published"
    page = moderator_client.get(response["Location"]).content.decode()
    assert "Indiquez un motif" in page


def test_the_moderation_link_is_shown_to_moderators_only(client, people, actor):
    client.force_login(people["owner"])
    assert "/fr/moderation/" not in client.get("/fr/mon-espace/").content.decode()
    client.force_login(people["moderator"])
    assert 'href="/fr/moderation/"' in client.get("/fr/mon-espace/").content.decode()


def test_no_delete_anywhere_in_the_console(moderator_client, actor, change):
    for path in [f"/fr/moderation/acteurs/{actor.slug}/", f"/fr/moderation/demandes/{change.pk}/"]:
        page = moderator_client.get(path).content.decode().lower()
        assert "supprimer" not in page and "delete" not in page
