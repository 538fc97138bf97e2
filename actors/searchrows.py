"""Which table a directory query's facet counts (and ranked page) read: the published
actors, or their narrow copy actors_search (actors.models.SearchRow) for a text search, or
its copy without the search vectors, actors_search_lean (actors.models.LeanRow), for
everyday words that few rows hold but whose services and themes many actors offer.

A broad search matches a third of the actors; reading those matches from the wide actors'
rows was most of its time at 100,000 actors (README "The directory at 100,000 actors",
sixth round). The copy holds every column that a search, the facets, the bounds and the
ranked page read, so the same filters compiled against it give the same rows."""

from contextlib import contextmanager

from django.db import connection, transaction

from actors.models import Actor, LeanRow, SearchRow

# The filters whose columns the copy holds (`radius` and `sort` filter nothing). `open` and
# `updated_since` read columns only the actors' table has; `near` reads coordinates, which the
# copy holds, but a search near a place measured faster on the actors' table (the place's box
# read from the covering index of the coordinates) than on the copy, which has no such index.
COPIED = {
    "q", "theme", "service", "public", "language", "kind", "commune", "bbox", "radius", "sort",
}  # fmt: skip


def counts_queryset(filterset, base_queryset):
    """A copy's rows (SearchRow or LeanRow: SearchFilter.copy_to_read) when the query is a
    text search read as words over the published actors with filters the copies can answer,
    else `base_queryset`. A search read as misspellings (trigrams of `search_text`) stays on
    the actors' table and its index."""
    data = filterset.form.cleaned_data
    q = (data.get("q") or "").strip()
    if not q or any(value for name, value in data.items() if name not in COPIED):
        return base_queryset
    if str(base_queryset.query) != str(Actor.objects.published().query):
        return base_queryset
    copy = filterset.filters["q"].copy_to_read(base_queryset, q)
    return base_queryset if copy is None else copy


# PostgreSQL's defaults are 1000 and 0.1.
PARALLEL_SETUP_COST = 100
PARALLEL_TUPLE_COST = 0.01


@contextmanager
def planned(queryset):
    """Around a scan of `queryset`: over the copy, without a sequential scan. The planner
    multiplies the chances of a search's conditions as if independent (words, and the
    lexicon's services and themes, which the same actors' texts name), guesses twice the
    matches and then reads and tests every row rather than the index's matches, about
    twice as slow at 100,000 actors. A text search over the copy always has an indexed
    condition.

    Parallel workers read and rank the matches: the planner prices handing each match to
    the leader (parallel_tuple_cost, 0.1) above what sharing the scan saves, though the
    matches' rows are wide and ranking them is most of the work (README "The directory at
    100,000 actors", seventh round)."""
    if queryset.model not in (SearchRow, LeanRow):
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SET LOCAL enable_seqscan = off; "
            f"SET LOCAL parallel_setup_cost = {PARALLEL_SETUP_COST}; "
            f"SET LOCAL parallel_tuple_cost = {PARALLEL_TUPLE_COST}"
        )
        yield
