"""A list of réalisations or ressources read as the directory reads its actors
(actors.listing.PageRows): the page's ids from a narrow query, then those items' rows for
the cards, so that a search ranks its matches without joining or carrying whole rows; the
count and the page's ids are cached under the kind's data version, for the next visitors."""

from django.db.models import Max

from actors.datacache import cached
from actors.listing import PageRows


def data_version(model):
    """The newest `updated_at` and the highest id of the kind, read from two indexes: every
    save moves the first (a publication, an archiving, a change), a new row the second. A
    hard delete (admin only) goes unnoticed until the cache's TTL."""
    latest = model.objects.aggregate(at=Max("updated_at"), pk=Max("pk"))
    stamp = latest["at"].timestamp() if latest["at"] else 0
    return f"{model._meta.model_name}:{stamp}:{latest['pk'] or 0}"


class ItemRows(PageRows):
    """What Paginator slices: `queryset` (a filterset's sorted one) one page at a time, each
    page's items read from `rows` (a queryset of the kind with what the cards show)."""

    def __init__(self, queryset, rows, data):
        super().__init__(queryset, data=data, version=data_version(queryset.model))
        self.rows = rows

    def __getitem__(self, window):
        ids = self.page_ids(window)
        by_id = self.rows.in_bulk(ids)
        return [by_id[pk] for pk in ids if pk in by_id]

    def count(self):
        name = f"{self.queryset.model._meta.model_name}-count"
        return cached(name, self.query, self.queryset.count, self.version)
