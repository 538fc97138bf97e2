"""Downloads (/export/): the directory's results as CSV or GeoJSON, whatever the filters,
and the whole dataset in the two national formats."""

from django.http import StreamingHttpResponse

from .. import csvexport, datainclusion, lamednum
from ..http import FILTERS, UPDATED_SINCE, endpoint
from ..records import records
from ..responses import (
    base_url,
    filtered_actors,
    geojson_response,
    json_stream_response,
)

CSV_TYPE = "text/csv; charset=utf-8"


def attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@endpoint(FILTERS)
def actors_csv(request):
    queryset = filtered_actors(request)
    body = csvexport.lines(records(queryset, base_url(request)))
    return attachment(StreamingHttpResponse(body, content_type=CSV_TYPE), "neonum-acteurs.csv")


@endpoint(FILTERS)
def actors_geojson(request):
    queryset = filtered_actors(request)
    return geojson_response(records(queryset, base_url(request)), "neonum-acteurs.geojson")


def national(rows, filename, respond):
    """A national format of the published actors, `updated_since` its only parameter."""

    @endpoint(UPDATED_SINCE)
    def view(request):
        queryset = filtered_actors(request)
        return respond(rows(queryset, base_url(request)), filename)

    return view


def lamednum_table(rows, filename):
    body = csvexport.table_lines(lamednum.COLUMNS, rows)
    return attachment(StreamingHttpResponse(body, content_type=CSV_TYPE), filename)


lamednum_csv = national(lamednum.rows, "neonum-lieux-mediation-numerique.csv", lamednum_table)
data_inclusion_structures = national(
    datainclusion.structures, "neonum-structures.json", json_stream_response
)
data_inclusion_services = national(
    datainclusion.services, "neonum-services.json", json_stream_response
)
