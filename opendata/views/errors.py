"""The server error answer (handler500 of neonum.urls): harvesters reading the API and the
exports get JSON, as for every other error there; pages keep the HTML page. Django has
already logged the error when this runs; nothing of it is shown."""

from django.utils.translation import gettext as _
from django.views import defaults

from ..responses import error_response

# The addresses machines read (the exports are in the OpenAPI document too).
MACHINE_PREFIXES = ("/api/v1/", "/export/")


def server_error(request):
    if not request.path.startswith(MACHINE_PREFIXES):
        return defaults.server_error(request)
    message = _("Le service a rencontré un problème. Réessayez dans quelques minutes.")
    return error_response({"detail": [{"message": message, "code": "server_error"}]}, 500)
