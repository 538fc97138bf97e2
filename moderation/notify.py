"""Emails of the moderation workflow. Decisions on change requests are already mailed by
contributions.notify (author_of_decision); these cover what it does not: claims,
suggestions, the moderators' digest and the freshness reminders. Plain text, in the active
language, one message per recipient so that no address is shown to another."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from contributions.notify import moderator_emails, owner_emails, site_url


def send(template, recipients, context):
    context = {**context, "site_url": site_url("")}
    subject = render_to_string(f"moderation/email/{template}_subject.txt", context)
    body = render_to_string(f"moderation/email/{template}.txt", context)
    subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split())
    sent = 0
    for address in sorted(set(filter(None, recipients))):
        sent += send_mail(subject, body, None, [address])
    return sent


def claim_decided(claim, reason):
    if claim.user.email:
        send(
            "claim_decided",
            [claim.user.email],
            {"claim": claim, "actor": claim.actor, "reason": reason},
        )


def suggestion_decided(suggestion, reason, applied):
    context = {
        "suggestion": suggestion,
        "actor": suggestion.actor,
        "reason": reason,
        "applied": applied,
    }
    if suggestion.contact_email:
        send("suggestion_decided", [suggestion.contact_email], context)
    if applied:
        send("suggestion_applied", owner_emails(suggestion.actor), context)


def digest(summary):
    return send(
        "digest",
        moderator_emails(),
        {"summary": summary, "url": site_url(reverse("moderation:queue"))},
    )


def freshness_reminder(actor, recipient, token, days):
    url = site_url(reverse("moderation:confirm_fresh", kwargs={"token": token}))
    return send("freshness", [recipient], {"actor": actor, "url": url, "days": days})
