"""The directory map's réalisations layer: the published réalisations gathered by commune
(one marker a commune, at its centre), each with its count and its latest titles linking to
their pages. A réalisation concerning the whole territory has no place of its own: it is left
off the map (the list of réalisations shows it under every commune). The body is cached
under the réalisations' own data version and the language."""

import json

from django.db.models import Count, F, Max, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language

from actors.datacache import cached
from actors.models import Commune
from actors.texts import localized

from .models import Realisation

# Titles listed in a commune's popup; the rest are one link away (the list, filtered).
SHOWN = 5


def data_version():
    """Moves with every publication, change or archiving (each saves `updated_at`) and
    every new row; a hard delete shows within the cache's lifetime, as for actors."""
    latest = Realisation.objects.aggregate(at=Max("updated_at"), pk=Max("pk"))
    stamp = latest["at"].timestamp() if latest["at"] else 0
    return f"{stamp}:{latest['pk'] or 0}"


def geojson():
    links = Realisation.communes.through.objects.filter(
        realisation__in=Realisation.objects.published()
    )
    counts = dict(links.values_list("commune_id").annotate(n=Count("pk")).order_by())
    latest = (
        links.annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("commune_id"),
                order_by=[F("realisation__updated_at").desc(), F("realisation_id").desc()],
            )
        )
        .filter(rank__lte=SHOWN)
        .select_related("realisation")
        .only(
            "commune_id",
            "realisation__slug",
            "realisation__title",
            "realisation__title_eu",
            "realisation__title_es",
        )
    )
    items = {}
    for link in latest:
        title = localized(link.realisation, "title")
        items.setdefault(link.commune_id, []).append(
            {
                "title": title.text,
                "lang": title.lang,
                "url": link.realisation.get_absolute_url(),
            }
        )
    features = []
    listing = reverse("expertise:realisations")
    for commune in Commune.objects.filter(pk__in=counts).only(
        "insee", "name", "name_eu", "centroid"
    ):
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [round(commune.centroid.x, 5), round(commune.centroid.y, 5)],
                },
                "properties": {
                    "commune": commune.label,
                    "count": counts[commune.pk],
                    "items": items.get(commune.pk, []),
                    "all": f"{listing}?{urlencode({'commune': commune.insee})}",
                },
            }
        )
    features.sort(key=lambda feature: feature["properties"]["commune"])
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)


def cached_geojson():
    return cached("realisations-map", get_language(), geojson, data_version())
