"""A kind the console does not list (a réalisation) compared with its past versions and
restored in the admin, through the workflow's rules, by moderators only."""

import pytest
from django.urls import reverse

from moderation import workflow

from .conftest import make_realisation

pytestmark = pytest.mark.django_db

XSS = "<script>alert('x')</script>"


@pytest.fixture
def realisation(people):
    """Two versions: the first title, then one a moderator's decision wrote."""
    item = make_realisation(people["actor"], title="Atelier vélo")
    change = workflow.propose_change(
        item, people["editor"], {"title": f"Atelier {XSS}"}, item.updated_at
    )
    workflow.apply_change_request(change, people["moderator"])
    item.refresh_from_db()
    return item


def urls(item):
    history = reverse("admin:expertise_realisation_history", args=[item.pk])
    first = item.history.order_by("history_date", "history_id").first()
    return history, f"{history}{first.history_id}/"


def test_moderators_compare_a_version_and_restore_it(client, people, realisation):
    history, version = urls(realisation)
    client.force_login(people["moderator"])
    listing = client.get(history)
    assert listing.status_code == 200 and version in listing.text
    assert XSS not in listing.text
    compared = client.get(version)
    assert compared.status_code == 200
    assert "Atelier vélo" in compared.text and "&lt;script&gt;" in compared.text
    assert XSS not in compared.text
    seen = realisation.updated_at.isoformat()

    refused = client.post(version, {"reason": "", "seen": seen})
    assert refused.status_code == 400
    realisation.refresh_from_db()
    assert realisation.title == f"Atelier {XSS}"

    done = client.post(version, {"reason": "Titre d'origine", "seen": seen})
    assert done.status_code == 302 and done["Location"] == history
    realisation.refresh_from_db()
    assert realisation.title == "Atelier vélo"
    latest = realisation.history.first()
    assert latest.history_user == people["moderator"] and "Titre d'origine" in (
        latest.history_change_reason
    )


def test_a_stale_comparison_restores_nothing(client, people, realisation):
    _, version = urls(realisation)
    client.force_login(people["moderator"])
    stale = client.post(version, {"reason": "Motif", "seen": "2020-01-01T00:00:00+00:00"})
    assert stale.status_code == 400 and "comparez de nouveau" in stale.text
    realisation.refresh_from_db()
    assert realisation.title == f"Atelier {XSS}"


@pytest.mark.parametrize("who", [None, "other", "editor", "owner", "staff"])
def test_only_moderators_see_and_restore_versions(client, people, realisation, who):
    history, version = urls(realisation)
    if who:
        client.force_login(people[who])
    seen = realisation.updated_at.isoformat()
    for response in (
        client.get(history),
        client.get(version),
        client.post(version, {"reason": "Motif", "seen": seen}),
    ):
        # The admin sends visitors without staff status to its login; staff without the
        # moderators' permissions are refused.
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert "/admin/login/" in response["Location"]
    realisation.refresh_from_db()
    assert realisation.title == f"Atelier {XSS}"


def test_an_unknown_version_is_not_found(client, people, realisation):
    history, _ = urls(realisation)
    client.force_login(people["moderator"])
    assert client.get(f"{history}999999/").status_code == 404
