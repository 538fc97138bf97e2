"""Downloads (/export/): the directory's results as CSV or GeoJSON, whatever the filters,
and the whole dataset in the two national formats."""

from django.http import StreamingHttpResponse
from django.views.decorators.http import require_safe

from .. import csvexport, datainclusion, lamednum
from ..records import published, records
from ..responses import (
    InvalidQuery,
    base_url,
    error_response,
    filtered_actors,
    geojson_response,
    json_response,
)

CSV_TYPE = "text/csv; charset=utf-8"


def attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def actors_csv(request):
    try:
        queryset = filtered_actors(request)
    except InvalidQuery as invalid:
        return error_response(invalid.errors)
    body = csvexport.lines(records(queryset, base_url(request)))
    return attachment(StreamingHttpResponse(body, content_type=CSV_TYPE), "neonum-acteurs.csv")


@require_safe
def actors_geojson(request):
    try:
        queryset = filtered_actors(request)
    except InvalidQuery as invalid:
        return error_response(invalid.errors)
    return geojson_response(records(queryset, base_url(request)), "neonum-acteurs.geojson")


@require_safe
def lamednum_csv(request):
    body = csvexport.table_lines(lamednum.COLUMNS, lamednum.rows(published(), base_url(request)))
    response = StreamingHttpResponse(body, content_type=CSV_TYPE)
    return attachment(response, "neonum-lieux-mediation-numerique.csv")


@require_safe
def data_inclusion_structures(request):
    structures = list(datainclusion.structures(published(), base_url(request)))
    return attachment(json_response(structures), "neonum-structures.json")
