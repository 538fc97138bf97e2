"""The public record of an actor: the one shape the API, the exports and the embed start
from. Built from `.values()` and the denormalised taxonomy id arrays, so that a large export
is one query streamed in chunks, not one object (and four prefetches) per actor.

Only published actors and these fields ever leave the site: no status, moderation source,
internal ids or account data. The public email address is included: the actor published it
to be contacted, the national formats expect it, and the pages' obfuscation only slows
naive harvesters (see README, "Open data")."""

from django.db.models import F, FloatField, Func
from django.urls import reverse

from actors.models import ACCESS_FIELDS, Actor
from actors.taxonomies import MANY, MANY_MODELS
from actors.texts import columns

FIELDS = [
    "slug", "name", "url", "kind", "summary", "summary_eu", "summary_es", "description",
    "description_eu", "description_es", "themes", "services", "publics",
    "languages", "website", "email", "phone", "street_address", "postcode", "commune",
    "commune_insee", "latitude", "longitude", "location_precision", "welcomes_public",
    "works_remotely", "travels", "opening_hours", *ACCESS_FIELDS, "siret", "rna", "is_demo",
    "updated_at",
]  # fmt: skip
LIST_FIELDS = tuple(MANY_MODELS)
# The summary and description in French, Basque and Spanish, each empty when not written.
TEXTS = [*columns("summary"), *columns("description")]
CHUNK = 2000

_X = Func(F("location"), function="ST_X", output_field=FloatField())
_Y = Func(F("location"), function="ST_Y", output_field=FloatField())


def published():
    return Actor.objects.published()


class Terms:
    """Taxonomy ids to slugs, in the taxonomies' own order, read once per output."""

    def __init__(self):
        self.slugs = {}
        self.order = {}
        for name, model in MANY_MODELS.items():
            terms = list(model.objects.order_by("position", "name").values_list("id", "slug"))
            self.slugs[name] = dict(terms)
            self.order[name] = {pk: i for i, (pk, _slug) in enumerate(terms)}

    def of(self, name, ids):
        order = self.order[name]
        known = self.slugs[name]
        return [
            known[pk] for pk in sorted(ids or [], key=lambda pk: order.get(pk, 0)) if pk in known
        ]


def actor_url_template():
    return reverse("actors:detail", kwargs={"slug": "__slug__"})


def records(queryset, base_url="", terms=None, start=None, stop=None):
    """The public records of `queryset` (already filtered and ordered), as dicts in FIELDS
    order, plus `distance_km` when the queryset measured distances. `start`/`stop` slice
    after the annotations (a sliced queryset can no longer be annotated)."""
    terms = terms or Terms()
    url = base_url + actor_url_template()
    with_distance = "distance_km" in queryset.query.annotations
    values = queryset.annotate(
        _kind=F("kind__slug"),
        _commune=F("commune__name"),
        _insee=F("commune__insee"),
        _postcode=F("commune__postcodes__0"),
        _lon=_X,
        _lat=_Y,
    ).values(
        "slug", "name", *TEXTS, "website", "email", "phone",
        "street_address", "location_precision", "welcomes_public", "works_remotely", "travels",
        "opening_hours",
        *ACCESS_FIELDS, "siret", "rna", "is_demo", "updated_at",
        *(taxonomy.column for taxonomy in MANY),
        "_kind", "_commune", "_insee", "_postcode", "_lon", "_lat",
        *(["distance_km"] if with_distance else []),
    )  # fmt: skip
    rows = values[start:stop] if (start, stop) != (None, None) else values.iterator(CHUNK)
    for row in rows:
        record = {
            "slug": row["slug"],
            "name": row["name"],
            "url": url.replace("__slug__", row["slug"]),
            "kind": row["_kind"],
            **{name: row[name] for name in TEXTS},
        }
        for taxonomy in MANY:
            record[taxonomy.key] = terms.of(taxonomy.key, row[taxonomy.column])
        record.update(
            website=row["website"],
            email=row["email"],
            phone=row["phone"],
            street_address=row["street_address"],
            postcode=row["_postcode"] or "",
            commune=row["_commune"],
            commune_insee=row["_insee"],
            latitude=round(row["_lat"], 6),
            longitude=round(row["_lon"], 6),
            location_precision=row["location_precision"],
            welcomes_public=row["welcomes_public"],
            works_remotely=row["works_remotely"],
            travels=row["travels"],
            opening_hours=row["opening_hours"],
            **{name: row[name] for name in ACCESS_FIELDS},
            siret=row["siret"],
            rna=row["rna"],
            is_demo=row["is_demo"],
            updated_at=row["updated_at"].isoformat(),
        )
        if with_distance:
            record["distance_km"] = round(row["distance_km"], 3)
        yield record


def feature(record):
    """A record as a GeoJSON Feature (RFC 7946: longitude first)."""
    properties = {k: v for k, v in record.items() if k not in ("latitude", "longitude")}
    return {
        "type": "Feature",
        "id": record["slug"],
        "geometry": {"type": "Point", "coordinates": [record["longitude"], record["latitude"]]},
        "properties": properties,
    }
