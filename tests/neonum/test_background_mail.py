"""Every email is a job of the real task queue; the worker sends it, retrying while the mail
server is down, and the action that sent it never waits nor fails."""

import time

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail

from contributions.models import Membership, Role, Suggestion
from contributions.services.suggestions import form_token
from neonum.mail import as_data, from_data
from neonum.queue import queue_health
from tests.contributions.conftest import make_user
from tests.factories import ActorFactory
from tests.queue import jobs, make_due, run_worker
from tests.stubs.smtp import SmtpStub

DELIVER = "neonum.mail.deliver"


@pytest.fixture
def queued_mail(settings, task_queue):
    settings.EMAIL_BACKEND = "neonum.mail.QueuedEmailBackend"
    settings.NEONUM_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def smtp(settings, queued_mail):
    with SmtpStub() as stub:
        settings.NEONUM_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", stub.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_TIMEOUT = 5
        yield stub


def test_a_message_survives_its_journey_through_the_queue():
    message = EmailMultiAlternatives(
        "Sujet é", "Corps", "a@example.org", ["b@example.org"], cc=["c@example.org"],
        bcc=["d@example.org"], reply_to=["r@example.org"], headers={"X-Test": "1"},
    )  # fmt: skip
    message.attach_alternative("<p>Corps</p>", "text/html")
    message.attach("note.bin", b"\x00\xff", "application/octet-stream")
    message.attach("note.txt", "texte", "text/plain")
    rebuilt = from_data(as_data(message))
    assert as_data(rebuilt) == as_data(message)
    assert rebuilt.recipients() == message.recipients()
    assert rebuilt.message()["X-Test"] == "1"
    assert rebuilt.attachments[0][1] == b"\x00\xff"


def test_sending_queues_a_job_and_the_worker_delivers_it(queued_mail):
    assert send_mail("Bonjour", "Un message.", None, ["x@example.org"]) == 1
    assert mail.outbox == []
    job = jobs(DELIVER).get()
    assert job.status == "todo" and job.queue_name == "emails"
    assert job.args["message"]["to"] == ["x@example.org"]
    run_worker("emails")
    assert [m.subject for m in mail.outbox] == ["Bonjour"]
    assert jobs(DELIVER).get().status == "succeeded"


def test_a_suggestion_is_taken_while_smtp_is_down_and_mailed_once_it_is_back(
    client, smtp, reference_tx
):
    actor = ActorFactory(name="Repair Café Bayonne")
    owner = make_user("proprio@example.org")
    Membership.objects.create(user=owner, actor=actor, role=Role.OWNER)
    smtp.refusing = True
    started = time.monotonic()
    response = client.post(
        f"/fr/acteurs/{actor.slug}/suggerer/",
        {"text": "Le téléphone a changé.", "started": form_token(time.time() - 10)},
        REMOTE_ADDR="203.0.113.7",
    )
    # The visitor is thanked at once: the request never spoke to the mail server.
    assert response.status_code == 302
    assert time.monotonic() - started < 5
    assert Suggestion.objects.filter(actor=actor).exists()
    assert smtp.refused == 0

    run_worker("emails")
    job = jobs(DELIVER).get()
    assert smtp.refused == 1 and smtp.received == []
    # Retried later, with back-off, rather than lost.
    assert job.status == "todo" and job.attempts == 1
    assert job.scheduled_at is not None

    smtp.refusing = False
    make_due(job)
    run_worker("emails")
    assert jobs(DELIVER).get().status == "succeeded"
    [(recipients, message)] = smtp.received
    assert recipients == ["proprio@example.org"]
    assert "Le téléphone a changé." in message.get_body(("plain",)).get_content()


def test_account_emails_go_through_the_queue_too(client, queued_mail):
    response = client.post(
        "/fr/compte/signup/",
        {"email": "nouveau@example.org", "password1": "une phrase de passe assez longue",
         "password2": "une phrase de passe assez longue"},
    )  # fmt: skip
    assert response.status_code == 302
    assert mail.outbox == []
    assert jobs(DELIVER).get().args["message"]["to"] == ["nouveau@example.org"]
    run_worker("emails")
    assert mail.outbox[0].to == ["nouveau@example.org"]


def test_queue_health_counts_the_waiting_jobs(queued_mail):
    assert queue_health() == (True, "0 job(s) waiting, 0 failed")
    send_mail("Bonjour", "Un message.", None, ["x@example.org"])
    assert queue_health() == (True, "1 job(s) waiting, 0 failed")
