"""The error answers Django gives itself (handler400, handler403 and handler500 of
neonum.urls; a form's expired security token gets templates/403_csrf.html through Django's
own view): harvesters reading the API and the exports get JSON, as for every other error
there; people get the site's page in their language. Django has already logged the error
when these run; nothing of it is shown."""

from django.core.exceptions import RequestDataTooBig
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import defaults

from contributions.permissions import ModeratorsOnly

from ..responses import error_response

# The addresses machines read (the exports are in the OpenAPI document too).
MACHINE_PREFIXES = ("/api/v1/", "/export/")


def server_error(request):
    if not request.path.startswith(MACHINE_PREFIXES):
        return defaults.server_error(request)
    message = _("Le service a rencontré un problème. Réessayez dans quelques minutes.")
    return error_response({"detail": [{"message": message, "code": "server_error"}]}, 500)


def bad_request(request, exception):
    """A request Django could not read: most often a form whose texts or files are larger
    than it accepts (DATA_UPLOAD_MAX_MEMORY_SIZE). Django's own page is a bare English line,
    without the site around it nor a word on the typed text the browser still holds."""
    too_big = isinstance(exception, RequestDataTooBig)
    if request.path.startswith(MACHINE_PREFIXES):
        message = _("Demande trop volumineuse.") if too_big else _("Demande illisible.")
        return error_response({"detail": [{"message": message, "code": "bad_request"}]}, 400)
    return render(request, "400.html", {"too_big": too_big}, status=400)


def permission_denied(request, exception):
    """Says who the page is for: the moderation team, the accounts given the rights to that
    part of the admin, or the members of the profile concerned (every other refusal here).
    What the exception says is not shown: Django's and allauth's refusals carry English,
    technical texts."""
    if isinstance(exception, ModeratorsOnly):
        reserved_to = "moderators"
    elif request.path.startswith(reverse("admin:index")):
        reserved_to = "admin"
    else:
        reserved_to = "members"
    return render(request, "403.html", {"reserved_to": reserved_to}, status=403)
