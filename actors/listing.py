"""A sorted list of actors read in two steps, for a paginator: the page's ids from a narrow
query, then those actors' rows for the cards.

Ordering by relevance or distance computes the sort key of every result (35,000 rows for a
broad search at 100,000 actors) before keeping a page: with only the id and the sort keys
per row, and the kind and commune joined for the page's rows alone, that sort stays small.
Ranking those rows stays the costliest part of a search, so the page's ids are cached like
the facet counts (actors.datacache: keyed by the data's version), for the next visitors.

Ordered by rank, the page's ids are read by the facet counts' scan, which reads every result
anyway (PageRequest): one read of the matches instead of two. Nearest first, the page is read
among the results within a small radius, when that radius holds enough of them
(PageRows.nearest)."""

import math
from dataclasses import dataclass

from actors import params
from actors.datacache import cached, canonical_query, store
from actors.distance import haversine_km
from actors.models import Actor

# How much wider than an even spread's radius the nearest-first page is first looked for.
NEAREST_MARGIN = 2


@dataclass
class PageRequest:
    """A page of the list for the facet counts' scan to read (actors.facets): the ids of the
    `size` results from `start` in `order` (SQL over the scan's columns: `key`, the rank
    computed for every result, `name` and `id`). `ids` stays None when the scan did not run
    (the counts came from the cache)."""

    key: str
    order: str
    start: int
    size: int
    ids: list | None = None


def page_request(filterset, number, size):
    """The PageRequest of page `number` (the request's parameter) when the list is ordered by
    rank, else None."""
    order = filterset.scan_order()
    try:
        number = int(number or 1)
    except ValueError:
        return None  # the paginator shows the first page: read it the usual way
    if order is None or number < 1:
        return None
    key, sql = order
    return PageRequest(key, sql, (number - 1) * size, size)


class PageRows:
    """What Paginator slices: `queryset` (a filterset's sorted one) one page at a time.
    With `place`, each actor carries its `distance_km` for the cards. With `data` (the
    request's parameters), the page's ids are cached under the query, its order and the page;
    `version` as for datacache.cached. `nearest`: (the search's radius in km, the number of
    results) when the list is nearest first."""

    # Read by Paginator, which warns about unordered lists.
    ordered = True

    def __init__(self, queryset, place=None, data=None, version=None, nearest=None):
        self.queryset = queryset
        self.place = place
        self.version = version
        self.nearest_first = nearest
        self.query = (
            None if data is None else canonical_query(data, ignore=(params.PAGE, params.SHOW_ALL))
        )
        self.known = {}

    def read_along(self, request, total):
        """Takes the ids the counts' scan read for `request` (a PageRequest), cut as Paginator
        cuts the last page, at `total`."""
        if request is None or request.ids is None or request.start >= total:
            return
        window = slice(request.start, min(request.start + request.size, total))
        ids = request.ids[: window.stop - window.start]
        self.known[(window.start, window.stop)] = ids
        if self.query is not None:
            store("page-ids", self.window_query(window), ids, self.version)

    def window_query(self, window):
        return f"{self.query}&@page={window.start}:{window.stop}"

    def page_ids(self, window):
        def read():
            ids = self.nearest(window)
            return list(self.queryset.values_list("pk", flat=True)[window]) if ids is None else ids

        known = self.known.get((window.start, window.stop))
        if known is not None:
            return known
        if self.query is None:
            return read()
        return cached("page-ids", self.window_query(window), read, self.version)

    def nearest(self, window):
        """Nearest first, the page's ids read among the results within a radius expected to
        hold the results up to the page's end (were they spread evenly), widened while it
        holds fewer. Exact once it holds `window.stop` results: every result farther away
        comes after them. None when no radius short of the search's own did."""
        if self.nearest_first is None or not window.stop:
            return None
        radius, total = self.nearest_first
        km = radius * math.sqrt(window.stop / max(total, 1)) * NEAREST_MARGIN
        while km < radius:
            ids = list(
                self.queryset.around(self.place.point, km)
                .nearer_than(km)
                .values_list("pk", flat=True)[: window.stop]
            )
            if len(ids) == window.stop:
                return ids[window.start :]
            km *= NEAREST_MARGIN**2
        return None

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
