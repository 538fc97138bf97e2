"""One queue of what waits for a moderator: new organisations, change requests, claims and
citizen suggestions, oldest first, filtered by type, commune, theme and a search.

The four kinds live in four tables; each is filtered in the database, then the (small)
remainder is merged in Python. A queue of thousands would still be cheap; if it ever grows
beyond that, a UNION query would replace the merge."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from contributions.models import ChangeRequest, ChangeRequestKind, Claim, Suggestion

from . import notify
from .contract import ProposalStatus
from .models import ItemType

QUEUE_TYPES = [ItemType.NEW, ItemType.CHANGE, ItemType.CLAIM, ItemType.SUGGESTION]


@dataclass
class Item:
    type: str
    pk: int
    actor: object
    requester: str
    created_at: datetime
    url: str
    # What the moderator will look at: the proposed logo, else the actor's.
    logo: object = None

    @property
    def type_label(self):
        return ItemType(self.type).label


def _filters(commune, theme, text, requester_lookup):
    """The filters on an item's actor; the search also matches who asked."""
    q = Q()
    if commune is not None:
        q &= Q(actor__commune=commune)
    if theme is not None:
        q &= Q(actor__themes=theme)
    if text:
        q &= (
            Q(actor__name__icontains=text)
            | Q(actor__slug__icontains=text)
            | Q(**{f"{requester_lookup}__icontains": text})
        )
    return q


def querysets(commune=None, theme=None, text=""):
    """The pending items of each type, filtered, as querysets."""
    requests = (
        ChangeRequest.objects.pending()
        .select_related("actor__commune", "author")
        .filter(_filters(commune, theme, text, "author__email"))
    )
    claims = (
        Claim.objects.pending()
        .select_related("actor__commune", "user")
        .filter(_filters(commune, theme, text, "user__email"))
    )
    suggestions = (
        Suggestion.objects.new()
        .select_related("actor__commune")
        .filter(_filters(commune, theme, text, "text"))
    )
    if theme is not None:  # one row per matching theme otherwise
        requests, claims, suggestions = (
            requests.distinct(),
            claims.distinct(),
            suggestions.distinct(),
        )
    return {
        ItemType.NEW: requests.filter(kind=ChangeRequestKind.NEW),
        ItemType.CHANGE: requests.filter(kind=ChangeRequestKind.CHANGE),
        ItemType.CLAIM: claims,
        ItemType.SUGGESTION: suggestions,
    }


def counts(sets):
    return [{"type": t, "label": ItemType(t).label, "count": sets[t].count()} for t in QUEUE_TYPES]


def _items(item_type, queryset):
    for obj in queryset:
        if item_type in (ItemType.NEW, ItemType.CHANGE):
            yield Item(
                item_type, obj.pk, obj.actor, obj.author.email if obj.author else "",
                obj.created_at, reverse("moderation:change-request", args=[obj.pk]),
                obj.proposed_logo or obj.actor.logo,
            )  # fmt: skip
        elif item_type == ItemType.CLAIM:
            yield Item(
                item_type, obj.pk, obj.actor, obj.user.email, obj.created_at,
                reverse("moderation:claim", args=[obj.pk]), obj.actor.logo,
            )  # fmt: skip
        else:
            yield Item(
                item_type, obj.pk, obj.actor, obj.contact_email, obj.created_at,
                reverse("moderation:suggestion", args=[obj.pk]), obj.actor.logo,
            )  # fmt: skip


def items(sets, item_type=None):
    """Every pending item of `item_type` (all types when None), oldest first."""
    chosen = [item_type] if item_type else QUEUE_TYPES
    merged = [item for t in chosen for item in _items(t, sets[t])]
    return sorted(merged, key=lambda item: (item.created_at, item.type, item.pk))


def next_item():
    """The oldest pending item of any type, or None: where a moderator goes after a decision."""
    pending = items(querysets())
    return pending[0] if pending else None


def summary():
    """What the digest and the dashboard say about the queue."""
    from .freshness import stale_actors

    sets = querysets()
    rows = counts(sets)
    all_items = items(sets)
    now = timezone.now()
    ages = [(now - item.created_at).days for item in all_items]
    return {
        "counts": rows,
        "total": sum(row["count"] for row in rows),
        "oldest": all_items[0].created_at if all_items else None,
        "ages": {
            "under_2": sum(1 for a in ages if a < 2),
            "under_7": sum(1 for a in ages if 2 <= a < 7),
            "over_7": sum(1 for a in ages if a >= 7),
        },
        "stale": stale_actors(now).count(),
    }


def decided_in_admin(user):
    """The pending requests on réalisations, ressources and events, which moderators decide
    in the admin (expertise/admin.py, events/admin.py) rather than in this queue: for each
    kind `user` may decide there, its name, how many wait and the admin's list of them."""
    # Their apps build on this one's contract (moderation.contract): imported when asked.
    from events.models import EventRequest
    from expertise.models import RealisationRequest, RessourceRequest

    rows = []
    for model in (RealisationRequest, RessourceRequest, EventRequest):
        meta = model._meta
        if not (user.is_staff and user.has_perm(f"{meta.app_label}.change_{meta.model_name}")):
            continue
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        rows.append(
            {
                "label": meta.verbose_name_plural,
                "count": model.objects.pending().count(),
                "url": f"{url}?status__exact={ProposalStatus.PENDING}",
            }
        )
    return rows


def send_digest(even_if_empty=False):
    """Mails the summary to every moderator: (messages sent, items waiting); sent is None
    when nothing waits and `even_if_empty` is false."""
    current = summary()
    if current["total"] == 0 and not even_if_empty:
        return None, 0
    return notify.digest(current), current["total"]
