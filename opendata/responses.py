"""Shared pieces of the API and export views: the filtered queryset, JSON answers, streams."""

import json

from django.http import JsonResponse, StreamingHttpResponse
from django.utils.translation import gettext as _

from actors.filters import valid_filterset

from .records import feature


def json_response(data, status=200, **kwargs):
    return JsonResponse(
        data, status=status, json_dumps_params={"ensure_ascii": False}, safe=False, **kwargs
    )


def error_response(errors, status=400):
    return json_response({"errors": errors}, status=status)


def not_found():
    return error_response({"detail": [{"message": _("Introuvable."), "code": "not_found"}]}, 404)


def filtered_actors(request):
    """Published actors matching the directory's parameters, in the directory's order.
    Raises actors.filters.InvalidQuery with the form's errors."""
    filterset = valid_filterset(request.GET)
    return filterset.sorted(filterset.qs)


def base_url(request):
    return request.build_absolute_uri("/").rstrip("/")


def json_array_chunks(items, opening="[", closing="]\n"):
    """A JSON array written item by item, between `opening` and `closing`, so that memory
    stays flat whatever its length."""
    yield opening
    separator = ""
    for item in items:
        yield separator + json.dumps(item, ensure_ascii=False)
        separator = ",\n"
    yield closing


def feature_collection_chunks(features):
    """A FeatureCollection written feature by feature."""
    return json_array_chunks(features, '{"type": "FeatureCollection", "features": [', "]}\n")


def geojson_chunks(records):
    return feature_collection_chunks(feature(record) for record in records)


def streamed(chunks, content_type, filename=None):
    response = StreamingHttpResponse(chunks, content_type=content_type)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def geojson_response(records, filename=None):
    return streamed(geojson_chunks(records), "application/geo+json", filename)


def json_stream_response(items, filename=None, opening="[", closing="]\n"):
    return streamed(json_array_chunks(items, opening, closing), "application/json", filename)
