"""JSON errors for the API: a harvester asking for an unknown /api/v1/ path or with a
method the URL does not take gets a JSON answer like every other API error, not an HTML
page. The views' own errors are JSON already and pass through. People get the site's page
for Django's blank 405 (a form's address opened as a page)."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from .responses import error_response, not_found
from .views.errors import MACHINE_PREFIXES

API_PREFIX = "/api/v1/"


def method_not_allowed(request):
    message = _("Méthode %(method)s non acceptée ici : GET ou HEAD seulement.")
    errors = {"method": [{"message": message % {"method": request.method}, "code": "method"}]}
    return error_response(errors, 405)


def error_answers(get_response):
    def middleware(request):
        response = get_response(request)
        if (
            response.status_code in (404, 405)
            and request.path.startswith(API_PREFIX)
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            answer = not_found() if response.status_code == 404 else method_not_allowed(request)
            if response.has_header("Allow"):
                answer["Allow"] = response["Allow"]
            return answer
        if response.status_code == 405 and not request.path.startswith(MACHINE_PREFIXES):
            page = render(request, "405.html", status=405)
            page["Allow"] = response["Allow"]  # Django's 405 always names them
            return page
        return response

    return middleware
