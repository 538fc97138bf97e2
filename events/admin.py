"""Staff decide on events in the Django admin, as on réalisations and ressources
(expertise.admin): the event is read-only, published or archived by bulk actions, and each
request takes one decision through the moderation workflow."""

from django.contrib import admin

from expertise.admin import ReadOnlyContent, RequestAdmin

from .models import Event, EventRequest


@admin.register(Event)
class EventAdmin(ReadOnlyContent):
    list_display = ["__str__", "start", "actor", "status", "is_demo", "updated_at"]
    list_filter = ["status", "is_demo", "place_kind", "themes"]
    date_hierarchy = "start"


admin.site.register(EventRequest, RequestAdmin)
