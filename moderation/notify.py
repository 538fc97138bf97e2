"""Emails of the moderation workflow. Decisions on change requests are already mailed by
contributions.notify (author_of_decision); these cover what it does not: claims,
suggestions, the moderators' digest and the freshness reminders. One message per recipient
so that no address is shown to another, HTML with its plain-text part; in the language the
person wrote to us in, or the site's default language (see contributions.notify)."""

from contributions import notify
from contributions.models import ClaimStatus
from contributions.notify import labels, link, moderator_emails, owner_emails, site_url


def send(template, recipients, context, language=None):
    return notify.send(template, recipients, context, language, folder="moderation")


def claim_decided(claim, reason):
    if claim.user.email:
        send(
            "claim_decided",
            [claim.user.email],
            {
                "claim": claim,
                "actor": claim.actor,
                "reason": reason,
                "url": link("contributions:edit", slug=claim.actor.slug)
                if claim.status == ClaimStatus.APPROVED
                else link("contributions:my-space"),
            },
            language=claim.language,
        )


def suggestion_decided(suggestion, reason, applied):
    context = {
        "suggestion": suggestion,
        "actor": suggestion.actor,
        "reason": reason,
        "applied": applied,
        "applied_labels": labels(applied),
        "url": lambda: site_url(suggestion.actor.get_absolute_url()),
    }
    if suggestion.contact_email:
        send("suggestion_decided", [suggestion.contact_email], context, suggestion.language)
    if applied:
        send("suggestion_applied", owner_emails(suggestion.actor), context)


def digest(summary):
    return send(
        "digest",
        moderator_emails(),
        {"summary": summary, "url": link("moderation:queue")},
    )


def freshness_reminder(actor, recipient, token, days):
    context = {
        "actor": actor,
        "url": link("moderation:confirm-fresh", token=token),
        "edit_url": link("contributions:edit", slug=actor.slug),
        "days": days,
    }
    return send("freshness", [recipient], context)
