"""The agenda for machines: /export/agenda.ics (iCalendar) and /api/v1/events/, with the
agenda's parameters (events.filters), the actors' API paging and error shape, and its
conditional GET (opendata.http.endpoint)."""

import math
from datetime import UTC, datetime

from django.conf import settings
from django.db.models import Count, Max
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from actors import params
from opendata.http import endpoint
from opendata.responses import base_url, error_response, json_response, not_found
from opendata.views.api import _param_error, _positive_int
from opendata.views.exports import attachment

from .. import ics, presentation
from ..filters import AgendaForm
from ..models import Event

FILTERS = tuple(AgendaForm.base_fields)
RELATED = ("actor", "commune", "place_actor__commune")


def agenda_version():
    """The events' newest write, their number and highest id, and the hour: what is
    upcoming changes with the clock too."""
    found = Event.objects.aggregate(at=Max("updated_at"), top=Max("id"), count=Count("id"))
    hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    newest = max(found["at"] or datetime(2000, 1, 1, tzinfo=UTC), hour)
    return f"events:{newest.timestamp()}:{found['top']}:{found['count']}", newest


def _valid_form(request):
    form = AgendaForm(request.GET)
    return form, form.is_valid()


def _matching_events(form):
    """The events having an occurrence in the period, in the order of their first one."""
    seen = {}
    for occurrence in form.occurrences():
        seen.setdefault(occurrence.event.pk, occurrence.event)
    return list(seen.values())


@endpoint(FILTERS, version=agenda_version)
def agenda_ics(request):
    form, valid = _valid_form(request)
    if not valid:
        return error_response(form.errors.get_json_data())
    body = ics.calendar(_matching_events(form), base_url(request), timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    return attachment(response, "neonum-agenda.ics")


@endpoint(FILTERS + params.PAGING, version=agenda_version)
def event_list(request):
    form, valid = _valid_form(request)
    if not valid:
        return error_response(form.errors.get_json_data())
    size = _positive_int(request, params.PAGE_SIZE, settings.API_PAGE_SIZE)
    most = settings.API_MAX_PAGE_SIZE
    if size is None or size > most:
        return _param_error(
            params.PAGE_SIZE, _("La taille de page est un entier de 1 à %(max)s.") % {"max": most}
        )
    number = _positive_int(request, params.PAGE, 1)
    if number is None:
        return _param_error(params.PAGE, _("Le numéro de page est un entier positif."))
    events = _matching_events(form)
    pages = max(1, math.ceil(len(events) / size))
    if number > pages:
        return not_found()
    root = base_url(request)
    chosen = events[(number - 1) * size : number * size]
    return json_response(
        {
            "count": len(events),
            "page": number,
            "pages": pages,
            "next": _link(request, number + 1) if number < pages else None,
            "previous": _link(request, number - 1) if number > 1 else None,
            "results": [presentation.record(event, root) for event in chosen],
        }
    )


def _link(request, number):
    query = request.GET.copy()
    query[params.PAGE] = number
    return request.build_absolute_uri("?" + query.urlencode())


@endpoint(version=agenda_version)
def event_detail(request, slug):
    event = (
        Event.objects.published()
        .select_related(*RELATED)
        .prefetch_related("themes", "publics", "organisers")
        .filter(slug=slug)
        .first()
    )
    if event is None:
        return not_found()
    return json_response(presentation.record(event, base_url(request)))
