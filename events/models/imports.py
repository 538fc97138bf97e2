from django.utils.translation import gettext_lazy as _

from .event import Event


class EventImport(Event):
    """No table of its own: gives the events' importer its place in the admin (see
    events.admin_import), as opendata's ActorImport does for actors."""

    class Meta:
        proxy = True
        verbose_name = _("import d'événements")
        verbose_name_plural = _("imports d'événements")
