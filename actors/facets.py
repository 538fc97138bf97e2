"""Facet counts: for every option of every facet, how many actors the directory would list
with that option added to the other active filters. A facet's own selection does not shrink
its own counts. One SQL query for the total, the bounds and every facet; with one or two
selections, the selected facets' options from the queries without them (all_counts)."""

from collections import Counter
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Q
from django.db.models.sql.where import AND, OR, WhereNode

from actors import params
from actors.datacache import cache_key, cached, canonical_query, store
from actors.models import Commune
from actors.models.actor import mask_column
from actors.searchrows import counts_queryset, planned
from actors.taxonomies import TAXONOMIES

# facet parameter -> (model, column on actors_actor, is the column an id array)
FACETS = {
    **{
        taxonomy.parameter: (taxonomy.model, taxonomy.column, taxonomy.many)
        for taxonomy in TAXONOMIES
    },
    "commune": (Commune, "commune_id", False),
}


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


# Long facets show their most frequent options first; `?tout=<facet>` (actors.params.SHOW_ALL)
# lists them all. Rendering every commune would double the DOM of the page (EcoIndex, issue #11)
# for options seldom used.
SHORT_FACETS = {"commune": 5, "service": 6, "public": 6}


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)
    # How many options are left out of `options` (see shorten()).
    hidden: int = 0

    @property
    def selected_count(self):
        return sum(1 for option in self.options if option.selected)


# Where the results are, read in the same scan (the total's row): the map frames them.
BOUNDS = ("min(lon)", "min(lat)", "max(lon)", "max(lat)")


def group_key(name, overflow=False):
    """What a facet's grouping set groups by. An id array by its mask: hashing a bigint is
    several times cheaper than hashing an array, most of the counts' cost at 100,000 actors.
    `overflow`: the array of a row whose mask has its sign bit (an id past 62), else NULL."""
    _model, column, is_array = FACETS[name]
    if not is_array:
        return column
    mask = mask_column(column)
    return f"CASE WHEN {mask} < 0 THEN {column} END" if overflow else mask


def grouping_sql(names, base_sql, selected=(), overflow=False, page=None, whole=True):
    """One scan: a grouping set per facet, plus () for the total and the bounds unless not
    `whole` (the options of one facet alone: own_counts).

    The base query gives each condition of a facet with a selection as a boolean column
    `in_<facet>` (see run_counts): that facet's options are counted over the rows meeting
    the others, the rest over the rows meeting all. With `page` (actors.listing.PageRequest),
    the rows are kept once (a materialised CTE) and the last column is the page's ids in the
    total's row, NULL in the others (a thousand rows would each carry it, for psycopg to read
    a thousand times). Only constant names from FACETS, the filterset's constant orders,
    integers and SQL compiled by Django are put together here."""
    keys = [group_key(name, overflow) for name in names]
    sets = [f"({key})" for key in keys] + (["()"] if whole else [])
    every = meets(selected)
    tallies = [f"count(*) FILTER (WHERE {every})"] + [
        f"count(*) FILTER (WHERE {meets([s for s in selected if s != name])})" for name in selected
    ]
    bounds = [f"{bound} FILTER (WHERE {every})" for bound in BOUNDS] if whole else []
    select = keys + [f"GROUPING({key})" for key in keys] + tallies + bounds
    source, cte = f"({base_sql}) b", ""
    if page is not None:
        source, cte = "b", f"WITH b AS MATERIALIZED ({base_sql}) "
        select.append(
            f"CASE WHEN GROUPING({', '.join(keys)}) = {(1 << len(keys)) - 1} THEN "  # noqa: S608
            f"ARRAY(SELECT id FROM b WHERE {every} ORDER BY {page.order} "
            f"LIMIT {int(page.size)} OFFSET {int(page.start)}) END"
        )
    return (
        f"{cte}SELECT {', '.join(select)} FROM {source} "  # noqa: S608
        f"GROUP BY GROUPING SETS ({', '.join(sets)})"
    )


def meets(selected):
    return " AND ".join(f"in_{name}" for name in selected) or "TRUE"


@dataclass
class Counts:
    """What one grouping scan found: per facet, the number of results per option; the total;
    and the results' (west, south, east, north), None when there are none."""

    by_facet: dict
    total: int = 0
    bounds: tuple | None = None


def read_columns(names, overflow=False):
    """The columns the counts read: without the arrays (but for the overflow's pass), the
    published actors' narrow index (actor_published_counts) holds them all."""
    columns = []
    for name in names:
        _model, column, is_array = FACETS[name]
        columns += [mask_column(column)] if is_array else [column]
        if is_array and overflow:
            columns.append(column)
    return columns + ["lon", "lat"]


def run_counts(names, queryset, selected=None, page=None, whole=True):
    """`queryset`: the results without the conditions of the facets in `selected` (facet ->
    its condition, a boolean expression), which it only reads as columns; the rows meeting
    all but one of them are the fewest that every count needs. `page`: a PageRequest whose
    ids the same scan reads (its key is an annotation of `queryset`). Not `whole`: the
    options' counts only, without the total and the bounds."""
    selected = selected or {}
    counts = Counts({name: Counter() for name in names})
    flags = {f"in_{name}": condition for name, condition in selected.items()}
    if len(selected) > 1:
        queryset = queryset.filter(all_but_one(list(selected.values())))
    queryset = queryset.order_by().annotate(**flags)
    unmasked = tally(names, queryset, selected, counts, page=page, whole=whole)
    if unmasked:
        # Rows with an id past 62 (none in the reference taxonomies): counted by their arrays.
        masks = Q()
        for name in unmasked:
            masks |= Q(**{f"{mask_column(FACETS[name][1])}__lt": 0})
        beyond = queryset.filter(masks)
        tally(unmasked, beyond, selected, Counts(counts.by_facet), overflow=True, whole=whole)
    return counts


def tally(names, queryset, selected, counts, overflow=False, page=None, whole=True):
    """Adds one grouping scan's counts to `counts` (and the page's ids to `page`); returns
    the facets that met a mask with its sign bit, whose rows the overflow's pass counts."""
    flags = [f"in_{name}" for name in selected]
    ordering = ["id", "name", page.key] if page else []
    try:
        sql, params = queryset.values(
            *read_columns(names, overflow), *flags, *ordering
        ).query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing, e.g. .none()
        return []
    with planned(queryset), connection.cursor() as cursor:
        cursor.execute(grouping_sql(names, sql, list(selected), overflow, page, whole), params)
        rows = cursor.fetchall()
    n = len(names)
    if page is not None:
        total = [row[-1] for row in rows if all(row[n : 2 * n])]
        page.ids = list(total[0]) if total else []
        rows = [row[:-1] for row in rows]
    tally_of = {name: 1 + list(selected).index(name) if name in selected else 0 for name in names}
    unmasked = {}  # a facet's rows may have several masks with the sign bit: named once
    for row in rows:
        end = len(row) - len(BOUNDS) if whole else len(row)
        values, groupings, tallies, bounds = row[:n], row[n : 2 * n], row[2 * n : end], row[end:]
        if all(groupings):
            counts.total = tallies[0]
            counts.bounds = tuple(bounds) if bounds[0] is not None else None
            continue
        index = groupings.index(0)
        name, value, count = names[index], values[index], tallies[tally_of[names[index]]]
        if not count:
            continue
        if not FACETS[name][2]:
            counts.by_facet[name][value] += count
        elif overflow:
            for term in value or ():
                counts.by_facet[name][term] += count
        elif value < 0:
            unmasked[name] = True
        else:
            for term in bits(value):
                counts.by_facet[name][term] += count
    return list(unmasked)


def bits(mask):
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


def all_but_one(conditions):
    """Rows meeting at least all but one of the conditions."""
    either = WhereNode(connector=OR)
    for skipped in range(len(conditions)):
        others = [c for i, c in enumerate(conditions) if i != skipped]
        either.add(WhereNode(others, connector=AND), OR)
    return either


def condition(filterset, name, model):
    """The facet's own filter as a boolean expression on the actors' table."""
    value = filterset.form.cleaned_data.get(name)
    return filterset.filters[name].filter(model.objects.all(), value).query.where


# Up to this many facets with a selection, each one's options are counted apart (own_counts).
SHARED_UP_TO = 2


def all_counts(filterset, base_queryset, selected, page=None, version=None):
    """Every count, a text search's read from the actors' narrow copy (actors.searchrows).

    With one or two selections: the other facets, the total and the bounds from one scan of
    the results, and each selected facet's options from the query without its selection
    (own_counts), which the queries adding one selection to the same query share: every
    theme with "euskara", every language with a theme. The single scan below hashes every
    row it reads into every facet's counts; at 100,000 actors one selection made it read
    them all (README "Load", fourteenth round). With more selections, those shared queries
    seldom repeat, and that single scan reads only the rows meeting all but one condition."""
    base_queryset = counts_queryset(filterset, base_queryset)
    chosen = [name for name in FACETS if selected[name]]
    if chosen and len(chosen) <= SHARED_UP_TO:
        names = [name for name in FACETS if name not in chosen]
        counts = run_counts(names, filterset.filter_queryset(base_queryset), page=page)
        for name in chosen:
            counts.by_facet[name] = own_counts(filterset, base_queryset, name, version)
        return counts
    conditions = {name: condition(filterset, name, base_queryset.model) for name in chosen}
    others = filterset.filter_queryset(base_queryset, **dict.fromkeys(chosen))
    return run_counts(list(FACETS), others, conditions, page)


def own_counts(filterset, base_queryset, name, version=None):
    """The counts of facet `name`'s options, which its own selection does not shrink: those
    of the same query without that selection. Read from that query's cached counts when a
    visitor saw it (the usual way to a selection), else counted in a scan of their own,
    cached under that query and the facet's name."""
    query = canonical_query(filterset.data, ignore=(*params.NOT_RESULTS, name))
    own = f"{query}&@facet={name}"
    seen = cache_key("facet-counts", query, version)
    counted = cache_key("facet-options", own, version)
    found = cache.get_many([seen, counted])  # one read of the cache for both
    if seen in found:
        return found[seen].by_facet[name]
    if counted in found:
        return found[counted]
    rows = filterset.filter_queryset(base_queryset, skip=name)
    options = run_counts([name], rows, whole=False).by_facet[name]
    store("facet-options", own, options, version)
    return options


def compute_facets(filterset, base_queryset, version=None, page=None):
    """The facets of the filterset's current query and its Counts (total, bounds);
    `version` as for datacache.cached. `page`: an actors.listing.PageRequest, whose ids the
    counts' scan reads when it runs."""
    data = filterset.form.cleaned_data
    selected = {name: {obj.pk for obj in (data.get(name) or [])} for name in FACETS}
    counts = cached(
        "facet-counts",
        canonical_query(filterset.data),
        lambda: all_counts(filterset, base_queryset, selected, page, version),
        version,
    )
    facets = []
    for name in FACETS:
        model, _, _ = FACETS[name]
        options = []
        for obj in option_objects(model):
            count = counts.by_facet[name].get(obj.pk, 0)
            is_selected = obj.pk in selected[name]
            if count or is_selected:
                options.append(Option(option_value(obj), obj.label, count, is_selected))
        facets.append(Facet(name, str(filterset.filters[name].label), options))
    return facets, counts


def shorten(facets, show_all=""):
    """Keeps the selected and the most frequent options of the long facets, in their order,
    unless `show_all` names the facet."""
    for facet in facets:
        keep = SHORT_FACETS.get(facet.name)
        if keep is None or facet.name == show_all or len(facet.options) <= keep:
            continue
        ranked = sorted(facet.options, key=lambda o: (not o.selected, -o.count))
        kept = {id(option) for option in ranked[: max(keep, facet.selected_count)]}
        facet.hidden = len(facet.options) - len(kept)
        facet.options = [option for option in facet.options if id(option) in kept]
    return facets


def option_objects(model):
    if model is Commune:
        return Commune.objects.only("pk", "insee", "name", "name_eu").by_label()
    return model.objects.all()


def option_value(obj):
    return obj.insee if isinstance(obj, Commune) else obj.slug
