"""Staff decide on events in the Django admin, as on réalisations and ressources
(expertise.admin): the event is read-only, published or archived by bulk actions, and each
request takes one decision through the moderation workflow."""

from django.contrib import admin
from django.utils.translation import gettext_lazy

from expertise.admin import ReadOnlyContent, RequestAdmin
from opendata.admin import ImportAdmin
from opendata.importing.readers import UnreadableFile

from . import tasks
from .importing.fetch import Unreadable, read_source
from .importing.form import EventImportForm
from .importing.importer import FORMATS
from .models import Event, EventImport, EventRequest


@admin.register(Event)
class EventAdmin(ReadOnlyContent):
    list_display = ["__str__", "start", "actor", "status", "is_demo", "updated_at"]
    list_filter = ["status", "is_demo", "place_kind", "themes"]
    date_hierarchy = "start"


admin.site.register(EventRequest, RequestAdmin)


@admin.register(EventImport)
class EventImportAdmin(ImportAdmin):
    """Moderators import a calendar file or address, or an OpenAgenda export, through the
    actors' importer page (opendata.admin): a preview by the worker, then a confirmation.
    Whoever decides events' requests may import events, which become such requests."""

    kind = "events"
    title = gettext_lazy("Importer des événements")
    form_class = EventImportForm
    template = "events/admin/import.html"
    preview_task = tasks.preview_import
    import_task = tasks.import_file

    def allowed(self, user):
        return user.is_active and user.is_staff and user.has_perm("events.change_eventrequest")

    def read(self, request, form):
        cleaned = form.cleaned_data
        upload, url = cleaned["file"], cleaned["url"]
        field = "file" if upload else "url"
        try:
            data = upload.read() if upload else read_source(url)
            FORMATS[cleaned["format"]].read(data)
        except (Unreadable, ValueError) as error:
            unreadable = UnreadableFile(str(error))
            unreadable.field = field
            raise unreadable from None
        options = {"format": cleaned["format"], "actor": cleaned["actor"].slug, "url": url,
                   "language": request.LANGUAGE_CODE}  # fmt: skip
        return (upload.name if upload else url), data, options
