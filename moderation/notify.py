"""Emails of the moderation workflow. Decisions on change requests are already mailed by
contributions.notify (author_of_decision); these cover what it does not: claims,
suggestions, the moderators' digest and the freshness reminders. Plain text, one message per
recipient so that no address is shown to another; in the language the person wrote to us in,
or the site's default language (see contributions.notify)."""

from django.urls import reverse

from contributions import notify, profile
from contributions.notify import moderator_emails, owner_emails, site_url


def send(template, recipients, context, language=None):
    return notify.send(template, recipients, context, language, folder="moderation")


def claim_decided(claim, reason):
    if claim.user.email:
        send(
            "claim_decided",
            [claim.user.email],
            {"claim": claim, "actor": claim.actor, "reason": reason},
            language=claim.language,
        )


def suggestion_decided(suggestion, reason, applied):
    context = {
        "suggestion": suggestion,
        "actor": suggestion.actor,
        "reason": reason,
        "applied": applied,
        # Called while rendering, so the labels come out in the email's language.
        "applied_labels": lambda: ", ".join(str(profile.label(name)) for name in applied),
    }
    if suggestion.contact_email:
        send("suggestion_decided", [suggestion.contact_email], context, suggestion.language)
    if applied:
        send("suggestion_applied", owner_emails(suggestion.actor), context)


def digest(summary):
    return send(
        "digest",
        moderator_emails(),
        {"summary": summary, "url": lambda: site_url(reverse("moderation:queue"))},
    )


def freshness_reminder(actor, recipient, token, days):
    def url():
        return site_url(reverse("moderation:confirm_fresh", kwargs={"token": token}))

    return send("freshness", [recipient], {"actor": actor, "url": url, "days": days})
