"""Réalisations and ressources go through the one moderation workflow (moderation.workflow),
unchanged: draft, review, change request with its base, stale base, partial approval,
send back, restore; communes, programmes, partners and authors travel by stable keys."""

from datetime import date

import pytest

from actors.models import Commune, Theme
from expertise.declaration import write_partners
from expertise.models import Realisation, Ressource, RessourceType
from moderation import workflow
from moderation.contract import ProposalKind, ProposalStatus, Status, rows
from moderation.models import Action
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db


def publish_new(obj, values, people):
    editor, moderator = people["editor"], people["moderator"]
    workflow.create_draft(obj, editor)
    declaration = obj.declaration()
    declaration.apply(obj, {**declaration.snapshot(obj), **values})
    request = workflow.submit_for_review(obj, editor)
    assert request.kind == ProposalKind.NEW
    workflow.decide_change_request(request, moderator, Action.APPROVE)
    obj.refresh_from_db()
    assert obj.status == Status.PUBLISHED
    return obj


def test_a_realisation_from_draft_to_partial_change_and_restore(people):
    actor, editor, owner, moderator = (people[k] for k in ("actor", "editor", "owner", "moderator"))
    partner = ActorFactory(name="Partenaire")
    communes = [c.insee for c in Commune.objects.order_by("insee")[:2]]
    realisation = publish_new(
        Realisation(actor=actor, title="Atelier"),
        {"summary": "Résumé", "start_date": "2025-01-01", "communes": communes[:1],
         "funding_programme": "feder",
         "partners": [["partenaire", partner.slug, ""], ["financeur", "", "Fondation"]]},
        people,
    )  # fmt: skip
    declaration = realisation.declaration()
    assert declaration.may_edit(editor, realisation) and declaration.may_edit(owner, realisation)
    assert not declaration.may_edit(people["other"], realisation)
    assert not declaration.may_edit(moderator, realisation)
    published = realisation.history.order_by("-history_id").first()
    assert published.status == Status.PUBLISHED and published.history_user == moderator

    current = declaration.snapshot(realisation)
    assert current["start_date"] == "2025-01-01"
    assert current["communes"] == communes[:1] and current["funding_programme"] == "feder"
    assert current["partners"] == [["financeur", "", "Fondation"], ["partenaire", partner.slug, ""]]

    mine = workflow.propose_change(
        realisation, editor,
        {**current, "title": "Atelier vélo", "communes": communes, "end_date": "2025-06-30"},
        realisation.updated_at,
    )  # fmt: skip
    theirs = workflow.propose_change(
        realisation, owner, {**current, "summary_eu": "Laburpena"}, realisation.updated_at
    )
    workflow.decide_change_request(theirs, moderator, Action.APPROVE)
    realisation.refresh_from_db()
    mine.refresh_from_db()
    assert mine.is_stale
    with pytest.raises(workflow.StaleBase):
        workflow.decide_change_request(mine, moderator, Action.APPROVE)
    diff = rows(declaration, mine.base, mine.proposed, declaration.snapshot(realisation))
    assert [(r["name"], r["mine"], r["conflict"], r["lang"]) for r in diff] == [
        ("title", True, False, "fr"),
        ("summary_eu", False, True, "eu"),
        ("end_date", True, False, None),
        ("communes", True, False, None),
    ]
    workflow.decide_change_request(
        mine, moderator, Action.APPROVE, fields=["title", "communes"],
        seen_updated_at=realisation.updated_at,
    )  # fmt: skip
    realisation.refresh_from_db()
    assert (realisation.title, realisation.summary_eu, realisation.end_date) == (
        "Atelier vélo", "Laburpena", None,
    )  # fmt: skip
    assert sorted(realisation.communes.values_list("insee", flat=True)) == communes

    workflow.restore_version(
        realisation, published.history_id, moderator, "Retour", realisation.updated_at
    )
    realisation.refresh_from_db()
    restored = declaration.snapshot(realisation)
    assert {k: v for k, v in restored.items() if k != "partners"} == {
        k: v for k, v in current.items() if k != "partners"
    }
    assert realisation.start_date == date(2025, 1, 1)


def test_a_ressource_from_draft_to_change_with_authors(people):
    actor, editor, moderator = people["actor"], people["editor"], people["moderator"]
    coauthor = ActorFactory(name="Co-autrice")
    guide = RessourceType.objects.get(slug="guide")
    ressource = publish_new(
        Ressource(actor=actor, title="Guide", type=guide, licence="cc-by-4.0"),
        {"authors": [actor.slug], "link": "https://example.org/g"},
        people,
    )
    declaration = ressource.declaration()
    current = declaration.snapshot(ressource)
    assert (current["type"], current["authors"]) == ("guide", [actor.slug])
    request = workflow.propose_change(
        ressource, editor,
        {**current, "type": "video", "authors": sorted([actor.slug, coauthor.slug]),
         "themes": [Theme.objects.order_by("slug").first().slug]},
        ressource.updated_at,
    )  # fmt: skip
    assert workflow.changed_fields(request) == ["type", "themes", "authors"]
    workflow.decide_change_request(request, moderator, Action.APPROVE)
    ressource.refresh_from_db()
    assert ressource.type.slug == "video"
    assert set(ressource.authors.values_list("slug", flat=True)) == {actor.slug, coauthor.slug}
    latest = ressource.history.order_by("-history_id").first()
    assert latest.history_change_reason == f"Demande n° {request.pk} acceptée"


def test_a_request_sent_back_returns_the_draft_and_the_author_cannot_decide(people):
    actor, editor = people["actor"], people["editor"]
    realisation = workflow.create_draft(Realisation(actor=actor, title="Brouillon"), editor)
    request = workflow.submit_for_review(realisation, editor)
    with pytest.raises(workflow.ModerationError):
        workflow.decide_change_request(request, people["other"], Action.APPROVE)
    with pytest.raises(workflow.ModerationError):
        workflow.decide_change_request(request, people["moderator"], Action.CHANGES, "")
    workflow.decide_change_request(request, people["moderator"], Action.CHANGES, "Des dates ?")
    realisation.refresh_from_db()
    request.refresh_from_db()
    assert realisation.status == Status.DRAFT
    assert request.status == ProposalStatus.CHANGES_REQUESTED
    assert workflow.submit_for_review(realisation, editor).pk == request.pk


def test_partners_naming_no_known_actor_are_dropped(people):
    realisation = Realisation.objects.create(actor=people["actor"], title="X")
    write_partners(realisation, [["partenaire", "inconnu", ""], ["porteur", "", "Mairie"]])
    assert list(realisation.partners.values_list("name", "role")) == [("Mairie", "porteur")]
