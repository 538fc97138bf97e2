"""The staff importer in the admin: upload, preview the report (a dry run), confirm.

The uploaded file waits in IMPORT_STAGING_DIR under a random name kept in the staff
member's session, so that the confirmation imports exactly the previewed file."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .forms import ImportForm
from .importing import readers
from .importing.importer import import_rows
from .models import ActorImport

SESSION_KEY = "opendata_imports"


def can_import(user):
    return user.is_active and user.is_staff and user.has_perm("actors.add_actor")


def staging_path(token):
    return Path(settings.IMPORT_STAGING_DIR) / f"{token}.upload"


@admin.register(ActorImport)
class ActorImportAdmin(admin.ModelAdmin):
    def has_module_permission(self, request):
        return can_import(request.user)

    def has_view_permission(self, request, obj=None):
        return can_import(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_changelist"
        return [path("", self.admin_site.admin_view(self.import_view), name=name)]

    def import_view(self, request):
        if not can_import(request.user):
            raise PermissionDenied
        context = {**self.admin_site.each_context(request), "opts": self.opts,
                   "title": _("Importer des acteurs")}  # fmt: skip
        if request.method == "POST" and request.POST.get("token"):
            return self.confirm(request, context)
        form = ImportForm(
            request.POST or None, request.FILES or None, can_publish=request.user.is_superuser
        )
        if request.method == "POST" and form.is_valid():
            return self.preview(request, form, context)
        context["form"] = form
        return TemplateResponse(request, "opendata/admin/import.html", context)

    def _read(self, data, options):
        mapping = options.get("mapping")
        return readers.read(data, options["format"], mapping)

    def preview(self, request, form, context):
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            mapping = None
            if form.cleaned_data.get("mapping"):
                mapping = readers.load_mapping(form.cleaned_data["mapping"].read())
            fmt = form.cleaned_data["format"] or readers.guess_format(
                upload.name, data[:4096].decode("utf-8", "ignore")
            )
            options = {
                "format": fmt,
                "mapping": mapping,
                "source": form.cleaned_data["source"]
                or "import-" + slugify(Path(upload.name).stem),
                "publish": bool(form.cleaned_data.get("publish")) and request.user.is_superuser,
                "name": upload.name,
            }
            rows = self._read(data, options)
        except readers.UnreadableFile as error:
            form.add_error("file", str(error))
            context["form"] = form
            return TemplateResponse(request, "opendata/admin/import.html", context, status=400)
        report = import_rows(rows, options["source"], apply=False, publish=options["publish"],
                             user=request.user)  # fmt: skip
        token = secrets.token_hex(16)
        staging_path(token).parent.mkdir(parents=True, exist_ok=True)
        staging_path(token).write_bytes(data)
        pending = request.session.get(SESSION_KEY, {})
        pending[token] = options
        request.session[SESSION_KEY] = pending
        context.update(report=report, token=token, options=options)
        return TemplateResponse(request, "opendata/admin/import_report.html", context)

    def confirm(self, request, context):
        token = request.POST["token"]
        pending = request.session.get(SESSION_KEY, {})
        options = pending.pop(token, None) if token.isalnum() else None
        if options is None or not staging_path(token).exists():
            messages.error(request, _("Cet import a expiré : envoyez le fichier de nouveau."))
            return redirect(request.path)
        if options["publish"] and not request.user.is_superuser:
            raise PermissionDenied
        request.session[SESSION_KEY] = pending
        path_ = staging_path(token)
        try:
            rows = self._read(path_.read_bytes(), options)
            report = import_rows(rows, options["source"], apply=True, publish=options["publish"],
                                 user=request.user)  # fmt: skip
        finally:
            path_.unlink(missing_ok=True)
        context.update(report=report, options=options)
        return TemplateResponse(request, "opendata/admin/import_report.html", context)
