"""The contact form: anyone writes to the staff through the task queue; bad input, spam and
a rate limit are refused with the visitor's text kept."""

import pytest
from django.core import mail

from tests.queue import jobs, run_worker

DELIVER = "neonum.mail.deliver"
CONTACT = "/fr/contact/"
IP = "203.0.113.9"


@pytest.fixture
def queued_mail(settings, task_queue):
    settings.EMAIL_BACKEND = "neonum.mail.QueuedEmailBackend"
    settings.NEONUM_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.CONTACT_EMAIL = "equipe@lanum.example.org"


def post(client, language="fr", ip=IP, **fields):
    data = {"name": "Maddi", "email": "maddi@example.org", "subject": "accessibility",
            "message": "Le bouton « Rechercher » ne se lit pas.", **fields}  # fmt: skip
    return client.post(f"/{language}/contact/", data, REMOTE_ADDR=ip)


def test_the_form_preselects_a_known_subject_and_ignores_others(client, db):
    html = client.get(CONTACT + "?sujet=accessibility").content.decode()
    assert '<option value="accessibility" selected>' in html
    html = client.get(CONTACT + "?sujet=<b>").content.decode()
    assert " selected>" not in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_a_message_goes_through_the_queue_to_the_staff(client, queued_mail):
    response = post(client, language="eu")
    assert response.status_code == 302
    assert response["Location"] == "/eu/contact/merci/"
    assert mail.outbox == []
    job = jobs(DELIVER).get()
    assert job.args["message"]["to"] == ["equipe@lanum.example.org"]
    run_worker("emails")
    [message] = mail.outbox
    assert message.extra_headers["Reply-To"] == "maddi@example.org"
    assert message.subject == (
        "[Néo Num Carto] Message du formulaire de contact : Un problème d'accessibilité"
    )
    assert "Le bouton « Rechercher » ne se lit pas." in message.body
    assert "Langue de la page : Euskara" in message.body
    assert "Maddi <maddi@example.org>" in message.body


def test_html_in_the_message_is_escaped_in_the_email(client, queued_mail):
    attack = '<script>alert(1)</script><a href="https://evil.example">clic</a>\nligne 2'
    assert post(client, message=attack, name="<img src=x onerror=alert(2)>").status_code == 302
    run_worker("emails")
    [message] = mail.outbox
    html = message.alternatives[0][0]
    assert "<script>" not in html and "<img" not in html and 'evil.example">' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "ligne 2" in html and "<br>ligne 2" in html
    # The plain part is the visitor's text as typed, line break included.
    assert '<script>alert(1)</script><a href="https://evil.example">clic</a>\nligne 2' in (
        message.body
    )


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"email": ""}, "email"),
        ({"email": "pas-une-adresse"}, "email"),
        ({"email": "a@example.org\nBcc: b@example.org"}, "email"),
        ({"message": ""}, "message"),
        ({"message": "x" * 5001}, "message"),
        ({"subject": "nope"}, "subject"),
    ],
)
def test_bad_input_is_refused_with_everything_typed_kept(client, db, fields, field):
    response = post(client, **fields)
    assert response.status_code == 400
    form = response.context["form"]
    assert list(form.errors) == [field]
    html = response.content.decode()
    assert 'id="errors"' in html
    assert 'value="Maddi"' in html
    if field != "message":
        assert "Le bouton « Rechercher » ne se lit pas.</textarea>" in html
    assert mail.outbox == []


def test_the_honeypot_refuses_and_keeps_the_text(client, queued_mail):
    response = post(client, nickname="robot")
    assert response.status_code == 429
    assert "Votre message n&#x27;a pas pu être envoyé." in response.content.decode()
    assert "Le bouton « Rechercher » ne se lit pas.</textarea>" in response.content.decode()
    assert not jobs(DELIVER).exists()


def test_the_rate_limit_counts_per_address_and_loses_nothing(client, queued_mail, settings):
    settings.CONTACT_PER_HOUR = 2
    assert post(client).status_code == 302
    assert post(client).status_code == 302
    refused = post(client, message="Troisième message, à garder.")
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "Trop de messages envoyés depuis votre connexion" in html
    assert "Troisième message, à garder.</textarea>" in html
    assert 'value="maddi@example.org"' in html
    assert jobs(DELIVER).count() == 2
    assert post(client, ip="198.51.100.4").status_code == 302
    assert jobs(DELIVER).count() == 3


def test_the_form_needs_its_csrf_token(db):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        CONTACT, {"email": "a@example.org", "subject": "other", "message": "Bonjour"}
    )
    assert response.status_code == 403
