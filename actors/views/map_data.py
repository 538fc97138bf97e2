from django.conf import settings
from django.db.models import Max, Min
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views import View

from actors import params
from actors.datacache import cached, canonical_query
from actors.filters import InvalidQuery, valid_filterset
from actors.mapdata import map_geojson


class MapDataView(View):
    """GeoJSON of the actors matching the directory's filters, within `bbox`, for `zoom`."""

    def get(self, request):
        try:
            zoom = int(request.GET.get(params.ZOOM, settings.MAP_DEFAULT_ZOOM))
        except ValueError:
            zoom = -1
        lowest, highest = settings.MAP_DATA_ZOOMS
        if not lowest <= zoom <= highest:
            return JsonResponse({"errors": {"zoom": [_("Niveau de zoom invalide.")]}}, status=400)
        try:
            filterset = valid_filterset(request.GET)
        except InvalidQuery as invalid:
            return JsonResponse({"errors": invalid.errors}, status=400)
        if request.GET.get(params.FIT):
            return JsonResponse({"bounds": result_bounds(filterset)})
        body = cached(
            "map",
            f"zoom={zoom}&"
            + canonical_query(request.GET, ignore=(*params.NOT_RESULTS, params.ZOOM)),
            lambda: map_geojson(filterset.qs, zoom),
        )
        return HttpResponse(body, content_type="application/geo+json")


def result_bounds(filterset):
    """bounds() of a valid filterset's results, cached as the map's data is."""
    query = canonical_query(filterset.data, ignore=(*params.NOT_RESULTS, params.ZOOM, params.FIT))
    return cached("fit", query, lambda: bounds(filterset.qs))


def bounds(queryset):
    """Where the results are (west, south, east, north), to frame the map on them."""
    box = queryset.aggregate(w=Min("lon"), s=Min("lat"), e=Max("lon"), n=Max("lat"))
    return None if box["w"] is None else [box["w"], box["s"], box["e"], box["n"]]
