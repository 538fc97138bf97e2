"""Emails about contributions. Each recipient gets their own message, so that no address is
shown to another; bodies are plain text, rendered from templates in the active language."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

from .models import Membership
from .permissions import MODERATORS_GROUP


def site_url(path):
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    return base + path


def send(template, recipients, context):
    context = {**context, "site_url": site_url("")}
    subject = render_to_string(f"contributions/email/{template}_subject.txt", context)
    body = render_to_string(f"contributions/email/{template}.txt", context)
    subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split())
    for address in sorted(set(filter(None, recipients))):
        send_mail(subject, body, None, [address])


def moderator_emails():
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    moderators = users.filter(Q(is_staff=True) | Q(groups__name=MODERATORS_GROUP)).distinct()
    return list(moderators.values_list("email", flat=True))


def owner_emails(actor):
    return list(
        Membership.objects.owners()
        .filter(actor=actor, user__is_active=True)
        .values_list("user__email", flat=True)
    )


def moderators_of_request(request):
    send("request_submitted", moderator_emails(), {"request": request, "actor": request.actor})


def author_of_decision(request):
    if request.author and request.author.email:
        send(
            "request_decided", [request.author.email], {"request": request, "actor": request.actor}
        )


def moderators_of_claim(claim):
    send("claim_submitted", moderator_emails(), {"claim": claim, "actor": claim.actor})


def claim_evidence(claim, token):
    url = site_url(reverse("contributions:claim_verify", kwargs={"token": token}))
    send(
        "claim_evidence", [claim.evidence_email], {"claim": claim, "actor": claim.actor, "url": url}
    )


def invitation(actor, owner, email, token):
    url = site_url(reverse("contributions:invitation", kwargs={"token": token}))
    send("invitation", [email], {"actor": actor, "owner": owner, "url": url})


def suggestion(suggestion):
    recipients = owner_emails(suggestion.actor) + moderator_emails()
    send("suggestion", recipients, {"suggestion": suggestion, "actor": suggestion.actor})
