"""Every email the site sends is a job of the task queue, so that no request waits on the
mail server, nor fails because it is down.

EMAIL_BACKEND = "neonum.mail.QueuedEmailBackend" (production) turns each message into a
`deliver` job: its fields as JSON. The job row is written through Django's connection, in
the transaction of the action that sent the message, so it exists exactly when the action
was committed, and the worker sees it at commit. The worker rebuilds the message and sends
it with NEONUM_EMAIL_DELIVERY_BACKEND (SMTP in production), retrying with exponential
back-off while the server refuses or cannot be reached."""

import base64
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app

# 12 attempts, waits of 4 s, 8 s, 16 s… doubling: the last one about two hours after the first.
RETRY = RetryStrategy(
    max_attempts=12, exponential_wait=2, retry_exceptions=[smtplib.SMTPException, OSError]
)


def _attachment(item):
    filename, content, mimetype = item
    if isinstance(content, bytes):
        return {"filename": filename, "base64": base64.b64encode(content).decode(),
                "mimetype": mimetype}  # fmt: skip
    return {"filename": filename, "text": content, "mimetype": mimetype}


def as_data(message):
    """The message as JSON-ready data. Attachments given as MIME objects are refused: nothing
    in the site builds them, and they have no faithful JSON form."""
    if any(not isinstance(item, tuple) for item in message.attachments):
        raise ValueError("Only (filename, content, mimetype) attachments can be queued.")
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": str(message.from_email),
        "to": [str(address) for address in message.to],
        "cc": [str(address) for address in message.cc],
        "bcc": [str(address) for address in message.bcc],
        "reply_to": [str(address) for address in message.reply_to],
        "headers": {str(key): str(value) for key, value in message.extra_headers.items()},
        "content_subtype": message.content_subtype,
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [_attachment(item) for item in message.attachments],
    }


def from_data(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    message.content_subtype = data["content_subtype"]
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for item in data["attachments"]:
        content = base64.b64decode(item["base64"]) if "base64" in item else item["text"]
        message.attach(item["filename"], content, item["mimetype"])
    return message


def delivery_connection():
    """The backend that hands a message to the mail server: the one the queue's jobs deliver
    with when EMAIL_BACKEND queues, else EMAIL_BACKEND itself. For work that must know whether
    the server took the message (a job of the queue already)."""
    backend = None
    if settings.EMAIL_BACKEND == "neonum.mail.QueuedEmailBackend":
        backend = settings.NEONUM_EMAIL_DELIVERY_BACKEND
    return get_connection(backend, fail_silently=False)


@app.task(name="neonum.mail.deliver", queue="emails", retry=RETRY)
def deliver(message):
    connection = get_connection(settings.NEONUM_EMAIL_DELIVERY_BACKEND, fail_silently=False)
    connection.send_messages([from_data(message)])


class QueuedEmailBackend(BaseEmailBackend):
    """Queues each message (see the module's docstring); the number queued."""

    def send_messages(self, email_messages):
        queued = 0
        for message in email_messages:
            if not isinstance(message, EmailMessage) or not message.recipients():
                continue
            deliver.defer(message=as_data(message))
            queued += 1
        return queued
