"""Two URL lists, as opendata's: `urlpatterns` are pages (under the language prefix,
namespace "events"), `feed_urlpatterns` the API and the export (no prefix, "events_feeds")."""

from django.urls import path

from .views import feeds, members, public

app_name = "events"

urlpatterns = [
    path("agenda/", public.agenda, name="agenda"),
    path("agenda/carte.json", public.map_data, name="map-data"),
    path("agenda/<slug:slug>/", public.event_detail, name="event"),
    path("agenda/<slug:slug>/modifier/", members.EditView.as_view(), name="event-edit"),
    path("acteurs/<slug:slug>/agenda/", members.ActorEventsView.as_view(), name="mine"),
    path("acteurs/<slug:slug>/agenda/ajouter/", members.AddView.as_view(), name="event-add"),
]

feed_urlpatterns = [
    path("api/v1/events/", feeds.event_list, name="api-events"),
    path("api/v1/events/<slug:slug>/", feeds.event_detail, name="api-event"),
    path("export/agenda.ics", feeds.agenda_ics, name="export-ics"),
]
