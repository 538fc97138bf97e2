"""Visitors suggest corrections to published réalisations and ressources, through the
actors' suggestion machinery: anyone (no account), only on published items, free text only,
the publishing actor's owners and the moderators told, decided by the one workflow."""

import time

import pytest
from django.core import mail

from contributions.models import Suggestion, SuggestionStatus
from contributions.services.suggestions import form_token
from moderation import workflow
from moderation.contract import Status
from moderation.models import Action

from .conftest import make_realisation, make_ressource

pytestmark = pytest.mark.django_db


def post(client, item, **fields):
    data = {"text": "Le lien ne marche plus.", "started": form_token(time.time() - 10)}
    data.update(fields)
    return client.post(item.get_absolute_url() + "suggerer/", data, REMOTE_ADDR="203.0.113.9")


@pytest.mark.parametrize("make", [make_realisation, make_ressource])
def test_anyone_suggests_on_a_published_item(
    client, people, make, django_capture_on_commit_callbacks
):
    item = make(people["actor"])
    page = client.get(item.get_absolute_url()).text
    assert f'href="{item.get_absolute_url()}suggerer/"' in page
    form = client.get(item.get_absolute_url() + "suggerer/").text
    assert 'name="phone"' not in form and 'name="text"' in form
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, item, phone="05 59 00 00 00", contact_email="v@example.org")
    assert response.status_code == 302
    assert response["Location"] == item.get_absolute_url()
    suggestion = Suggestion.objects.get()
    assert suggestion.subject == item and suggestion.actor == people["actor"]
    assert suggestion.proposed == {}  # an item's suggestion is its text
    assert sorted(m.to[0] for m in mail.outbox) == [
        "moderator@example.org",
        "owner@example.org",
        "staff@example.org",
    ]
    assert all(str(item) in m.alternatives[0][0] for m in mail.outbox)


@pytest.mark.parametrize("status", [Status.DRAFT, Status.PENDING, Status.ARCHIVED])
def test_no_suggestion_on_an_unpublished_item(client, people, status):
    item = make_realisation(people["actor"], status=status)
    assert client.get(item.get_absolute_url() + "suggerer/").status_code == 404
    assert post(client, item).status_code == 404
    assert not Suggestion.objects.exists()


def test_the_form_guards_apply(client, people):
    item = make_ressource(people["actor"])
    assert post(client, item, nickname="robot").status_code == 400
    assert post(client, item, started=form_token(time.time())).status_code == 400
    assert post(client, item, text="").status_code == 400
    assert not Suggestion.objects.exists()


@pytest.mark.parametrize(
    "who, allowed",
    [("moderator", True), ("staff", True), ("owner", False), ("editor", False), ("other", False)],
)
def test_only_moderators_decide(people, who, allowed):
    item = make_realisation(people["actor"])
    suggestion = Suggestion.objects.create(actor=item.actor, realisation=item, text="Faux")
    if allowed:
        workflow.decide_suggestion(suggestion, people[who], Action.APPROVE)
        suggestion.refresh_from_db()
        assert suggestion.status == SuggestionStatus.HANDLED
    else:
        with pytest.raises(workflow.ModerationError):
            workflow.decide_suggestion(suggestion, people[who], Action.APPROVE)


def test_the_console_names_the_item(client, people):
    item = make_ressource(people["actor"], title="Guide des câbles")
    suggestion = Suggestion.objects.create(actor=item.actor, ressource=item, text="Faux")
    client.force_login(people["moderator"])
    page = client.get(f"/fr/moderation/suggestions/{suggestion.pk}/").text
    assert f'<a href="{item.get_absolute_url()}">Guide des câbles</a> (ressource)' in page
