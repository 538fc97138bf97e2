"""Figures for the dashboard, and the choropleth of the communes as server-rendered SVG."""

import math

from django.contrib.gis.db.models import Extent
from django.contrib.gis.db.models.functions import AsSVG
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from actors.models import Actor, ActorKind, ActorStatus, Commune, Theme

CLASSES = 5  # 0, then four classes of the communes that have actors


def by_status():
    found = dict(Actor.objects.values_list("status").annotate(n=Count("pk")))
    return [{"label": s.label, "count": found.get(s.value, 0)} for s in ActorStatus]


def by_term(model):
    published = Q(actors__status=ActorStatus.PUBLISHED)
    return [
        {"label": term.label, "count": term.n}
        for term in model.objects.annotate(n=Count("actors", filter=published))
    ]


def by_theme():
    return by_term(Theme)


def by_kind():
    return by_term(ActorKind)


def breaks(counts):
    """Upper bounds of the classes of non-zero counts: quartiles, without duplicates, so
    that each class holds about as many communes."""
    values = sorted(c for c in counts if c > 0)
    if not values:
        return []
    bounds = []
    for i in range(1, CLASSES):
        bound = values[min(len(values) - 1, math.ceil(i * len(values) / (CLASSES - 1)) - 1)]
        if not bounds or bound > bounds[-1]:
            bounds.append(bound)
    return bounds


def class_of(count, bounds):
    if count == 0:
        return 0
    for i, bound in enumerate(bounds, start=1):
        if count <= bound:
            return i
    return len(bounds)


def choropleth():
    """The communes' outlines with their number of published actors, classes and legend."""
    published = (
        Actor.objects.published()
        .filter(commune=OuterRef("pk"))
        .order_by()
        .values("commune")
        .annotate(n=Count("pk"))
        .values("n")
    )
    communes = list(
        Commune.objects.annotate(
            svg=AsSVG("boundary", precision=4),
            actors_count=Coalesce(Subquery(published, output_field=IntegerField()), 0),
        )
        .only("pk", "name", "name_eu", "insee")
        .by_label()
    )
    x0, y0, x1, y1 = Commune.objects.aggregate(extent=Extent("boundary"))["extent"]
    # SVG's y axis points down (PostGIS writes -latitude); longitudes shrink with latitude.
    squeeze = math.cos(math.radians((y0 + y1) / 2))
    pad = max(x1 - x0, y1 - y0) * 0.02
    bounds = breaks([c.actors_count for c in communes])
    legend, low = [{"css": 0, "low": 0, "high": 0}], 1
    for i, high in enumerate(bounds, start=1):
        legend.append({"css": i, "low": low, "high": high})
        low = high + 1
    for commune in communes:
        commune.css = class_of(commune.actors_count, bounds)
    return {
        "communes": communes,
        "legend": legend,
        "view_box": (
            f"{(x0 - pad) * squeeze:.4f} {-y1 - pad:.4f} "
            f"{(x1 - x0 + 2 * pad) * squeeze:.4f} {y1 - y0 + 2 * pad:.4f}"
        ),
        "squeeze": round(squeeze, 5),
        "stroke": round(max(x1 - x0, y1 - y0) / 600, 5),
    }
