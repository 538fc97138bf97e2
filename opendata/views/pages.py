"""The human pages: the API documentation (/api/) and the open-data page (/donnees/)."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from actors.datacache import cached

from .. import datainclusion, lamednum, openapi
from ..records import published
from ..responses import base_url


@require_safe
def api_docs(request):
    spec = openapi.spec(base_url(request))
    operations = []
    for path, methods in spec["paths"].items():
        operation = methods["get"]
        parameters = [
            spec["components"]["parameters"][p["$ref"].rsplit("/", 1)[-1]] if "$ref" in p else p
            for p in operation.get("parameters", [])
        ]
        operations.append({"path": path, "summary": operation["summary"], "parameters": parameters})
    return render(
        request,
        "opendata/api_docs.html",
        {"operations": operations, "base": base_url(request), "spec": spec},
    )


def dataset_counts():
    """What the national formats would hold. Counting the data·inclusion structures builds
    each of them: done once per version of the data (actors.datacache), not per visit."""
    actors = published()
    coverage = lamednum.coverage(actors)
    return {
        "total": actors.count(),
        "coverage": coverage,
        "left_out": coverage["mediation"] - coverage["exported"],
        "structures": sum(1 for _s in datainclusion.structures(actors, base_url="")),
    }


@require_safe
def data_page(request):
    context = {
        **cached("data-page", "", dataset_counts),
        "fields": openapi.spec(base_url(request))["components"]["schemas"]["Actor"]["properties"],
    }
    return render(request, "opendata/data.html", context)
