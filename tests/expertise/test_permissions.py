"""Every write view, for every role: anonymous visitors are sent to log in; signed-in
people who are not members of the actor, and staff (who moderate, they are not members),
are refused; editors and owners write drafts and change requests."""

import pytest
from django.urls import reverse

from expertise.models import Realisation, RealisationRequest, RessourceRequest
from moderation.contract import Status

from .conftest import make_realisation, make_ressource

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "other", "staff", "editor", "owner"]
ALLOWED = {"editor", "owner"}


def views(people):
    actor = people["actor"]
    realisation = make_realisation(actor, status=Status.DRAFT)
    ressource = make_ressource(actor, status=Status.PUBLISHED)
    return {
        "mine": reverse("expertise:mine", kwargs={"slug": actor.slug}),
        "realisation_add": reverse("expertise:realisation-add", kwargs={"slug": actor.slug}),
        "ressource_add": reverse("expertise:ressource-add", kwargs={"slug": actor.slug}),
        "realisation_edit": reverse("expertise:realisation-edit", args=[realisation.slug]),
        "ressource_edit": reverse("expertise:ressource-edit", args=[ressource.slug]),
    }


def as_role(client, people, role):
    if role != "anonymous":
        client.force_login(people[role])
    return client


@pytest.mark.parametrize("role", ROLES)
def test_each_write_view_reads_for_members_only(client, people, role):
    as_role(client, people, role)
    for name, url in views(people).items():
        response = client.get(url)
        if role == "anonymous":
            assert response.status_code == 302 and "/compte/login/" in response.url, name
        elif role in ALLOWED:
            assert response.status_code == 200, name
        else:
            assert response.status_code == 403, name


REALISATION_FORM = {"title": "Atelier vélo", "progress": "in_progress", "licence": "cc-by-4.0"}


@pytest.mark.parametrize("role", ROLES)
def test_only_members_create_and_submit(client, people, role):
    as_role(client, people, role)
    url = reverse("expertise:realisation-add", kwargs={"slug": people["actor"].slug})
    response = client.post(url, {**REALISATION_FORM, "action": "submit"})
    created = Realisation.objects.filter(title="Atelier vélo").first()
    if role in ALLOWED:
        assert response.status_code == 302
        assert created.status == Status.PENDING and created.actor == people["actor"]
        assert RealisationRequest.objects.get(realisation=created).author == people[role]
    else:
        assert response.status_code in (302, 403) and created is None


@pytest.mark.parametrize("role", ROLES)
def test_only_members_propose_a_change_to_a_published_ressource(client, people, role):
    ressource = make_ressource(people["actor"])
    as_role(client, people, role)
    form = {
        "title": "Guide réécrit", "type": ressource.type.pk, "licence": "etalab-2.0",
        "content_language": "fr", "link": "https://example.org/guide",
        "base": ressource.updated_at.isoformat(),
    }  # fmt: skip
    response = client.post(reverse("expertise:ressource-edit", args=[ressource.slug]), form)
    ressource.refresh_from_db()
    assert ressource.title == "Guide du réemploi"  # a published one is never edited in place
    requests = RessourceRequest.objects.filter(ressource=ressource)
    if role in ALLOWED:
        assert response.status_code == 302
        assert requests.get().proposed["title"] == "Guide réécrit"
    else:
        assert response.status_code in (302, 403) and not requests.exists()


def test_a_member_edits_a_draft_in_place_and_bad_input_comes_back(client, people):
    realisation = make_realisation(people["actor"], status=Status.DRAFT)
    client.force_login(people["editor"])
    url = reverse("expertise:realisation-edit", args=[realisation.slug])
    bad = {**REALISATION_FORM, "title": "", "start_date": "2025-05-01", "end_date": "2025-01-01",
           "partner_lines": "/fr/acteurs/nobody/"}  # fmt: skip
    response = client.post(url, bad)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Écrivez le titre dans au moins une langue." in text
    assert "La date de fin précède la date de début." in text
    form = response.context["form"]
    assert form.errors["end_date"] == ["La date de fin précède la date de début."]
    assert form.non_field_errors() == []
    assert 'aria-invalid="true"' in str(form["end_date"])
    assert "Aucun acteur publié de l&#x27;annuaire à cette adresse : /fr/acteurs/nobody/" in text
    good = {**REALISATION_FORM, "partner_lines": f"/fr/acteurs/{people['actor'].slug}/\nMairie"}
    assert client.post(url, good).status_code == 302
    realisation.refresh_from_db()
    assert realisation.title == "Atelier vélo" and realisation.status == Status.DRAFT
    assert sorted(realisation.partners.values_list("name", flat=True)) == ["", "Mairie"]


def test_an_archived_item_cannot_be_edited_and_a_pending_one_is_refused(client, people):
    archived = make_realisation(people["actor"], status=Status.ARCHIVED, title="Ancien")
    pending = make_realisation(people["actor"], status=Status.PENDING, title="En attente")
    client.force_login(people["owner"])
    assert (
        client.get(reverse("expertise:realisation-edit", args=[archived.slug])).status_code == 404
    )
    url = reverse("expertise:realisation-edit", args=[pending.slug])
    # Its page says it waits, with no form that could not be sent.
    page = client.get(url).content.decode()
    assert "<h1><span>En attente</span></h1>" in page and "<title>En attente — " in page
    assert "attend la modération" in page and '<form method="post" enctype' not in page
    # Sent all the same (from a tab opened before): refused, what was typed shown back.
    response = client.post(url, {**REALISATION_FORM, "base": pending.updated_at.isoformat()})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Seule une fiche publiée reçoit des demandes de modification." in body
    assert 'value="Atelier vélo"' in body
    assert not RealisationRequest.objects.filter(realisation=pending).exists()


def test_a_text_too_long_comes_back_whole_with_its_limit(client, people):
    client.force_login(people["editor"])
    url = reverse("expertise:realisation-add", kwargs={"slug": people["actor"].slug})
    long = "Appris." * 1500  # 10,500 characters
    response = client.post(url, {**REALISATION_FORM, "lessons_eu": long})
    assert response.status_code == 400
    assert "au plus 10000 caractères (actuellement 10500)" in response.content.decode()
    assert response.context["form"]["lessons_eu"].value() == long
    assert not Realisation.objects.exists()
