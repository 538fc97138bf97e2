"""The agenda's pages: the list of occurrences with its period, facets and search, the map's
data, and each event's page."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from actors.views.directory import map_settings
from opendata.responses import json_response

from .. import presentation
from ..filters import AgendaForm
from ..kinds import EVENT
from ..models import PlaceKind

PAGE_SIZE = 20
# The map shows the next occurrences only: a small answer.
MAP_MOST = 200


def _form(request):
    form = AgendaForm(request.GET)
    return form, form.is_valid()


def agenda(request):
    form, valid = _form(request)
    found = form.occurrences() if valid else []
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "kind": EVENT,
        "form": form,
        "page_obj": page,
        "query": query,
        "map": map_settings(),
    }
    return render(request, "events/agenda.html", context, status=200 if valid else 400)


def map_data(request):
    """The upcoming occurrences at a place, as [latitude, longitude, title, address, date]
    lists: what the map's markers need and no more."""
    form, valid = _form(request)
    if not valid:
        return json_response({"errors": form.errors.get_json_data()}, status=400)
    seen, points = set(), []
    for occurrence in form.occurrences():
        event = occurrence.event
        if event.pk in seen or event.place_kind == PlaceKind.ONLINE:
            continue
        seen.add(event.pk)
        _street, _commune, point = event.venue
        if point is None:
            continue
        when = timezone.localtime(occurrence.start).isoformat()
        points.append(
            [round(point.y, 5), round(point.x, 5), str(event), event.get_absolute_url(), when]
        )
        if len(points) >= MAP_MOST:
            break
    return json_response({"events": points})


def event_detail(request, slug):
    event = get_object_or_404(
        EVENT.model.objects.published()
        .select_related("actor", "commune", "place_actor__commune")
        .prefetch_related("themes", "publics", "organisers")
        .defer("search_vector"),
        slug=slug,
    )
    upcoming = event.occurrences(since=timezone.now())[:10]
    context = {
        "object": event,
        "upcoming": upcoming,
        "json_ld": presentation.json_ld(event, upcoming[0] if upcoming else None, request),
        "canonical": request.build_absolute_uri(event.get_absolute_url()),
    }
    return render(request, "events/event_detail.html", context)
