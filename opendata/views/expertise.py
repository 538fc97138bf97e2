"""The API and downloads of réalisations and ressources (/api/v1/realisations/…,
/export/realisations.csv…), built as the actors' are: the kind's public-list filters
(expertise.filters), the same pagination, errors, conditional requests and streaming."""

from django.db.models import Count, Max
from django.http import StreamingHttpResponse

from actors import params
from expertise.filters import FILTERSETS, valid_filterset
from expertise.models import Realisation, Ressource

from .. import csvexport
from ..expertise_records import features, fields, records
from ..http import data_version, endpoint
from ..responses import (
    base_url,
    feature_collection_chunks,
    json_response,
    not_found,
    streamed,
)
from .api import paginated
from .exports import CSV_TYPE, attachment


def expertise_version():
    """The actors' version (records name actors) and, for each kind, its newest write,
    highest id and count (a deletion lowers it), from indexes."""
    seed, newest = data_version()
    parts = [seed]
    for model in (Realisation, Ressource):
        found = model.objects.aggregate(updated=Max("updated_at"), top=Max("pk"), n=Count("id"))
        updated = found["updated"]
        parts.append(f"{updated and updated.timestamp()}:{found['top']}:{found['n']}")
        if updated and updated > newest:
            newest = updated
    return "|".join(parts), newest


def filter_names(kind):
    return tuple(FILTERSETS[kind][1].base_filters)


def filtered(kind, request):
    """The published items of a kind matching the request's filters, in the list page's
    order with the id as a tie-breaker (pages never overlap). Raises InvalidQuery."""
    queryset = valid_filterset(kind, request.GET).qs
    ordering = queryset.query.order_by or queryset.model._meta.ordering
    return queryset.order_by(*ordering, "-pk")


def list_view(kind):
    @endpoint(filter_names(kind) + params.PAGING, version=expertise_version)
    def view(request):
        base = base_url(request)
        return paginated(
            request,
            filtered(kind, request),
            lambda queryset, start, stop: records(kind, queryset, base, start, stop),
        )

    return view


def detail_view(kind):
    model = FILTERSETS[kind][0]

    @endpoint(version=expertise_version)
    def view(request, slug):
        found = list(records(kind, model.objects.published().filter(slug=slug), base_url(request)))
        return json_response(found[0]) if found else not_found()

    return view


def geojson_view(kind, filename=None):
    @endpoint(filter_names(kind), version=expertise_version)
    def view(request):
        items = features(kind, filtered(kind, request), base_url(request))
        return streamed(feature_collection_chunks(items), "application/geo+json", filename)

    return view


def csv_view(kind, filename):
    @endpoint(filter_names(kind), version=expertise_version)
    def view(request):
        rows = records(kind, filtered(kind, request), base_url(request))
        body = csvexport.lines(rows, columns=fields(kind))
        return attachment(StreamingHttpResponse(body, content_type=CSV_TYPE), filename)

    return view


realisations = list_view("realisation")
realisation_detail = detail_view("realisation")
realisations_geojson = geojson_view("realisation")
ressources = list_view("ressource")
ressource_detail = detail_view("ressource")
realisations_csv = csv_view("realisation", "neonum-realisations.csv")
realisations_geojson_file = geojson_view("realisation", "neonum-realisations.geojson")
ressources_csv = csv_view("ressource", "neonum-ressources.csv")
ressources_geojson_file = geojson_view("ressource", "neonum-ressources.geojson")
