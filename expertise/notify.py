"""The emails around a réalisation's or ressource's requests: the same as an actor's
(contributions.notify), with this kind's addresses. Moderators decide in the admin."""

from django.urls import reverse

from contributions.notify import decided, link, site_url, submitted
from moderation.contract import ProposalStatus


def _title(item):
    # Read while rendering: the title in the email's language.
    return lambda: str(item)


def _own_items(item):
    """Where the author follows the publishing actor's items and their requests."""
    return link("expertise:mine", slug=item.actor.slug)


def request_submitted(request):
    item = request.subject
    opts = request._meta
    review = f"admin:{opts.app_label}_{opts.model_name}_change"
    submitted(
        request,
        _title(item),
        lambda: site_url(reverse(review, args=[request.pk])),
        _own_items(item),
    )


def author_of_decision(request, applied=None):
    """The item's page once public, its form when sent back, else the actor's items."""
    item = request.subject
    if request.status == ProposalStatus.CHANGES_REQUESTED:
        url = link(f"expertise:{item._meta.model_name}-edit", slug=item.slug)
    elif request.status == ProposalStatus.APPROVED and item.is_public:
        url = lambda: site_url(item.get_absolute_url())  # noqa: E731
    else:
        url = _own_items(item)
    decided(request, applied, _title(item), item.is_public, url)
