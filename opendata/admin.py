"""The staff importer in the admin: upload, preview the report (a dry run), confirm; the
task queue's worker runs both the preview and the import (opendata.tasks) while the run's
status page shows where it is.

The uploaded file waits in the database (ImportRun) under a random token that only its
uploader can confirm, so that the confirmation imports exactly the previewed file."""

import secrets
from pathlib import Path

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .forms import ImportForm
from .importing import readers
from .importing.importer import CREATED, UPDATED
from .models import ActorImport, ImportRun
from .tasks import enqueue, enqueue_preview


def can_import(user):
    return user.is_active and user.is_staff and user.has_perm("actors.add_actor")


class ImportAdmin(admin.ModelAdmin):
    """An importer's page in the admin, on a proxy model of its own: the upload form, the
    preview by the worker, the status page with the confirm button. A kind says who may
    import (`allowed`), its form, how an upload becomes a run's bytes and options (`read`,
    raising readers.UnreadableFile with the field at fault) and its two tasks; its runs are
    told apart by `options["kind"]` (none for actors)."""

    kind = None
    title = ""
    form_class = None
    template = "opendata/admin/import.html"
    preview_task = None
    import_task = None

    def allowed(self, user):
        raise NotImplementedError

    def has_module_permission(self, request):
        return self.allowed(request.user)

    def has_view_permission(self, request, obj=None):
        return self.allowed(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("", self.admin_site.admin_view(self.import_view), name=f"{name}_changelist"),
            path(
                "<int:pk>/",
                self.admin_site.admin_view(self.status_view),
                name=f"{name}_status",
            ),
        ]

    def runs(self):
        if self.kind is None:
            return ImportRun.objects.exclude(options__has_key="kind")
        return ImportRun.objects.filter(options__kind=self.kind)

    def _context(self, request):
        return {**self.admin_site.each_context(request), "opts": self.opts, "title": self.title}

    def make_form(self, request):
        return self.form_class(request.POST or None, request.FILES or None)

    def import_view(self, request):
        if not self.allowed(request.user):
            raise PermissionDenied
        context = self._context(request)
        if request.method == "POST" and request.POST.get("token"):
            return self.confirm(request, context)
        form = self.make_form(request)
        if request.method == "POST" and form.is_valid():
            return self.preview(request, form, context)
        context["form"] = form
        return TemplateResponse(request, self.template, context)

    def read(self, request, form):
        """(name, data, options) of the form's upload; UnreadableFile(message, field)."""
        raise NotImplementedError

    def preview(self, request, form, context):
        try:
            name, data, options = self.read(request, form)
        except readers.UnreadableFile as error:
            # Said on the form, which keeps what was typed; nothing is written.
            form.add_error(getattr(error, "field", None) or "file", str(error))
            context["form"] = form
            return TemplateResponse(request, self.template, context, status=400)
        if self.kind is not None:
            options["kind"] = self.kind
        run = ImportRun(token=secrets.token_hex(16), user=request.user, name=name[:255],
                        options=options, data=data)  # fmt: skip
        enqueue_preview(run, self.preview_task)
        return redirect(f"{request.path}{run.pk}/")

    def confirm(self, request, context):
        run = (
            self.runs()
            .filter(
                token=request.POST["token"], user=request.user, status=ImportRun.Status.PREVIEWED
            )
            .first()
        )
        if run is None:
            messages.error(request, _("Cet import a expiré : envoyez le fichier de nouveau."))
            return redirect(request.path)
        if run.options.get("publish") and not request.user.is_superuser:
            raise PermissionDenied
        enqueue(run, self.import_task)
        return redirect(f"{request.path}{run.pk}/")

    def status_view(self, request, pk):
        """Where a run is: its preview, then its import, each waiting for the worker or
        running (the page reloads itself meanwhile), then the report; the preview's report
        comes with the confirm button for its uploader."""
        if not self.allowed(request.user):
            raise PermissionDenied
        runs = self.runs().defer("data")
        if not request.user.is_superuser:
            runs = runs.filter(user=request.user)
        run = get_object_or_404(runs, pk=pk)
        context = self._context(request)
        counts = (run.report or {}).get("counts", {})
        # A preview where every row was rejected or ignored has nothing to confirm.
        writes = counts.get(CREATED, 0) + counts.get(UPDATED, 0)
        confirmable = (
            run.status == ImportRun.Status.PREVIEWED
            and run.user_id == request.user.pk
            and writes > 0
        )
        confirm_url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        context.update(run=run, report=run.report, options=run.options,
                       token=run.token if confirmable else "", writes=writes,
                       confirm_url=confirm_url,
                       read_as=(run.report or {}).get("read_as", ""),
                       unlisted=(run.report or {}).get("unlisted", ""))  # fmt: skip
        return TemplateResponse(request, "opendata/admin/import_status.html", context)


@admin.register(ActorImport)
class ActorImportAdmin(ImportAdmin):
    title = gettext_lazy("Importer des acteurs")

    def allowed(self, user):
        return can_import(user)

    def make_form(self, request):
        return ImportForm(
            request.POST or None, request.FILES or None, can_publish=request.user.is_superuser
        )

    def read(self, request, form):
        upload = form.cleaned_data["file"]
        data = upload.read()
        mapping = None
        if form.cleaned_data.get("mapping"):
            mapping = readers.load_mapping(form.cleaned_data["mapping"].read())
        fmt = form.cleaned_data["format"] or readers.guess_format(upload.name, data)
        options = {
            "format": fmt,
            "mapping": mapping,
            "source": form.cleaned_data["source"] or "import-" + slugify(Path(upload.name).stem),
            "publish": bool(form.cleaned_data.get("publish")) and request.user.is_superuser,
            "name": upload.name,
            "language": request.LANGUAGE_CODE,
        }
        # The header (and a GeoJSON's outline) now, so that a file that cannot be read
        # at all is said on the form; the records are read by the preview's job.
        readers.read(data, fmt, mapping)
        return upload.name, data, options
