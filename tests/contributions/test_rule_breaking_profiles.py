"""A profile that breaks the form's rules (saved before a rule existed, or written outside
the form) still opens in its edit form, which says what to complete."""

import pytest

from contributions.models import ChangeRequest
from tests.contributions.helpers import fingerprint, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def themeless(actor):
    actor.themes.set([])
    actor.refresh_from_db()
    return actor


@pytest.mark.parametrize("role", ["editor", "owner"])
def test_the_edit_form_opens_and_lists_what_to_complete(client, people, themeless, role):
    client.force_login(people[role])
    response = client.get(f"/fr/acteurs/{themeless.slug}/modifier/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "ne respecte pas toutes les règles" in page and "Thématiques" in page


def test_saving_it_without_completing_shows_the_errors_and_changes_nothing(
    client, people, themeless
):
    client.force_login(people["editor"])
    before = fingerprint()
    response = client.post(f"/fr/acteurs/{themeless.slug}/modifier/", form_data(themeless))
    assert response.status_code == 400
    assert "Ce champ est obligatoire" in response.content.decode()
    assert fingerprint() == before


def test_completing_it_records_the_request(client, people, themeless, reference):
    from actors.models import Theme

    client.force_login(people["editor"])
    theme = Theme.objects.get(slug="low-tech")
    response = client.post(
        f"/fr/acteurs/{themeless.slug}/modifier/", form_data(themeless, themes=[theme.pk])
    )
    assert response.status_code == 302
    assert ChangeRequest.objects.get().proposed["themes"] == ["low-tech"]


def test_a_profile_that_follows_the_rules_shows_no_such_notice(client, people, actor):
    client.force_login(people["editor"])
    page = client.get(f"/fr/acteurs/{actor.slug}/modifier/").content.decode()
    assert "ne respecte pas toutes les règles" not in page
