"""The moderators' digest and the dashboard's figures and choropleth."""

import io

import pytest
from django.core import mail
from django.core.management import call_command

from actors.models import Commune
from moderation import dashboard

pytestmark = pytest.mark.django_db


def test_the_digest_goes_to_each_moderator_with_the_counts(people, change, claim, suggestion):
    call_command("send_moderation_digest", stdout=io.StringIO())
    assert sorted(m.to[0] for m in mail.outbox) == [
        "equipe@example.org",
        "moderatrice@example.org",
    ]
    body = mail.outbox[0].body
    assert "Modification : 1" in body and "Revendication : 1" in body
    assert "Suggestion : 1" in body and "/fr/moderation/" in body
    assert "3 éléments en attente" in mail.outbox[0].subject


def test_no_digest_when_nothing_waits(people):
    call_command("send_moderation_digest", stdout=io.StringIO())
    assert mail.outbox == []


@pytest.mark.parametrize(
    "counts, expected",
    [
        ([0, 0], []),
        ([0, 1, 1, 1], [1]),
        ([0, 1, 2, 3, 4, 5, 6, 7, 8], [2, 4, 6, 8]),
    ],
)
def test_class_breaks(counts, expected):
    assert dashboard.breaks(counts) == expected


def test_class_of():
    assert [dashboard.class_of(n, [2, 4, 6, 8]) for n in [0, 1, 2, 3, 8, 9]] == [0, 1, 1, 2, 4, 4]


def test_choropleth_counts_published_actors_per_commune(actor, reference):
    from tests.factories import ActorFactory

    ActorFactory(draft=True)  # not counted
    result = dashboard.choropleth()
    assert len(result["communes"]) == Commune.objects.count() == 158
    bayonne = next(c for c in result["communes"] if c.insee == "64102")
    assert bayonne.actors_count == 1 and bayonne.css > 0
    assert bayonne.svg.startswith("M ")
    assert sum(c.actors_count for c in result["communes"]) == 1
