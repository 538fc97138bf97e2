"""The agenda for machines: /export/agenda.ics (iCalendar) and /api/v1/events/, with the
agenda's parameters (events.filters), the actors' API paging and error shape, and its
conditional GET (opendata.http.endpoint)."""

from datetime import UTC, datetime

from django.db.models import Count, Max
from django.http import HttpResponse
from django.utils import timezone

from actors import params
from opendata.http import endpoint
from opendata.responses import base_url, error_response, json_response, not_found
from opendata.views.api import paginated
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
    root = base_url(request)
    return paginated(
        request,
        _matching_events(form),
        lambda events, start, stop: [presentation.record(e, root) for e in events[start:stop]],
    )


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
