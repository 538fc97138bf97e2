"""Account emails (django-allauth's flows) in each language, written for this site: its name,
never the host nor a username, a plain-text and an HTML part; accounts are email-only."""

import re

import pytest
from allauth.account.adapter import get_adapter
from allauth.core.context import request_context
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import RequestFactory
from django.utils import translation

from tests.contributions.conftest import PASSWORD, make_user
from tests.emailcheck import check, links

pytestmark = pytest.mark.django_db
LANGUAGES = ["fr", "eu", "es"]
NEW_PASSWORD = "une toute autre phrase de passe"
# The client's address, which security notices show (the tests' default is the host's).
CLIENT = {"REMOTE_ADDR": "192.0.2.10"}


@pytest.fixture(params=LANGUAGES)
def language(request):
    with translation.override(request.param):
        yield request.param


@pytest.fixture
def member(db):
    """A username unlike the address, to see that it is never shown."""
    user = make_user("membre@example.org")
    user.username = "pseudo-jamais-montre"
    user.save(update_fields=["username"])
    return user


def only_email(to):
    [message] = [m for m in mail.outbox if m.to == [to]]
    return message


def signup(client, language, email):
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    return client.post(f"/{language}/compte/signup/", data)


def test_signing_up_sends_a_confirmation_and_makes_no_username_from_the_address(client, language):
    assert signup(client, language, "jeanne.dupont@example.org").status_code == 302
    user = get_user_model().objects.get(email="jeanne.dupont@example.org")
    # auth.User needs a unique username: an opaque one, nothing taken from the address.
    assert re.fullmatch(r"[0-9a-f]{32}", user.username)
    message = only_email("jeanne.dupont@example.org")
    check(message, language, usernames=[user.username])
    [link] = links(message)
    assert link.startswith(f"http://testserver/{language}/compte/confirm-email/")
    assert "jeanne.dupont@example.org" in message.body


def test_two_accounts_get_two_usernames(client):
    signup(client, "fr", "a@example.org")
    signup(client, "fr", "b@example.org")
    users = get_user_model().objects.filter(email__in=["a@example.org", "b@example.org"])
    assert len({user.username for user in users}) == 2


def test_signing_up_again_says_the_account_exists(client, language, member):
    assert signup(client, language, "membre@example.org").status_code == 302
    message = only_email("membre@example.org")
    check(message, language, usernames=[member.username])
    assert links(message) == [f"http://testserver/{language}/compte/password/reset/"]


def test_a_password_reset_link_and_the_notice_once_reset(client, language, member):
    url = f"/{language}/compte/password/reset/"
    assert client.post(url, {"email": "membre@example.org"}).status_code == 302
    message = only_email("membre@example.org")
    check(message, language, usernames=[member.username])
    [link] = links(message)
    assert link.startswith(f"http://testserver/{language}/compte/password/reset/key/")

    mail.outbox.clear()
    form = client.get(link, follow=True)
    data = {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    assert client.post(form.request["PATH_INFO"], data, **CLIENT).status_code == 302
    notice = only_email("membre@example.org")
    assert "192.0.2.10" in check(notice, language, usernames=[member.username])
    assert links(notice) == [f"http://testserver/{language}/compte/password/reset/"]


def test_a_reset_for_an_unknown_address_offers_to_sign_up(client, language):
    url = f"/{language}/compte/password/reset/"
    assert client.post(url, {"email": "inconnu@example.org"}).status_code == 302
    message = only_email("inconnu@example.org")
    check(message, language)
    assert links(message) == [f"http://testserver/{language}/compte/signup/"]


def test_changing_the_password_is_told_to_the_owner(client, language, member):
    client.force_login(member)
    data = {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    assert client.post(f"/{language}/compte/password/change/", data, **CLIENT).status_code == 302
    notice = only_email("membre@example.org")
    assert "192.0.2.10" in check(notice, language, usernames=[member.username])


@pytest.mark.parametrize(
    "template, context",
    [
        ("email_changed", {"from_email": "membre@example.org", "to_email": "neuf@example.org"}),
        ("email_deleted", {"deleted_email": "ancien@example.org"}),
        ("password_set", {}),
    ],
)
def test_the_other_security_notices(language, member, template, context):
    request = RequestFactory().get(f"/{language}/compte/email/", **CLIENT)
    request.user = member
    with request_context(request):
        get_adapter(request).send_notification_mail(f"account/email/{template}", member, context)
    message = only_email("membre@example.org")
    text = check(message, language, usernames=[member.username])
    for address in [*context.values(), "192.0.2.10"]:
        assert address in text


def test_pages_show_people_by_their_address(client, member):
    data = {"login": "membre@example.org", "password": PASSWORD}
    response = client.post("/fr/compte/login/", data, follow=True)
    html = response.content.decode()
    assert "membre@example.org" in html
    assert "pseudo-jamais-montre" not in html

    admin = make_user("admin@example.org", is_staff=True, is_superuser=True)
    client.force_login(admin)
    html = client.get("/admin/auth/user/").content.decode()
    assert 'class="field-email"><a href' in html and "field-username" not in html
    found = client.get("/admin/auth/user/", {"q": "membre@"}).content.decode()
    assert ">membre@example.org</a>" in found and ">admin@example.org</a>" not in found
    # The admin's greeting, a user's page title and breadcrumbs name people by address too.
    page = client.get(f"/admin/auth/user/{member.pk}/change/").content.decode()
    assert "membre@example.org" in page and "admin@example.org" in page
    assert "pseudo-jamais-montre" not in page
    # The form still saves without it, and keeps it.
    data = {
        "email": "membre@example.org",
        "first_name": "Maite",
        "last_name": "",
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
    }
    response = client.post(f"/admin/auth/user/{member.pk}/change/", data)
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.first_name, member.username) == ("Maite", "pseudo-jamais-montre")
