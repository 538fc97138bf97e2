import ipaddress
import time

import pytest
from django.core import mail

from contributions.models import Suggestion
from contributions.services import ContributionError
from contributions.services.suggestions import check_form_token, form_token

pytestmark = pytest.mark.django_db


def post(client, actor, token=None, ip="203.0.113.7", forwarded=None, **fields):
    data = {"text": "Le téléphone a changé.", "started": token or form_token(time.time() - 10)}
    data.update(fields)
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return client.post(f"/fr/acteurs/{actor.slug}/suggerer/", data, REMOTE_ADDR=ip, **extra)


def test_a_suggestion_reaches_the_owners_and_the_moderators(
    client, actor, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, actor, phone="05 59 11 22 33", contact_email="v@example.org")
    assert response.status_code == 302
    suggestion = Suggestion.objects.get()
    assert suggestion.proposed == {"phone": "05 59 11 22 33"}
    assert suggestion.ip_hash and "203.0.113.7" not in suggestion.ip_hash
    assert sorted(m.to[0] for m in mail.outbox) == ["equipe@example.org", "proprio@example.org"]
    assert "Le téléphone a changé." in mail.outbox[0].body


def test_the_form_carries_a_signed_start_time_and_a_honeypot(client, actor):
    html = client.get(f"/fr/acteurs/{actor.slug}/suggerer/").content.decode()
    assert 'name="started"' in html and 'name="nickname"' in html


def test_honeypot_is_refused_and_text_kept(client, actor):
    response = post(client, actor, nickname="spam")
    assert response.status_code == 400
    assert not Suggestion.objects.exists()
    assert "Le téléphone a changé." in response.content.decode()


def test_too_fast_is_refused(client, actor):
    response = post(client, actor, token=form_token(time.time()))
    assert response.status_code == 400
    assert "trop rapide" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_too_old_or_forged_tokens_are_refused(client, actor):
    assert post(client, actor, token=form_token(time.time() - 3 * 3600)).status_code == 400
    assert post(client, actor, token="forged").status_code == 400
    assert not Suggestion.objects.exists()


def test_rate_limit_per_address(client, actor, settings):
    settings.SUGGESTIONS_PER_HOUR = 2
    assert post(client, actor).status_code == 302
    assert post(client, actor).status_code == 302
    refused = post(client, actor)
    assert refused.status_code == 400 and "Trop de suggestions" in refused.content.decode()
    assert post(client, actor, ip="198.51.100.1").status_code == 302
    assert Suggestion.objects.count() == 3


def test_unpublished_actors_take_no_suggestion(client, draft):
    assert client.get(f"/fr/acteurs/{draft.slug}/suggerer/").status_code == 404
    assert post(client, draft).status_code == 404


def test_behind_a_proxy_the_forwarded_address_is_limited(client, actor, settings):
    settings.SUGGESTIONS_PER_HOUR = 1
    settings.TRUSTED_PROXIES = (ipaddress.ip_network("203.0.113.7"),)
    # Every request comes from the proxy's own address.
    assert post(client, actor, forwarded="192.0.2.1").status_code == 302
    assert post(client, actor, forwarded="192.0.2.1").status_code == 400
    assert post(client, actor, forwarded="192.0.2.2").status_code == 302


def test_without_a_proxy_a_forged_forwarded_address_changes_nothing(client, actor, settings):
    settings.SUGGESTIONS_PER_HOUR = 1
    assert post(client, actor, forwarded="192.0.2.1").status_code == 302
    assert post(client, actor, forwarded="192.0.2.2").status_code == 400


def test_a_token_works_once_and_the_text_is_kept(client, actor):
    token = form_token(time.time() - 10)
    assert post(client, actor, token=token).status_code == 302
    replayed = post(client, actor, token=token, text="Encore une fois, le même envoi.")
    assert replayed.status_code == 400
    page = replayed.content.decode()
    assert "déjà été envoyé" in page and "Encore une fois, le même envoi." in page
    assert token not in page and 'name="started"' in page
    assert Suggestion.objects.count() == 1


def test_the_fresh_token_of_a_refused_form_works_once(client, actor):
    token = form_token(time.time() - 10)
    post(client, actor, token=token)
    fresh = post(client, actor, token=token).context["form"]["started"].value()
    assert fresh != token
    later = time.time() + 10
    check_form_token(fresh, now=later)
    with pytest.raises(ContributionError, match="déjà été envoyé"):
        check_form_token(fresh, now=later)


def test_forms_shown_at_the_same_instant_have_distinct_tokens():
    now = time.time()
    assert form_token(now) != form_token(now)
