"""JSON errors for the API: a harvester asking for an unknown /api/v1/ path or with a
method the URL does not take gets a JSON answer like every other API error, not an HTML
page. The views' own errors are JSON already and pass through."""

from django.utils.translation import gettext as _

from .responses import error_response, not_found

API_PREFIX = "/api/v1/"


def method_not_allowed(request):
    message = _("Méthode %(method)s non acceptée ici : GET ou HEAD seulement.")
    errors = {"method": [{"message": message % {"method": request.method}, "code": "method"}]}
    return error_response(errors, 405)


def json_api_errors(get_response):
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
        return response

    return middleware
