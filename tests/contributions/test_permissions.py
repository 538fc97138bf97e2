"""Every actor-scoped URL and method, for each role: the response, and for a refusal, that
the database did not change."""

import pytest

from contributions import profile
from contributions.models import Invitation, Membership
from moderation import workflow
from tests.contributions.helpers import fingerprint, form_data

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "other", "editor", "owner", "staff"]
LOGIN, DENY, OK = "login", "deny", "ok"


def editor_request(actor, people):
    return workflow.propose_change(
        actor, people["editor"], profile.snapshot(actor), actor.updated_at
    )


# (name, method, path builder, data builder, expected per role)
CASES = [
    ("edit", "get", lambda c: f"/fr/acteurs/{c.actor.slug}/modifier/", None,
     [LOGIN, DENY, OK, OK, DENY]),
    ("edit", "post", lambda c: f"/fr/acteurs/{c.actor.slug}/modifier/",
     lambda c: form_data(c.actor, name="Piraté"), [LOGIN, DENY, OK, OK, DENY]),
    ("edit draft", "post", lambda c: f"/fr/acteurs/{c.draft.slug}/modifier/",
     lambda c: form_data(c.draft, name="Piraté"), [LOGIN, DENY, OK, OK, DENY]),
    ("submit draft", "post", lambda c: f"/fr/acteurs/{c.draft.slug}/modifier/",
     lambda c: form_data(c.draft, name="Piraté", action="submit"), [LOGIN, DENY, OK, OK, DENY]),
    ("request", "get", lambda c: f"/fr/acteurs/{c.actor.slug}/demandes/{c.request.pk}/", None,
     [LOGIN, DENY, OK, OK, DENY]),
    ("withdraw", "post", lambda c: f"/fr/acteurs/{c.actor.slug}/demandes/{c.request.pk}/retirer/",
     None, [LOGIN, DENY, OK, DENY, DENY]),
    ("members", "get", lambda c: f"/fr/acteurs/{c.actor.slug}/membres/", None,
     [LOGIN, DENY, OK, OK, DENY]),
    ("invite", "post", lambda c: f"/fr/acteurs/{c.actor.slug}/membres/",
     lambda c: {"email": "x@example.org"}, [LOGIN, DENY, DENY, OK, DENY]),
    ("remove editor", "post",
     lambda c: f"/fr/acteurs/{c.actor.slug}/membres/{c.editor_membership.pk}/retirer/", None,
     [LOGIN, DENY, OK, OK, DENY]),
    ("remove owner", "post",
     lambda c: f"/fr/acteurs/{c.actor.slug}/membres/{c.owner_membership.pk}/retirer/", None,
     [LOGIN, DENY, DENY, DENY, DENY]),  # the last owner cannot leave
    ("revoke invitation", "post",
     lambda c: f"/fr/acteurs/{c.actor.slug}/membres/invitations/{c.invitation.pk}/annuler/",
     None, [LOGIN, DENY, DENY, OK, DENY]),
    ("promote", "post",
     lambda c: f"/fr/acteurs/{c.actor.slug}/membres/{c.editor_membership.pk}/role/",
     lambda c: {"role": "owner"}, [LOGIN, DENY, DENY, OK, DENY]),
    ("claim", "get", lambda c: f"/fr/acteurs/{c.actor.slug}/revendiquer/", None,
     [LOGIN, OK, OK, OK, OK]),
    ("claim", "post", lambda c: f"/fr/acteurs/{c.actor.slug}/revendiquer/",
     lambda c: {"message": "C'est moi."}, [LOGIN, OK, DENY, DENY, OK]),
    ("suggest", "get", lambda c: f"/fr/acteurs/{c.actor.slug}/suggerer/", None,
     [OK, OK, OK, OK, OK]),
]  # fmt: skip


class Context:
    def __init__(self, actor, draft, people):
        self.actor, self.draft = actor, draft
        self.request = editor_request(actor, people)
        self.owner_membership = Membership.objects.get(actor=actor, user=people["owner"])
        self.editor_membership = Membership.objects.get(actor=actor, user=people["editor"])
        self.invitation = Invitation.objects.create(
            actor=actor, email="invitee@example.org", invited_by=people["owner"]
        )


@pytest.mark.parametrize("role_index, role", list(enumerate(ROLES)))
@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_permission_matrix(client, actor, draft, people, case, role_index, role):
    name, method, path, data, expected = case
    context = Context(actor, draft, people)
    if role != "anonymous":
        client.force_login(people[role])
    before = fingerprint()
    response = getattr(client, method)(path(context), data(context) if data else {})
    outcome = expected[role_index]
    if outcome == LOGIN:
        assert response.status_code == 302 and "/fr/compte/login/" in response["Location"]
    elif outcome == DENY:
        # A refusal by permission (403) or by a business rule (400 with the reason shown,
        # or a redirect with an error message): either way, nothing changed.
        assert response.status_code in (302, 400, 403)
    else:
        assert response.status_code in (200, 302), response.status_code
    if outcome != OK or method == "get":
        assert fingerprint() == before
    elif name != "invite":
        assert fingerprint() != before


@pytest.mark.parametrize("role", ROLES)
def test_get_on_action_urls_does_nothing(client, actor, draft, people, role):
    context = Context(actor, draft, people)
    if role != "anonymous":
        client.force_login(people[role])
    before = fingerprint()
    members = f"/fr/acteurs/{actor.slug}/membres/"
    for url, page, allowed in [
        (f"/fr/acteurs/{actor.slug}/demandes/{context.request.pk}/retirer/",
         f"/fr/acteurs/{actor.slug}/demandes/{context.request.pk}/", ["editor", "owner"]),
        (f"/fr/acteurs/{actor.slug}/membres/{context.editor_membership.pk}/retirer/",
         members, ["editor", "owner"]),
        (f"/fr/acteurs/{actor.slug}/membres/invitations/{context.invitation.pk}/annuler/",
         members, ["owner"]),
    ]:  # fmt: skip
        response = client.get(url)
        if role == "anonymous":
            assert response.status_code == 302 and "/compte/login/" in response["Location"]
        elif role in allowed:
            # Leads to the page that holds the form: nothing is done.
            assert (response.status_code, response["Location"]) == (302, page)
        else:
            assert response.status_code == 403
            assert "réservée aux membres de la fiche" in response.content.decode()
    assert fingerprint() == before


@pytest.mark.parametrize("role", ROLES)
def test_archived_and_unknown_actors_do_not_exist(client, actor, people, role):
    if role != "anonymous":
        client.force_login(people[role])
    actor.status = "archived"
    actor.save()
    for url in ["modifier/", "revendiquer/", "suggerer/", "membres/"]:
        assert client.get(f"/fr/acteurs/{actor.slug}/{url}").status_code in (302, 404)
        assert client.get(f"/fr/acteurs/personne/{url}").status_code in (302, 404)


def test_someone_elses_request_is_not_reachable_through_another_actor(client, actor, draft, people):
    cr = editor_request(actor, people)
    client.force_login(people["owner"])
    assert client.get(f"/fr/acteurs/{draft.slug}/demandes/{cr.pk}/").status_code == 404


def test_forms_never_use_all_fields():
    from contributions import forms

    for form in (forms.ActorProfileForm, forms.ActorAddForm):
        assert form._meta.fields != "__all__"
        assert "status" not in form.base_fields and "is_demo" not in form.base_fields


@pytest.mark.parametrize("role", ROLES)
def test_the_former_submit_url_is_gone(client, draft, people, role):
    """Sending a draft is a button of its form (saving first): no URL sends it unsaved."""
    if role != "anonymous":
        client.force_login(people[role])
    before = fingerprint()
    assert client.post(f"/fr/acteurs/{draft.slug}/envoyer/").status_code == 404
    assert fingerprint() == before
