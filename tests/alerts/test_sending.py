import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from alerts import sending
from alerts.models import Frequency, Subscription
from tests.alerts.conftest import subscription
from tests.emailcheck import check
from tests.factories import ActorFactory
from tests.neonum.test_background_mail import DELIVER, queued_mail, smtp  # noqa: F401
from tests.queue import jobs

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(people):
    """One actor published just now (the people's actor, long ago)."""
    from tests.alerts.conftest import backdate

    backdate(people["actor"], 60)
    return ActorFactory(name="Nouvel atelier <b>")


def test_one_mail_per_person_and_period_listing_every_due_subscription(member, news, people):
    weekly = subscription(member, query="theme=reemploi-reparation", label="Réparation")
    monthly = subscription(member, days_ago=31, frequency=Frequency.MONTHLY, query="commune=64102",
                           label="Bayonne")  # fmt: skip
    not_yet = subscription(member, days_ago=3, query="", label="Tout")
    stopped = subscription(people["editor"], frequency=Frequency.NEVER)
    assert sending.send_due() == 1
    [message] = mail.outbox
    assert message.to == [member.email]
    # Each due subscription's criteria, read again in the mail's language.
    assert "Annuaire · Réemploi, reconditionnement et réparation" in message.body
    assert "Annuaire · Bayonne" in message.body
    assert "Nouvel atelier <b>" in message.body
    # Run again the same day (or by another worker): nothing more.
    assert sending.send_due() == 0
    assert len(mail.outbox) == 1
    for sub in (weekly, monthly):
        sub.refresh_from_db()
        assert timezone.now() - sub.last_sent_at < timedelta(minutes=1)
    for sub in (not_yet, stopped):
        before = sub.last_sent_at
        sub.refresh_from_db()
        assert sub.last_sent_at == before


def test_nothing_new_sends_nothing_but_the_period_moves_on(member, people):
    from tests.alerts.conftest import backdate

    backdate(people["actor"], 60)
    sub = subscription(member)
    assert sending.send_due() == 0
    assert mail.outbox == []
    sub.refresh_from_db()
    assert timezone.now() - sub.last_sent_at < timedelta(minutes=1)


def test_a_month_is_a_month(member, news):
    sub = subscription(member, days_ago=20, frequency=Frequency.MONTHLY)
    assert sending.send_due() == 0
    sub.refresh_from_db()
    assert timezone.now() - sub.last_sent_at > timedelta(days=19)


def test_a_mail_server_that_refuses_keeps_the_period_for_the_next_run(member, news, smtp):  # noqa: F811
    """As in production: EMAIL_BACKEND queues, SMTP delivers (tests/neonum's fixture). The
    alert is sent by the job itself, not queued again, so the refusal is seen."""
    sub = subscription(member)
    before = sub.last_sent_at
    smtp.refusing = True
    assert sending.send_due() == 0
    assert smtp.refused == 1 and not jobs(DELIVER).exists()
    sub.refresh_from_db()
    assert sub.last_sent_at == before
    smtp.refusing = False
    assert sending.send_due() == 1
    [(recipients, message)] = smtp.received
    assert recipients == [member.email]
    assert "Nouvel atelier" in message.get_body(("plain",)).get_content()
    sub.refresh_from_db()
    assert sub.last_sent_at > before


def test_one_click_unsubscribe_headers_and_links(member, news):
    first = subscription(member, label="Réparation", query="theme=reemploi-reparation")
    second = subscription(member, label="Bayonne", query="commune=64102")
    sending.send_due()
    [message] = mail.outbox
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header = re.fullmatch(r"<(https?://\S+)>", message.extra_headers["List-Unsubscribe"])
    assert header, message.extra_headers["List-Unsubscribe"]
    assert header.group(1) in message.body
    # A mail client's one-click POST: no cookie, no CSRF token.
    path = header.group(1).removeprefix("http://127.0.0.1:8000")
    response = Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert {s.frequency for s in Subscription.objects.filter(pk__in=[first.pk, second.pk])} == {
        Frequency.NEVER
    }


@pytest.mark.parametrize("language", ["fr", "eu", "es"])
def test_the_mail_is_in_the_persons_language(client, member, news, language):
    client.force_login(member)
    client.post(f"/{language}/alertes/recherche/", {"kind": "actors", "query": "commune=64102"})
    Subscription.objects.update(last_sent_at=timezone.now() - timedelta(days=8))
    assert sending.send_due() == 1
    [message] = mail.outbox
    text = check(message, language)
    assert f"http://127.0.0.1:8000/{language}/acteurs/" in text
    assert "Nouvel atelier <b>" in text
    assert "Nouvel atelier &lt;b&gt;" in message.alternatives[0][0]


def test_the_daily_task_and_the_command_send_the_same(member, news):
    from io import StringIO

    from django.core.management import call_command

    from alerts.tasks import send_alerts

    subscription(member)
    assert send_alerts(timestamp=0) == 1
    Subscription.objects.update(last_sent_at=timezone.now() - timedelta(days=8))
    out = StringIO()
    call_command("send_alerts", stdout=out)
    assert out.getvalue() == "1 alert e-mail(s) sent.\n"
    assert len(mail.outbox) == 2


@pytest.mark.django_db(transaction=True)
def test_a_person_another_worker_is_mailing_is_skipped_not_mailed_twice(member, news):
    """While another worker holds the person's rows (its send under way), this run skips
    them instead of waiting and sending the same news again."""
    import threading

    from django.db import connection, transaction

    sub = subscription(member)
    locked, release, done = threading.Event(), threading.Event(), threading.Event()

    def other_worker():
        try:
            with transaction.atomic():
                list(Subscription.objects.select_for_update().filter(pk=sub.pk))
                locked.set()
                release.wait(30)
        finally:
            connection.close()
            done.set()

    threading.Thread(target=other_worker).start()
    assert locked.wait(30)
    try:
        assert sending.send_due() == 0
        assert mail.outbox == []
    finally:
        release.set()
        assert done.wait(30)
    sub.refresh_from_db()
    assert sending.send_due() == 1
