"""A directory actor named a réalisation's partner confirms or declines the link: its
members and staff may, nobody else; a declined link is not shown, a pending one is marked
on the réalisation's page and left off the partner's page; answers survive later changes."""

import pytest

from contributions.models import Membership, Role
from expertise.declaration import partner_triples, write_partners
from expertise.models import Partner, PartnerAnswer, PartnerRole
from tests.factories import ActorFactory

from .conftest import make_realisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def link(people, django_user_model):
    partner_actor = ActorFactory(name="Konpon Txoko")
    for role in (Role.OWNER, Role.EDITOR):
        user = django_user_model.objects.create_user(f"partner-{role}", f"p{role}@example.org")
        Membership.objects.create(user=user, actor=partner_actor, role=role)
        people[f"partner-{role}"] = user
    realisation = make_realisation(people["actor"], title="Repair café itinérant")
    return Partner.objects.create(
        realisation=realisation, actor=partner_actor, role=PartnerRole.PARTNER
    )


def answer(client, user, link, value="confirmed"):
    if user is not None:
        client.force_login(user)
    url = f"/fr/acteurs/{link.actor.slug}/partenariats/{link.pk}/"
    return client.post(url, {"answer": value})


@pytest.mark.parametrize(
    "who, allowed",
    [
        ("partner-owner", True),
        ("partner-editor", True),
        ("staff", True),
        ("moderator", True),
        ("owner", False),  # of the carrying actor, not of the partner
        ("editor", False),
        ("other", False),
    ],
)
def test_who_may_answer(client, people, link, who, allowed):
    response = answer(client, people[who], link, "declined")
    link.refresh_from_db()
    if allowed:
        assert response.status_code == 302
        assert response["Location"].endswith("/expertise/#partenariats")
        assert link.answer == PartnerAnswer.DECLINED
        assert link.answered_by == people[who]
        assert link.answered_at is not None
    else:
        assert response.status_code == 403
        assert link.answer == PartnerAnswer.PENDING


def test_visitors_are_sent_to_log_in(client, link):
    response = answer(client, None, link)
    assert response.status_code == 302
    assert "/compte/" in response["Location"]
    link.refresh_from_db()
    assert link.answer == PartnerAnswer.PENDING


def test_only_posts_and_known_answers(client, people, link):
    client.force_login(people["partner-owner"])
    url = f"/fr/acteurs/{link.actor.slug}/partenariats/{link.pk}/"
    assert client.get(url).status_code == 405
    response = client.post(url, {"answer": "pending"}, follow=True)
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert (
        client.post(f"/fr/acteurs/{people['actor'].slug}/partenariats/{link.pk}/").status_code
        == 404
    )
    link.refresh_from_db()
    assert link.answer == PartnerAnswer.PENDING


def test_the_csrf_token_is_required(people, link):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    assert answer(client, people["partner-owner"], link).status_code == 403


def test_the_members_page_lists_the_link_with_both_answers(client, people, link):
    client.force_login(people["partner-editor"])
    page = client.get(f"/fr/acteurs/{link.actor.slug}/expertise/").content.decode()
    assert "Repair café itinérant" in page
    assert 'value="confirmed"' in page and 'value="declined"' in page


def test_what_the_public_sees_of_each_answer(client, people, link):
    realisation_url = link.realisation.get_absolute_url()
    actor_url = link.actor.get_absolute_url()

    page = client.get(realisation_url).content.decode()
    assert "Konpon Txoko</a> (partenaire, non confirmé)" in page
    assert "Repair café itinérant" not in client.get(actor_url).content.decode()

    answer(client, people["partner-owner"], link, "confirmed")
    page = client.get(realisation_url).content.decode()
    assert "Konpon Txoko</a> (partenaire)" in page
    assert "Repair café itinérant" in client.get(actor_url).content.decode()

    answer(client, people["partner-owner"], link, "declined")
    assert "Konpon Txoko" not in client.get(realisation_url).content.decode()
    assert "Repair café itinérant" not in client.get(actor_url).content.decode()


def test_answers_survive_a_change_of_the_other_partners(people, link):
    link.answer = PartnerAnswer.CONFIRMED
    link.save()
    triples = partner_triples(link.realisation.partners.all())
    write_partners(link.realisation, [*triples, [PartnerRole.FUNDER, "", "Région"]])
    kept = Partner.objects.get(pk=link.pk)
    assert kept.answer == PartnerAnswer.CONFIRMED
    assert link.realisation.partners.count() == 2
    write_partners(link.realisation, [[PartnerRole.FUNDER, "", "Région"]])
    assert not Partner.objects.filter(pk=link.pk).exists()
