"""The emails around a réalisation's, ressource's or event's requests: the same as an
actor's (contributions.notify), with this kind's addresses, named in its app's URL
namespace (`<app>:mine`, `<app>:<model>-edit`). Moderators decide in the admin."""

from django.urls import reverse

from contributions.notify import decided, link, moderator_emails, site_url, submitted
from moderation.contract import ProposalStatus


def _title(item):
    # Read while rendering: the title in the email's language.
    return lambda: str(item)


def _own_items(item):
    """Where the author follows the publishing actor's items of this kind and their
    requests."""
    return link(f"{item._meta.app_label}:mine", slug=item.actor.slug)


def request_submitted(request):
    item = request.subject
    opts = request._meta
    review = f"admin:{opts.app_label}_{opts.model_name}_change"
    submitted(
        request,
        _title(item),
        lambda: site_url(reverse(review, args=[request.pk])),
        _own_items(item),
        reviewers=moderator_emails(f"{opts.app_label}.change_{opts.model_name}"),
    )


def author_of_decision(request, applied=None):
    """The item's page once public, its form when sent back, else the actor's items."""
    item = request.subject
    if request.status == ProposalStatus.CHANGES_REQUESTED:
        opts = item._meta
        url = link(f"{opts.app_label}:{opts.model_name}-edit", slug=item.slug)
    elif request.status == ProposalStatus.APPROVED and item.is_public:
        url = lambda: site_url(item.get_absolute_url())  # noqa: E731
    else:
        url = _own_items(item)
    decided(request, applied, _title(item), item.is_public, url)
