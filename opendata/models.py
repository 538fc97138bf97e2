from django.utils.translation import gettext_lazy as _

from actors.models import Actor


class ActorImport(Actor):
    """No table of its own: gives the staff importer its place in the admin (see
    opendata.admin), with its own permission."""

    class Meta:
        proxy = True
        verbose_name = _("import d'acteurs")
        verbose_name_plural = _("imports d'acteurs")
