"""Facet counts: for every option of every facet, how many actors the directory would list
with that option added to the other active filters. A facet's own selection does not shrink
its own counts. One SQL query for the facets without a selection (and the total and the
bounds), one more per facet that has a selection."""

from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db import connection

from actors.datacache import cached, canonical_query
from actors.models import Commune
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
BOUNDS = "min(lon), min(lat), max(lon), max(lat)"


def grouping_sql(names, base_sql):
    # One scan: a grouping set per facet, plus () for the total and the bounds. Array facets
    # are grouped by the whole (sorted) array, which has few distinct values; Python then
    # counts each term. Only constant names from FACETS and SQL compiled by Django are put
    # together here.
    columns = [FACETS[name][1] for name in names]
    sets = [f"({column})" for column in columns] + ["()"]
    select = columns + [f"GROUPING({column})" for column in columns] + ["count(*)", BOUNDS]
    return (
        f"SELECT {', '.join(select)} FROM ({base_sql}) b "  # noqa: S608
        f"GROUP BY GROUPING SETS ({', '.join(sets)})"
    )


@dataclass
class Counts:
    """What one grouping scan found: per facet, the number of results per option; the total;
    and the results' (west, south, east, north), None when there are none."""

    by_facet: dict
    total: int = 0
    bounds: tuple | None = None


def run_counts(names, queryset):
    counts = Counts({name: Counter() for name in names})
    columns = [FACETS[name][1] for name in names] + ["lon", "lat"]
    try:
        sql, params = queryset.order_by().values(*columns).query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing, e.g. .none()
        return counts
    with connection.cursor() as cursor:
        cursor.execute(grouping_sql(names, sql), params)
        rows = cursor.fetchall()
    n = len(names)
    for row in rows:
        values, flags, count = row[:n], row[n : 2 * n], row[2 * n]
        if all(flags):
            counts.total = count
            counts.bounds = tuple(row[2 * n + 1 :]) if row[2 * n + 1] is not None else None
            continue
        index = flags.index(0)
        name, value = names[index], values[index]
        if FACETS[name][2]:
            for term in value:
                counts.by_facet[name][term] += count
        else:
            counts.by_facet[name][value] += count
    return counts


def all_counts(filterset, base_queryset, selected):
    plain = [name for name in FACETS if not selected[name]]
    counts = run_counts(plain, filterset.filter_queryset(base_queryset))
    for name in FACETS:
        if selected[name]:
            own = run_counts([name], filterset.filter_queryset(base_queryset, skip=name))
            counts.by_facet.update(own.by_facet)
    return counts


def compute_facets(filterset, base_queryset, version=None):
    """The facets of the filterset's current query and its Counts (total, bounds);
    `version` as for datacache.cached."""
    data = filterset.form.cleaned_data
    selected = {name: {obj.pk for obj in (data.get(name) or [])} for name in FACETS}
    counts = cached(
        "facet-counts",
        canonical_query(filterset.data),
        lambda: all_counts(filterset, base_queryset, selected),
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
