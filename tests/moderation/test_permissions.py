"""Every console URL and method, for each role: the response, and for a refusal (or a
GET), that the database did not change."""

import pytest

from moderation.models import Decision
from tests.contributions.helpers import fingerprint
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "other", "editor", "owner", "moderator", "staff"]
LOGIN, DENY, OK = "login", "deny", "ok"
CONSOLE = [LOGIN, DENY, DENY, DENY, OK, OK]


class Context:
    def __init__(self, actor, change, new_org, claim, suggestion):
        self.actor, self.change, self.new_org = actor, change, new_org
        self.claim, self.suggestion = claim, suggestion
        self.version = actor.history.latest().history_id
        self.archived = ActorFactory(name="Archivée", archived=True)


# (name, method, path builder, data builder)
CASES = [
    ("queue", "get", lambda c: "/fr/moderation/", None),
    ("queue filtered", "get", lambda c: "/fr/moderation/?type=change&q=repair", None),
    ("change", "get", lambda c: f"/fr/moderation/demandes/{c.change.pk}/", None),
    ("new", "get", lambda c: f"/fr/moderation/demandes/{c.new_org.pk}/", None),
    ("claim", "get", lambda c: f"/fr/moderation/revendications/{c.claim.pk}/", None),
    ("suggestion", "get", lambda c: f"/fr/moderation/suggestions/{c.suggestion.pk}/", None),
    ("history", "get", lambda c: f"/fr/moderation/acteurs/{c.actor.slug}/", None),
    ("version", "get",
     lambda c: f"/fr/moderation/acteurs/{c.actor.slug}/versions/{c.version}/", None),
    ("stale", "get", lambda c: "/fr/moderation/fiches-a-verifier/", None),
    ("dashboard", "get", lambda c: "/fr/moderation/tableau-de-bord/", None),
    ("decide change", "post", lambda c: f"/fr/moderation/demandes/{c.change.pk}/decider/",
     lambda c: {"action": "approve", "fields": ["name"], "reason": "Ok."}),
    ("decide new", "post", lambda c: f"/fr/moderation/demandes/{c.new_org.pk}/decider/",
     lambda c: {"action": "reject", "reason": "Hors territoire."}),
    ("decide claim", "post", lambda c: f"/fr/moderation/revendications/{c.claim.pk}/decider/",
     lambda c: {"action": "approve"}),
    ("decide suggestion", "post",
     lambda c: f"/fr/moderation/suggestions/{c.suggestion.pk}/decider/",
     lambda c: {"action": "approve", "fields": ["phone"]}),
    ("restore", "post",
     lambda c: f"/fr/moderation/acteurs/{c.actor.slug}/versions/{c.version}/restaurer/",
     lambda c: {"reason": "Retour.", "seen": c.actor.updated_at.isoformat(),
                "_prepare": "rename"}),
    ("archive", "post", lambda c: f"/fr/moderation/acteurs/{c.actor.slug}/archiver/",
     lambda c: {"reason": "Fermée."}),
    ("unarchive", "post", lambda c: f"/fr/moderation/acteurs/{c.archived.slug}/desarchiver/",
     lambda c: {"reason": "Rouverte."}),
]  # fmt: skip


def state():
    from actors.models import Actor

    return {
        **fingerprint(),
        "decisions": Decision.objects.count(),
        "versions": Actor.history.count(),
        "names": list(Actor.objects.order_by("pk").values_list("name", "phone")),
    }


@pytest.mark.parametrize("role_index, role", list(enumerate(ROLES)))
@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_permission_matrix(
    client, people, actor, change, new_org, claim, suggestion, case, role_index, role
):
    name, method, path, data = case
    context = Context(actor, change, new_org, claim, suggestion)
    payload = data(context) if data else {}
    if payload.pop("_prepare", None):
        # Something to restore from: the current version differs from the first one.
        actor.name = "Renommée"
        actor.save()
        payload["seen"] = actor.updated_at.isoformat()
    if role != "anonymous":
        client.force_login(people[role])
    before = state()
    response = getattr(client, method)(path(context), payload)
    outcome = CONSOLE[role_index]
    if outcome == LOGIN:
        assert response.status_code == 302 and "/fr/compte/login/" in response["Location"]
    elif outcome == DENY:
        assert response.status_code == 403
    else:
        assert response.status_code == (200 if method == "get" else 302), response.content[:500]
    if outcome != OK or method == "get":
        assert state() == before
    else:
        assert state() != before and Decision.objects.count() == before["decisions"] + 1


# A form's URL, and the page that holds the form.
POST_ONLY = [
    (lambda c: f"/fr/moderation/demandes/{c.change.pk}/decider/",
     lambda c: f"/fr/moderation/demandes/{c.change.pk}/"),
    (lambda c: f"/fr/moderation/revendications/{c.claim.pk}/decider/",
     lambda c: f"/fr/moderation/revendications/{c.claim.pk}/"),
    (lambda c: f"/fr/moderation/suggestions/{c.suggestion.pk}/decider/",
     lambda c: f"/fr/moderation/suggestions/{c.suggestion.pk}/"),
    (lambda c: f"/fr/moderation/acteurs/{c.actor.slug}/versions/{c.version}/restaurer/",
     lambda c: f"/fr/moderation/acteurs/{c.actor.slug}/versions/{c.version}/"),
    (lambda c: f"/fr/moderation/acteurs/{c.actor.slug}/archiver/",
     lambda c: f"/fr/moderation/acteurs/{c.actor.slug}/"),
    (lambda c: f"/fr/moderation/acteurs/{c.archived.slug}/desarchiver/",
     lambda c: f"/fr/moderation/acteurs/{c.archived.slug}/"),
]  # fmt: skip


@pytest.mark.parametrize("role_index, role", list(enumerate(ROLES)))
def test_get_never_decides(
    client, people, actor, change, new_org, claim, suggestion, role_index, role
):
    """A GET (a reload of the page a refused decision came back on, its language links) leads
    a moderator to the item's page; others are refused as on that page."""
    context = Context(actor, change, new_org, claim, suggestion)
    if role != "anonymous":
        client.force_login(people[role])
    before = state()
    for path, page in POST_ONLY:
        response = client.get(path(context))
        expected = CONSOLE[role_index]
        if expected == OK:
            assert (response.status_code, response["Location"]) == (302, page(context))
        elif expected == LOGIN:
            assert response.status_code == 302 and "/compte/login/" in response["Location"]
        else:
            assert response.status_code == 403
            assert "réservée à l'équipe de modération" in response.content.decode()
    assert state() == before


def test_decisions_need_the_csrf_token(people, change):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(people["moderator"])
    before = state()
    response = client.post(f"/fr/moderation/demandes/{change.pk}/decider/", {"action": "approve"})
    assert response.status_code == 403 and state() == before


def test_unknown_items_are_404(client, people):
    client.force_login(people["moderator"])
    for path in ["/fr/moderation/demandes/999999/", "/fr/moderation/revendications/999999/",
                 "/fr/moderation/suggestions/999999/", "/fr/moderation/acteurs/personne/",
                 "/fr/moderation/acteurs/personne/versions/1/"]:  # fmt: skip
        assert client.get(path).status_code == 404, path
