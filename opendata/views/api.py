"""The read-only JSON API (/api/v1/): actors, filtered by the directory's parameters, and
the reference lists. Plain views: every answer is built from `.values()`."""

import math

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from actors import params
from actors.filters import IsoDateTimeField
from actors.models import Commune, Language
from actors.taxonomies import ALL_MODELS

from .. import openapi
from ..http import FILTERS, code_version, endpoint, reference_version
from ..models import ActorRemoval
from ..records import published, records
from ..responses import (
    base_url,
    error_response,
    filtered_actors,
    geojson_response,
    json_response,
    json_stream_response,
    not_found,
)


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


def paginated(request, queryset, page_records):
    """One page of `queryset` (`page`, `page_size`) with its links; `page_records(queryset,
    start, stop)` writes its records. A bad number is a 400 naming it, a page past the
    last a 404. `queryset` may also be a list (the agenda's occurrences are found in Python)."""
    size = _positive_int(request, params.PAGE_SIZE, settings.API_PAGE_SIZE)
    most = settings.API_MAX_PAGE_SIZE
    if size is None or size > most:
        return _param_error(
            params.PAGE_SIZE,
            _("La taille de page est un entier de 1 à %(max)s.") % {"max": most},
        )
    number = _positive_int(request, params.PAGE, 1)
    if number is None:
        return _param_error(params.PAGE, _("Le numéro de page est un entier positif."))
    count = len(queryset) if isinstance(queryset, list) else queryset.count()
    pages = max(1, math.ceil(count / size))
    if number > pages:
        return not_found()
    start = (number - 1) * size
    return json_response(
        {
            "count": count,
            "page": number,
            "pages": pages,
            "next": _link(request, number + 1) if number < pages else None,
            "previous": _link(request, number - 1) if number > 1 else None,
            "results": list(page_records(queryset, start, start + size)),
        }
    )


def _link(request, number):
    query = request.GET.copy()
    query[params.PAGE] = number
    return request.build_absolute_uri("?" + query.urlencode())


@method_decorator(endpoint(FILTERS + params.PAGING), name="dispatch")
class ActorListView(View):
    def get(self, request):
        base = base_url(request)
        return paginated(
            request,
            filtered_actors(request),
            lambda queryset, start, stop: records(queryset, base, start=start, stop=stop),
        )


@endpoint(FILTERS)
def actors_geojson(request):
    queryset = filtered_actors(request)
    return geojson_response(records(queryset, base_url(request)))


@endpoint()
def actor_detail(request, slug):
    found = list(records(published().filter(slug=slug), base_url(request)))
    if not found:
        return not_found()
    return json_response(found[0])


def term_list(model):
    fields = ["slug", "name", "name_eu", "name_es", "description"]
    if model is Language:
        fields.append("code")

    def terms():
        return model.objects.order_by("position", "name").values(*fields)

    @endpoint(version=reference_version(terms))
    def view(request):
        return json_response({"results": list(terms())})

    return view


def commune_rows():
    return Commune.objects.order_by("name").values(
        "insee", "name", "name_eu", "postcodes", "population", "centroid"
    )


@endpoint(version=reference_version(commune_rows))
def communes(request):
    rows = commune_rows()
    results = [
        {
            **{k: v for k, v in row.items() if k != "centroid"},
            "latitude": round(row["centroid"].y, 6),
            "longitude": round(row["centroid"].x, 6),
        }
        for row in rows
    ]
    return json_response({"results": results})


class RemovalsForm(forms.Form):
    since = IsoDateTimeField(required=False, label=gettext_lazy("Depuis"))


@endpoint(("since",))
def removed(request):
    """The actors that left the published data (archived, unpublished, deleted, renamed)
    since `since`, oldest first; a slug published again is no longer listed."""
    form = RemovalsForm(request.GET)
    if not form.is_valid():
        return error_response(form.errors.get_json_data())
    removals = ActorRemoval.objects.exclude(slug__in=published().values("slug"))
    if form.cleaned_data["since"]:
        removals = removals.filter(removed_at__gte=form.cleaned_data["since"])
    rows = removals.order_by("removed_at", "pk").values_list("slug", "reason", "removed_at")
    results = (
        {"slug": slug, "reason": reason, "removed_at": at.isoformat()}
        for slug, reason, at in rows.iterator(chunk_size=2000)
    )
    return json_stream_response(results, opening='{"results": [', closing="]}\n")


@endpoint(version=code_version)
def index(request):
    links = {name: reverse(f"opendata:api-{name}") for name in ALL_MODELS}
    links.update(
        actors=reverse("opendata:api-actors"),
        actors_geojson=reverse("opendata:api-actors-geojson"),
        actors_removed=reverse("opendata:api-actors-removed"),
        communes=reverse("opendata:api-communes"),
        realisations=reverse("opendata:api-realisations"),
        realisations_geojson=reverse("opendata:api-realisations-geojson"),
        ressources=reverse("opendata:api-ressources"),
        openapi=reverse("opendata:api-openapi"),
        documentation=reverse("opendata_pages:api-docs"),
    )
    return json_response({k: request.build_absolute_uri(v) for k, v in links.items()})


@endpoint(version=code_version)
def openapi_json(request):
    return json_response(openapi.spec(base_url(request)))
