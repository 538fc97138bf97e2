"""Emails about contributions. Each recipient gets their own message, so that no address is
shown to another; each is written once as HTML, its plain-text part read from it
(neonum.emails). A message answering someone is written in the language they wrote to us
in; one to people whose language we do not know (moderators, owners) in the site's
default language. Every message links to the item it is about."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from neonum import emails

from . import profile
from .models import Membership
from .models.change_request import ChangeRequestKind, RequestStatus
from .permissions import MODERATORS_GROUP


def site_url(path):
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    return base + path


def link(name, **kwargs):
    """An absolute link, built when the template reads it: in the email's language."""
    return lambda: site_url(reverse(name, kwargs=kwargs))


def labels(names, label=profile.label):
    """The fields' labels (`label` of each name), read while rendering: in the email's
    language."""
    return lambda: ", ".join(str(label(name)) for name in names)


def render(folder, template, context, language=None):
    """Subject and HTML body of an email, in `language` (the default language if None).
    Links are built while rendering (`{% url %}`, or a callable in the context, which the
    template calls) so that they carry that language's prefix."""
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {**context, "site_url": site_url("")}
        subject = emails.subject(f"{folder}/email/{template}_subject.txt", context)
        subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject
        html = render_to_string(f"{folder}/email/{template}.html", {**context, "subject": subject})
    return subject, html


def send(template, recipients, context, language=None, folder="contributions"):
    """One message per recipient; the number sent."""
    addresses = sorted(set(filter(None, recipients)))
    if not addresses:
        return 0
    subject, html = render(folder, template, context, language)
    return get_connection().send_messages(
        [emails.message(subject, html, [address]) for address in addresses]
    )


def moderator_emails(permission=None):
    """The moderators' addresses; with `permission` (`app.codename`), only those who hold it
    and may open the admin: a kind decided in the admin is mailed to whoever can open its
    link there, as staff without the permission are refused."""
    users = get_user_model().objects
    if permission:
        # Permissions are Django's own (groups and users), not allauth's backend's.
        holders = users.with_perm(permission, backend="django.contrib.auth.backends.ModelBackend")
        moderators = holders.filter(is_staff=True)
    else:
        moderators = users.filter(Q(is_staff=True) | Q(groups__name=MODERATORS_GROUP))
    moderators = moderators.filter(is_active=True).exclude(email="").distinct()
    return list(moderators.values_list("email", flat=True))


def owner_emails(actor):
    return list(
        Membership.objects.owners()
        .filter(actor=actor, user__is_active=True)
        .values_list("user__email", flat=True)
    )


def submitted(request, name, review_url, own_url, reviewers=None):
    """The moderators (or `reviewers`, addresses) get a request on `name` to review at
    `review_url`; its author, a receipt saying how long the review usually takes, linking
    to `own_url`. Any kind of content (moderation.contract) says so through these."""
    context = {"request": request, "name": name}
    reviewers = moderator_emails() if reviewers is None else reviewers
    send("request_submitted", reviewers, {**context, "url": review_url})
    if request.author and request.author.email:
        context.update(delay=settings.MODERATION_DELAY_DAYS, url=own_url)
        send("request_received", [request.author.email], context, language=request.language)


def decided(request, applied, name, is_public, url):
    """The author hears of the decision on their request on `name`, with the moderators'
    note, and `url`: what they can do next. `applied`: the fields written onto the public
    content (None for new content, published whole); the email says which, and which were
    left out."""
    if not (request.author and request.author.email):
        return
    context = {"request": request, "name": name, "is_public": is_public, "url": url}
    if applied is not None and request.kind == ChangeRequestKind.CHANGE:
        declaration = request.subject.declaration()
        proposed = declaration.changed_fields(request.base, request.proposed)
        proposed += [field for field, held in declaration.files.items() if getattr(request, held)]
        left_out = [field for field in proposed if field not in applied]
        context.update(
            applied=labels(applied, declaration.label),
            left_out=labels(left_out, declaration.label) if left_out else "",
        )
    send("request_decided", [request.author.email], context, language=request.language)


def request_submitted(request):
    actor = request.actor
    submitted(
        request,
        actor.name,
        link("moderation:change-request", pk=request.pk),
        link("contributions:request", slug=actor.slug, pk=request.pk),
    )


def author_of_decision(request, applied=None):
    """The public page, or the form to fix, or the request."""
    actor = request.actor
    if request.status == RequestStatus.CHANGES_REQUESTED:
        url = link("contributions:edit", slug=actor.slug)
    elif request.status == RequestStatus.APPROVED and actor.is_public:
        url = lambda: site_url(actor.get_absolute_url())  # noqa: E731
    else:
        url = link("contributions:request", slug=actor.slug, pk=request.pk)
    decided(request, applied, actor.name, actor.is_public, url)


def moderators_of_claim(claim):
    context = {"claim": claim, "actor": claim.actor, "url": link("moderation:claim", pk=claim.pk)}
    send("claim_submitted", moderator_emails(), context)


def claim_evidence(claim, token):
    context = {
        "claim": claim,
        "actor": claim.actor,
        "url": link("contributions:claim-verify", token=token),
    }
    send("claim_evidence", [claim.evidence_email], context, language=claim.language)


def invitation(actor, owner, email, token):
    """In the language the owner is using: the best guess for a colleague's."""
    context = {"actor": actor, "owner": owner, "url": link("contributions:invitation", token=token)}
    send("invitation", [email], context, language=translation.get_language())


def suggestion(suggestion):
    """The moderators get the suggestion to review; the owners, who cannot see it there,
    are told of it and given their form."""
    actor = suggestion.actor
    context = {
        "suggestion": suggestion,
        "actor": actor,
        "proposed": lambda: [
            (profile.label(name), value) for name, value in suggestion.proposed.items()
        ],
    }
    url = link("moderation:suggestion", pk=suggestion.pk)
    send("suggestion", moderator_emails(), {**context, "url": url, "for_moderators": True})
    owners = set(owner_emails(actor)) - set(moderator_emails())
    send("suggestion", owners, {**context, "url": link("contributions:edit", slug=actor.slug)})
