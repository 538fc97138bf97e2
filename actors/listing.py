"""A sorted list of actors read in two steps, for a paginator: the page's ids from a narrow
query, then those actors' rows for the cards.

Ordering by relevance or distance computes the sort key of every result (35,000 rows for a
broad search at 100,000 actors) before keeping a page: with only the id and the sort keys
per row, and the kind and commune joined for the page's rows alone, that sort stays small."""

from actors.models import Actor
from actors.models.actor import haversine_km


class PageRows:
    """What Paginator slices: `queryset` (a filterset's sorted one) one page at a time.
    With `place`, each actor carries its `distance_km` for the cards."""

    # Read by Paginator, which warns about unordered lists.
    ordered = True

    def __init__(self, queryset, place=None):
        self.queryset = queryset
        self.place = place

    def __getitem__(self, window):
        ids = list(self.queryset.values_list("pk", flat=True)[window])
        rows = Actor.objects.filter(pk__in=ids).for_listing()
        if self.place is not None:
            rows = rows.annotate(distance_km=haversine_km(self.place.point))
        by_id = {actor.pk: actor for actor in rows}
        return [by_id[pk] for pk in ids]

    def count(self):
        return self.queryset.count()
