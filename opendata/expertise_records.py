"""The public records of réalisations and ressources: the one shape their API, CSV and
GeoJSON start from, as actors.records is for actors.

Only published items leave the site, and of the actors they name only the published ones
(an unpublished actor has no public page): no drafts, requests, members or moderation data.
A réalisation's partners are two lists of "role:value" strings, so that the record stays
flat for the CSV: `partner_actors` ("partenaire:<actor slug>") and `partner_names`
("financeur:<outside organisation>")."""

from django.db.models import Prefetch
from django.urls import reverse

from actors.models import Actor, Commune, Public, Theme
from actors.texts import columns
from expertise.models import Partner

CHUNK = 500

COMMON_TAIL = ["themes", "publics", "actor", "is_demo", "updated_at"]
REALISATION_FIELDS = [
    "slug", "url", *columns("title"), *columns("summary"), *columns("description"),
    *columns("results"), *columns("lessons"), "progress", "start_date", "end_date",
    "whole_territory", "communes", "partner_actors", "partner_names", "funding_programme",
    "licence", "link", *COMMON_TAIL,
]  # fmt: skip
RESSOURCE_FIELDS = [
    "slug", "url", *columns("title"), *columns("summary"), "type", "licence",
    "content_language", "link", "elsewhere_url", "authors", "realisation", *COMMON_TAIL,
]  # fmt: skip
# The fields the import reads as lists (joined by "|" in the CSV).
LIST_FIELDS = ("themes", "publics", "communes", "partner_actors", "partner_names", "authors")


def _slugs(items):
    return [item.slug for item in items]


def _texts(obj, fields):
    return {name: getattr(obj, name) for field in fields for name in columns(field)}


def _actor_slug(actor):
    return actor.slug if actor is not None and actor.is_public else ""


def _common(obj):
    return {
        "themes": _slugs(obj.themes.all()),
        "publics": _slugs(obj.publics.all()),
        "actor": _actor_slug(obj.actor),
        "is_demo": obj.is_demo,
        "updated_at": obj.updated_at.isoformat(),
    }


def _taxonomies():
    return (
        Prefetch("themes", Theme.objects.order_by("position", "name").only("slug")),
        Prefetch("publics", Public.objects.order_by("position", "name").only("slug")),
    )


def _realisation_queryset(queryset):
    partners = (
        Partner.objects.select_related("actor")
        .only("realisation", "role", "name", "actor__slug", "actor__status")
        .order_by("role", "name", "pk")
    )
    return queryset.select_related("actor", "funding_programme").prefetch_related(
        *_taxonomies(),
        Prefetch("communes", Commune.objects.order_by("insee").only("insee", "centroid")),
        Prefetch("partners", partners),
    )


def realisation_record(obj, url):
    partners = list(obj.partners.all())
    return {
        "slug": obj.slug,
        "url": url.replace("__slug__", obj.slug),
        **_texts(obj, ("title", "summary", "description", "results", "lessons")),
        "progress": obj.progress,
        "start_date": obj.start_date.isoformat() if obj.start_date else None,
        "end_date": obj.end_date.isoformat() if obj.end_date else None,
        "whole_territory": obj.whole_territory,
        "communes": [commune.insee for commune in obj.communes.all()],
        "partner_actors": [
            f"{p.role}:{p.actor.slug}" for p in partners if p.actor_id and p.actor.is_public
        ],
        "partner_names": [f"{p.role}:{p.name}" for p in partners if not p.actor_id],
        "funding_programme": obj.funding_programme.slug if obj.funding_programme else "",
        "licence": obj.licence,
        "link": obj.link,
        **_common(obj),
    }


def _ressource_queryset(queryset):
    return queryset.select_related("actor", "type", "realisation").prefetch_related(
        *_taxonomies(), Prefetch("authors", Actor.objects.published().only("slug").order_by("slug"))
    )


def ressource_record(obj, url):
    origin = obj.realisation
    return {
        "slug": obj.slug,
        "url": url.replace("__slug__", obj.slug),
        **_texts(obj, ("title", "summary")),
        "type": obj.type.slug,
        "licence": obj.licence,
        "content_language": obj.content_language,
        "link": obj.link,
        "elsewhere_url": obj.elsewhere_url,
        "authors": _slugs(obj.authors.all()),
        "realisation": origin.slug if origin is not None and origin.is_public else "",
        **_common(obj),
    }


# Each kind: its fields, its page's URL name, what to read with it, how to write a record.
SHAPES = {
    "realisation": (
        REALISATION_FIELDS,
        "expertise:realisation",
        _realisation_queryset,
        realisation_record,
    ),
    "ressource": (RESSOURCE_FIELDS, "expertise:ressource", _ressource_queryset, ressource_record),
}


def fields(kind):
    return SHAPES[kind][0]


def _url_template(kind, base_url):
    return base_url + reverse(SHAPES[kind][1], kwargs={"slug": "__slug__"})


def _objects(kind, queryset, start=None, stop=None):
    prepare = SHAPES[kind][2]
    queryset = prepare(queryset.defer("search_vector"))
    if (start, stop) != (None, None):
        return queryset[start:stop]
    return queryset.iterator(CHUNK)


def records(kind, queryset, base_url="", start=None, stop=None):
    """The public records of `queryset` (published, filtered and ordered), in the kind's
    fields' order; `start`/`stop` slice it."""
    record, url = SHAPES[kind][3], _url_template(kind, base_url)
    for obj in _objects(kind, queryset, start, stop):
        yield record(obj, url)


def geometry(kind, obj):
    """A réalisation is where its communes are: a MultiPoint of their centres (none for the
    whole territory, drawn once by the clients); a ressource where its publisher is (none
    while that actor is not published)."""
    if kind == "realisation":
        points = [[round(c.centroid.x, 6), round(c.centroid.y, 6)] for c in obj.communes.all()]
        return {"type": "MultiPoint", "coordinates": points} if points else None
    if not obj.actor.is_public:
        return None
    location = obj.actor.location
    return {"type": "Point", "coordinates": [round(location.x, 6), round(location.y, 6)]}


def features(kind, queryset, base_url=""):
    """The records of `queryset` as GeoJSON Features (RFC 7946: longitude first; a null
    geometry for an item with no place)."""
    record, url = SHAPES[kind][3], _url_template(kind, base_url)
    for obj in _objects(kind, queryset):
        properties = record(obj, url)
        yield {
            "type": "Feature",
            "id": properties["slug"],
            "geometry": geometry(kind, obj),
            "properties": properties,
        }
