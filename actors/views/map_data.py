from django.db.models import Max, Min
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views import View

from actors.datacache import cached, canonical_query
from actors.filters import ActorFilterSet
from actors.mapdata import map_geojson
from actors.models import Actor

MIN_ZOOM, MAX_ZOOM, DEFAULT_ZOOM = 0, 20, 9


class MapDataView(View):
    """GeoJSON of the actors matching the directory's filters, within `bbox`, for `zoom`."""

    def get(self, request):
        filterset = ActorFilterSet(request.GET, queryset=Actor.objects.published())
        try:
            zoom = int(request.GET.get("zoom", DEFAULT_ZOOM))
        except ValueError:
            zoom = -1
        if not MIN_ZOOM <= zoom <= MAX_ZOOM:
            return JsonResponse({"errors": {"zoom": [_("Niveau de zoom invalide.")]}}, status=400)
        if not filterset.is_valid():
            return JsonResponse({"errors": filterset.form.errors.get_json_data()}, status=400)
        if request.GET.get("fit"):
            return JsonResponse({"bounds": result_bounds(filterset)})
        body = cached(
            "map",
            f"zoom={zoom}&" + canonical_query(request.GET, ignore=("page", "sort", "zoom")),
            lambda: map_geojson(filterset.qs, zoom),
        )
        return HttpResponse(body, content_type="application/geo+json")


def result_bounds(filterset):
    """bounds() of a valid filterset's results, cached as the map's data is."""
    query = canonical_query(filterset.data, ignore=("page", "sort", "tout", "zoom", "fit"))
    return cached("fit", query, lambda: bounds(filterset.qs))


def bounds(queryset):
    """Where the results are (west, south, east, north), to frame the map on them."""
    box = queryset.aggregate(w=Min("lon"), s=Min("lat"), e=Max("lon"), n=Max("lat"))
    return None if box["w"] is None else [box["w"], box["s"], box["e"], box["n"]]
