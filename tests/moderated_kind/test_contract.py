"""A kind declared moderated (tests/moderated_kind: a model, a request model, a declaration)
goes through the same workflow as actors, with no change to moderation.workflow: draft,
review, change request against a base version, stale base, partial approval, restore."""

import pytest

from actors.models import Theme
from moderation import workflow
from moderation.contract import ProposalKind, ProposalStatus, Status, rows
from moderation.models import Action

from .models import Note

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(django_user_model):
    def user(name, **extra):
        return django_user_model.objects.create_user(name, f"{name}@example.org", "x", **extra)

    return {"owner": user("owner"), "other": user("other"), "moderator": user("mod", is_staff=True)}


def published_note(people, themes):
    owner, moderator = people["owner"], people["moderator"]
    note = workflow.create_draft(Note(owner=owner, title="Brouillon"), owner)
    form = {"title": "Atelier", "body": "Texte", "body_eu": "Testua", "themes": themes[:1]}
    workflow.update_draft(note, form)
    request = workflow.submit_for_review(note, owner)
    note.refresh_from_db()
    assert (request.kind, note.status) == (ProposalKind.NEW, Status.PENDING)
    workflow.decide_change_request(request, moderator, Action.APPROVE)
    note.refresh_from_db()
    assert note.status == Status.PUBLISHED
    return note


def test_a_new_kind_goes_through_the_same_workflow(reference, people):
    themes = list(Theme.objects.order_by("slug")[:2])
    slugs = [theme.slug for theme in themes]
    moderator = people["moderator"]
    note = published_note(people, themes)
    declaration = Note.declaration()
    assert declaration.may_edit(people["owner"], note)
    assert not declaration.may_edit(people["other"], note)
    published = note.history.order_by("-history_id").first()
    assert published.status == Status.PUBLISHED and published.history_user == moderator

    current = declaration.snapshot(note)
    assert current == {"title": "Atelier", "body": "Texte", "body_eu": "Testua",
                       "themes": slugs[:1]}  # fmt: skip
    mine = workflow.propose_change(
        note, people["owner"], {**current, "title": "Atelier vélo", "body": "Autre"},
        note.updated_at,
    )  # fmt: skip
    assert (mine.base, mine.base_updated_at) == (current, note.updated_at)
    theirs = workflow.propose_change(
        note, people["other"], {**current, "body_eu": "Testu berria", "themes": slugs},
        note.updated_at,
    )  # fmt: skip
    workflow.decide_change_request(theirs, moderator, Action.APPROVE)
    note.refresh_from_db()
    mine.refresh_from_db()

    # Stale: someone else's change was published since the request's base.
    assert mine.is_stale
    with pytest.raises(workflow.StaleBase):
        workflow.decide_change_request(mine, moderator, Action.APPROVE)
    diff = rows(declaration, mine.base, mine.proposed, declaration.snapshot(note))
    assert [(row["name"], row["mine"], row["conflict"], row["lang"]) for row in diff] == [
        ("title", True, False, None),
        ("body", True, False, "fr"),
        ("body_eu", False, True, "eu"),
        ("themes", False, True, None),
    ]

    # Re-checked against the current version, approved for the title only.
    workflow.decide_change_request(
        mine, moderator, Action.APPROVE, fields=["title"], seen_updated_at=note.updated_at
    )
    note.refresh_from_db()
    mine.refresh_from_db()
    assert (note.title, note.body, note.body_eu) == ("Atelier vélo", "Texte", "Testu berria")
    assert sorted(note.themes.values_list("slug", flat=True)) == slugs
    assert (mine.status, mine.decided_by) == (ProposalStatus.APPROVED, moderator)
    assert mine.decided_at is not None
    latest = note.history.order_by("-history_id").first()
    assert latest.history_change_reason == f"Demande n° {mine.pk} acceptée en partie"

    # The version published first comes back whole, as a new version.
    with pytest.raises(workflow.StaleBase):
        workflow.restore_version(note, published.history_id, moderator, "Retour", None)
    workflow.restore_version(note, published.history_id, moderator, "Retour", note.updated_at)
    note.refresh_from_db()
    assert declaration.snapshot(note) == current
    assert note.status == Status.PUBLISHED
    restored = note.history.order_by("-history_id").first()
    assert restored.history_user == moderator
    assert restored.history_change_reason.startswith("Restauration de la version du ")


def test_a_request_sent_back_returns_the_new_note_to_draft(reference, people):
    owner = people["owner"]
    note = workflow.create_draft(Note(owner=owner, title="Brouillon"), owner)
    request = workflow.submit_for_review(note, owner)
    with pytest.raises(workflow.ModerationError):
        workflow.decide_change_request(request, people["moderator"], Action.CHANGES, "")
    workflow.decide_change_request(request, people["moderator"], Action.CHANGES, "Un thème ?")
    note.refresh_from_db()
    request.refresh_from_db()
    assert note.status == Status.DRAFT
    assert (request.status, request.moderator_note) == (
        ProposalStatus.CHANGES_REQUESTED,
        "Un thème ?",
    )
    again = workflow.submit_for_review(note, owner)
    assert again.pk == request.pk and again.status == ProposalStatus.PENDING
