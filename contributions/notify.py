"""Emails about contributions. Each recipient gets their own message, so that no address is
shown to another; bodies are plain text. A message answering someone is written in the
language they wrote to us in; one to people whose language we do not know (moderators,
owners) in the site's default language."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Membership
from .permissions import MODERATORS_GROUP


def site_url(path):
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    return base + path


def render(folder, template, context, language=None):
    """Subject and body of an email, in `language` (the default language if None). Links are
    built while rendering (`{% url %}`, or a callable in the context, which the template calls)
    so that they carry that language's prefix."""
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {**context, "site_url": site_url("")}
        subject = render_to_string(f"{folder}/email/{template}_subject.txt", context)
        body = render_to_string(f"{folder}/email/{template}.txt", context)
    return subject, body


def send(template, recipients, context, language=None, folder="contributions"):
    """One message per recipient; the number sent."""
    subject, body = render(folder, template, context, language)
    subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split())
    sent = 0
    for address in sorted(set(filter(None, recipients))):
        sent += send_mail(subject, body, None, [address])
    return sent


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
            "request_decided",
            [request.author.email],
            {"request": request, "actor": request.actor},
            language=request.language,
        )


def moderators_of_claim(claim):
    send("claim_submitted", moderator_emails(), {"claim": claim, "actor": claim.actor})


def claim_evidence(claim, token):
    def url():
        return site_url(reverse("contributions:claim_verify", kwargs={"token": token}))

    context = {"claim": claim, "actor": claim.actor, "url": url}
    send("claim_evidence", [claim.evidence_email], context, language=claim.language)


def invitation(actor, owner, email, token):
    """In the language the owner is using: the best guess for a colleague's."""

    def url():
        return site_url(reverse("contributions:invitation", kwargs={"token": token}))

    context = {"actor": actor, "owner": owner, "url": url}
    send("invitation", [email], context, language=translation.get_language())


def suggestion(suggestion):
    recipients = owner_emails(suggestion.actor) + moderator_emails()
    send("suggestion", recipients, {"suggestion": suggestion, "actor": suggestion.actor})
