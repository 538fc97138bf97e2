from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from actors.models import Actor


class ActorImport(Actor):
    """No table of its own: gives the staff importer its place in the admin (see
    opendata.admin), with its own permission."""

    class Meta:
        proxy = True
        verbose_name = _("import d'acteurs")
        verbose_name_plural = _("imports d'acteurs")


class ImportRun(models.Model):
    """A file uploaded to the admin importer: previewed (a dry run), then, once confirmed,
    imported, both by the task queue's worker (opendata.tasks). The file is kept in the
    database, not on the web server's disk, so that any web server or worker machine can
    read it, and nothing is lost while no worker runs; it is dropped once imported."""

    class Status(models.TextChoices):
        TO_PREVIEW = "to_preview", _("simulation en attente")
        PREVIEWING = "previewing", _("simulation en cours")
        PREVIEWED = "previewed", _("simulé, à confirmer")
        QUEUED = "queued", _("en attente")
        RUNNING = "running", _("en cours")
        DONE = "done", _("terminé")
        FAILED = "failed", _("échoué")

    token = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(_("fichier"), max_length=255)
    options = models.JSONField(default=dict)
    data = models.BinaryField(default=b"")
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.TO_PREVIEW
    )
    # The preview's report, then the import's.
    report = models.JSONField(null=True, blank=True)
    # Records read so far by the worker (opendata.progress), of the file's rows_total.
    rows_done = models.PositiveIntegerField(_("enregistrements traités"), default=0)
    rows_total = models.PositiveIntegerField(_("enregistrements"), default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import de fichier")
        verbose_name_plural = _("imports de fichiers")

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    @property
    def pending(self):
        """The worker has something to do for it: its status page reloads itself."""
        return self.status in (
            self.Status.TO_PREVIEW, self.Status.PREVIEWING, self.Status.QUEUED,
            self.Status.RUNNING,
        )  # fmt: skip

    @property
    def waiting(self):
        """No worker has taken its job yet."""
        return self.status in (self.Status.TO_PREVIEW, self.Status.QUEUED)

    @property
    def percent(self):
        return min(100, self.rows_done * 100 // self.rows_total) if self.rows_total else 0


class ActorRemoval(models.Model):
    """An actor that left the published data: archived, sent back to draft or pending,
    deleted, or published under a new slug (its old one is gone). Written by a database
    trigger (migration 0003), so that every path counts, queryset updates and bulk imports
    included; the removals feed (/api/v1/actors/removed/) reads it."""

    class Reason(models.TextChoices):
        ARCHIVED = "archived", _("archivé")
        UNPUBLISHED = "unpublished", _("dépublié")
        DELETED = "deleted", _("supprimé")
        RENAMED = "renamed", _("nouvel identifiant")

    slug = models.CharField(_("identifiant d'URL"), max_length=220)
    reason = models.CharField(_("motif"), max_length=12, choices=Reason.choices)
    removed_at = models.DateTimeField(_("retiré le"), db_index=True)

    class Meta:
        verbose_name = _("retrait d'acteur")
        verbose_name_plural = _("retraits d'acteurs")
        ordering = ["removed_at", "pk"]
        indexes = [models.Index(fields=["slug"], name="removal_slug")]

    def __str__(self):
        return f"{self.slug} ({self.get_reason_display()})"
