"""The queue: every pending item once, oldest first, counts, filters and search."""

from datetime import timedelta

import pytest
from django.utils import timezone

from actors.models import Commune, Theme
from contributions.models import ChangeRequest, Claim, Suggestion
from moderation import queue
from moderation.models import ItemType

pytestmark = pytest.mark.django_db


def aged(model, obj, days):
    model.objects.filter(pk=obj.pk).update(created_at=timezone.now() - timedelta(days=days))


def test_every_pending_item_oldest_first(change, new_org, claim, suggestion):
    aged(Suggestion, suggestion, 5)
    aged(ChangeRequest, change, 3)
    aged(Claim, claim, 1)
    items = queue.items(queue.querysets())
    assert [(i.type, i.pk) for i in items] == [
        (ItemType.SUGGESTION, suggestion.pk),
        (ItemType.CHANGE, change.pk),
        (ItemType.CLAIM, claim.pk),
        (ItemType.NEW, new_org.pk),
    ]
    counts = {row["type"]: row["count"] for row in queue.counts(queue.querysets())}
    assert counts == {"new": 1, "change": 1, "claim": 1, "suggestion": 1}


def test_decided_items_leave_the_queue(people, change, claim):
    from moderation import workflow as services
    from moderation.models import Action

    services.decide_claim(claim, people["moderator"], Action.APPROVE)
    assert [i.pk for i in queue.items(queue.querysets())] == [change.pk]


def test_filters_and_search(change, new_org, claim, suggestion):
    bayonne = Commune.objects.get(insee="64102")
    mauleon = Commune.objects.get(insee="64371")
    low_tech = Theme.objects.get(slug="low-tech")
    assert len(queue.items(queue.querysets(commune=bayonne))) == 4
    assert queue.items(queue.querysets(commune=mauleon)) == []
    assert queue.items(queue.querysets(theme=low_tech)) == []
    assert [i.pk for i in queue.items(queue.querysets(text="Hasparren"))] == [new_org.pk]
    assert [i.type for i in queue.items(queue.querysets(text="autre@"))] == [ItemType.CLAIM]
    assert [i.type for i in queue.items(queue.querysets(), ItemType.SUGGESTION)] == [
        ItemType.SUGGESTION
    ]


def test_the_queue_page_filters_with_a_get_form(client, people, change, claim):
    client.force_login(people["moderator"])
    response = client.get("/fr/moderation/?type=claim")
    assert f"/fr/moderation/revendications/{claim.pk}/" in response.content.decode()
    assert f"/fr/moderation/demandes/{change.pk}/" not in response.content.decode()
    # Nonsense in the URL is an error next to its field, not a 500, and the queue still shows.
    response = client.get("/fr/moderation/?commune=00000&theme=%3Cscript%3E&type=x&page=abc")
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert "<script>" not in response.content.decode()
    assert f"/fr/moderation/demandes/{change.pk}/" in response.content.decode()
