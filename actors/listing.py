"""A sorted list of actors read in two steps, for a paginator: the page's ids from a narrow
query, then those actors' rows for the cards.

Ordering by relevance or distance computes the sort key of every result (35,000 rows for a
broad search at 100,000 actors) before keeping a page: with only the id and the sort keys
per row, and the kind and commune joined for the page's rows alone, that sort stays small.
Ranking those rows stays the costliest part of a search, so the page's ids are cached like
the facet counts (actors.datacache: keyed by the data's version), for the next visitors."""

from actors import params
from actors.datacache import cached, canonical_query
from actors.distance import haversine_km
from actors.models import Actor


class PageRows:
    """What Paginator slices: `queryset` (a filterset's sorted one) one page at a time.
    With `place`, each actor carries its `distance_km` for the cards. With `data` (the
    request's parameters), the page's ids are cached under the query, its order and the page;
    `version` as for datacache.cached."""

    # Read by Paginator, which warns about unordered lists.
    ordered = True

    def __init__(self, queryset, place=None, data=None, version=None):
        self.queryset = queryset
        self.place = place
        self.version = version
        self.query = (
            None if data is None else canonical_query(data, ignore=(params.PAGE, params.SHOW_ALL))
        )

    def page_ids(self, window):
        def read():
            return list(self.queryset.values_list("pk", flat=True)[window])

        if self.query is None:
            return read()
        window_query = f"{self.query}&@page={window.start}:{window.stop}"
        return cached("page-ids", window_query, read, self.version)

    def __getitem__(self, window):
        ids = self.page_ids(window)
        rows = Actor.objects.filter(pk__in=ids).for_listing()
        if self.place is not None:
            rows = rows.annotate(distance_km=haversine_km(self.place.point))
        by_id = {actor.pk: actor for actor in rows}
        # An actor deleted since the ids were cached (an admin's hard delete does not move
        # the data's version) is left out rather than failing the page.
        return [by_id[pk] for pk in ids if pk in by_id]

    def count(self):
        return self.queryset.count()
