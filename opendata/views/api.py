"""The read-only JSON API (/api/v1/): actors, filtered by the directory's parameters, and
the reference lists. Plain views: every answer is built from `.values()`."""

import math

from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_safe

from actors.models import ActorKind, Commune, Language, Public, Service, Theme

from .. import openapi
from ..records import published, records
from ..responses import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    InvalidQuery,
    base_url,
    error_response,
    filtered_actors,
    geojson_response,
    json_response,
    not_found,
)

TAXONOMIES = {
    "themes": Theme,
    "kinds": ActorKind,
    "services": Service,
    "publics": Public,
    "languages": Language,
}


def _positive_int(request, name, default):
    raw = request.GET.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        return None
    return value if value >= 1 else None


def _param_error(name, message):
    return error_response({name: [{"message": message, "code": "invalid"}]})


@method_decorator(require_safe, name="dispatch")
class ActorListView(View):
    def get(self, request):
        try:
            queryset = filtered_actors(request)
        except InvalidQuery as invalid:
            return error_response(invalid.errors)
        size = _positive_int(request, "page_size", DEFAULT_PAGE_SIZE)
        if size is None or size > MAX_PAGE_SIZE:
            return _param_error(
                "page_size",
                _("La taille de page est un entier de 1 à %(max)s.") % {"max": MAX_PAGE_SIZE},
            )
        number = _positive_int(request, "page", 1)
        if number is None:
            return _param_error("page", _("Le numéro de page est un entier positif."))
        count = queryset.count()
        pages = max(1, math.ceil(count / size))
        if number > pages:
            return not_found()
        start = (number - 1) * size
        results = list(records(queryset, base_url(request), start=start, stop=start + size))
        return json_response(
            {
                "count": count,
                "page": number,
                "pages": pages,
                "next": self._link(request, number + 1) if number < pages else None,
                "previous": self._link(request, number - 1) if number > 1 else None,
                "results": results,
            }
        )

    def _link(self, request, number):
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri("?" + query.urlencode())


@require_safe
def actors_geojson(request):
    try:
        queryset = filtered_actors(request)
    except InvalidQuery as invalid:
        return error_response(invalid.errors)
    return geojson_response(records(queryset, base_url(request)))


@require_safe
def actor_detail(request, slug):
    found = list(records(published().filter(slug=slug), base_url(request)))
    if not found:
        return not_found()
    return json_response(found[0])


def term_list(model):
    fields = ["slug", "name", "name_eu", "name_es", "description"]
    if model is Language:
        fields.append("code")

    @require_safe
    def view(request):
        terms = model.objects.order_by("position", "name").values(*fields)
        return json_response({"results": list(terms)})

    return view


@require_safe
def communes(request):
    rows = Commune.objects.order_by("name").values(
        "insee", "name", "name_eu", "postcodes", "population", "centroid"
    )
    results = [
        {
            **{k: v for k, v in row.items() if k != "centroid"},
            "latitude": round(row["centroid"].y, 6),
            "longitude": round(row["centroid"].x, 6),
        }
        for row in rows
    ]
    return json_response({"results": results})


@require_safe
def index(request):
    links = {name: reverse(f"opendata:api-{name}") for name in TAXONOMIES}
    links.update(
        actors=reverse("opendata:api-actors"),
        actors_geojson=reverse("opendata:api-actors-geojson"),
        communes=reverse("opendata:api-communes"),
        openapi=reverse("opendata:api-openapi"),
        documentation=reverse("opendata_pages:api-docs"),
    )
    return json_response({k: request.build_absolute_uri(v) for k, v in links.items()})


@require_safe
def openapi_json(request):
    return json_response(openapi.spec(base_url(request)))
