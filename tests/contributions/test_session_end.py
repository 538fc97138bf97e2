"""A form sent after the session ended: what it carried is kept, the login page says so, and
once logged in the person sends it again, as it was, to where it was going
(contributions/session_end.py)."""

import time

import pytest
from django.contrib.messages import get_messages

from actors.models import Actor
from contributions.session_end import KEPT_FOR, SESSION_KEY
from tests.contributions.helpers import form_data
from tests.contributions.test_images import image_bytes, upload
from tests.moderation.conftest import make_moderator

pytestmark = pytest.mark.django_db

RESUME = "/fr/mon-espace/reprendre/"
TYPED = 'Nous réparons "tout" <b>&</b> le reste.'


def edit_url(actor):
    return f"/fr/acteurs/{actor.slug}/modifier/"


def test_a_form_sent_after_the_session_ended_is_kept_and_the_login_page_says_so(client, draft):
    response = client.post(edit_url(draft), form_data(draft, summary=TYPED))
    assert response.status_code == 302
    assert response["Location"] == "/fr/compte/login/?next=" + RESUME
    typed = client.session[SESSION_KEY]
    assert typed["path"] == edit_url(draft)
    assert ["summary", TYPED] in typed["fields"]
    assert not any(name == "csrfmiddlewaretoken" for name, _value in typed["fields"])
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Votre session a pris fin avant l'envoi du formulaire. Connectez-vous : ce que vous "
        "aviez saisi a été gardé."
    ]
    draft.refresh_from_db()
    assert draft.summary != TYPED


def test_once_logged_in_the_form_is_sent_again_as_it_was_and_saved(client, draft, people):
    client.post(edit_url(draft), form_data(draft, summary=TYPED))
    client.force_login(people["owner"])  # as the login page does: the session keeps its data
    html = client.get(RESUME).content.decode()
    assert f'<form method="post" action="{edit_url(draft)}">' in html
    assert 'name="csrfmiddlewaretoken"' in html
    # What was typed is escaped in the page, never markup.
    assert (
        '<input type="hidden" name="summary" value="Nous réparons &quot;tout&quot; '
        '&lt;b&gt;&amp;&lt;/b&gt; le reste.">' in html
    )
    assert "<b>&</b>" not in html
    fields = client.session[SESSION_KEY]["fields"]
    data = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    response = client.post(edit_url(draft), data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.summary == TYPED
    # Sent again: nothing is left to offer.
    assert SESSION_KEY not in client.session
    assert "Il n'y a pas de formulaire à reprendre" in client.get(RESUME).content.decode()


def test_sent_again_by_someone_not_allowed_it_is_refused_as_always(client, draft, people):
    client.post(edit_url(draft), form_data(draft, summary=TYPED))
    client.force_login(people["other"])
    assert client.get(RESUME).status_code == 200
    data = {}
    for name, value in client.session[SESSION_KEY]["fields"]:
        data.setdefault(name, []).append(value)
    assert client.post(edit_url(draft), data).status_code == 403
    draft.refresh_from_db()
    assert draft.summary != TYPED


def test_what_was_typed_is_kept_an_hour(client, draft, people, monkeypatch):
    client.post(edit_url(draft), form_data(draft, summary=TYPED))
    client.force_login(people["owner"])
    later = time.time() + KEPT_FOR + 1
    monkeypatch.setattr("contributions.session_end.time.time", lambda: later)
    html = client.get(RESUME).content.decode()
    assert "Il n'y a pas de formulaire à reprendre" in html
    assert "Nous réparons" not in html


def test_chosen_files_are_named_as_not_kept(client, draft, people):
    data = form_data(draft, logo_file=upload(image_bytes("PNG", (400, 200)), "mon-logo.png"))
    client.post(edit_url(draft), data)
    assert client.session[SESSION_KEY]["files"] == ["mon-logo.png"]
    client.force_login(people["owner"])
    html = client.get(RESUME).content.decode()
    assert "Les fichiers choisis ne peuvent pas être gardés ainsi : mon-logo.png." in html


def test_a_page_asked_for_without_a_session_keeps_nothing_and_comes_back_after_login(client, draft):
    response = client.get(edit_url(draft))
    assert response["Location"] == "/fr/compte/login/?next=" + edit_url(draft)
    assert SESSION_KEY not in client.session


def test_the_resume_page_needs_a_login(client):
    response = client.get(RESUME)
    assert response.status_code == 302 and response["Location"].startswith("/fr/compte/login/")


def test_a_moderators_answer_sent_after_the_session_ended_is_kept_too(client):
    make_moderator("moderatrice@example.org")
    path = "/fr/moderation/"
    client.post(path, {"reason": TYPED})
    assert client.session[SESSION_KEY]["path"] == path
    assert ["reason", TYPED] in client.session[SESSION_KEY]["fields"]


def test_the_actor_is_untouched_until_it_is_sent_again(client, draft):
    before = Actor.objects.get(pk=draft.pk).updated_at
    client.post(edit_url(draft), form_data(draft, summary=TYPED))
    assert Actor.objects.get(pk=draft.pk).updated_at == before


def test_a_password_is_never_kept(client, people):
    client.post("/fr/mon-espace/supprimer/", {"password": "secret de compte", "confirm": "1"})
    typed = client.session[SESSION_KEY]
    assert typed["path"] == "/fr/mon-espace/supprimer/"
    assert typed["fields"] == [["confirm", "1"]]
