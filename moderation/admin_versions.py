"""A moderated kind's versions in the Django admin, for the kinds the console does not list:
each version (who, when, why) compared with the current content and restored by a moderator
through `workflow.restore_version`, with its rules (reason owed, stale comparison refused,
today's rules checked). It replaces the admin's own log, which knows nothing of the workflow."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from . import workflow
from .contract import rows
from .forms import ReasonForm


class VersionsAdmin:
    """Mixed into a ModelAdmin of a `Moderated` model with history."""

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_version"
        version = path(
            "<path:object_id>/history/<int:version>/",
            self.admin_site.admin_view(self.version_view),
            name=name,
        )
        return [version, *super().get_urls()]

    def _visible(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_permission(request, obj):
            raise PermissionDenied
        return obj

    def _context(self, request, obj, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "history_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_history", args=[obj.pk]
            ),
            **extra,
        }

    def history_view(self, request, object_id, extra_context=None):
        obj = self._visible(request, object_id)
        versions = obj.history.select_related("history_user").order_by(
            "-history_date", "-history_id"
        )
        page = Paginator(versions, 30).get_page(request.GET.get("page"))
        context = self._context(
            request, obj, page=page, title=_("Versions de « %s »") % obj, **(extra_context or {})
        )
        return TemplateResponse(request, "admin/moderation/versions.html", context)

    def version_view(self, request, object_id, version):
        obj = self._visible(request, object_id)
        past = obj.history.select_related("history_user").filter(history_id=version).first()
        if past is None:
            raise Http404
        form = ReasonForm(request.POST or None, initial={"seen": obj.updated_at.isoformat()})
        if request.method == "POST" and form.is_valid():
            try:
                workflow.restore_version(
                    obj, version, request.user,
                    form.cleaned_data["reason"], form.cleaned_data["seen"],
                )  # fmt: skip
            except workflow.ModerationError as error:
                form.add_error(None, str(error))
            else:
                self.message_user(
                    request, _("Version restaurée : c'est la nouvelle version."), messages.SUCCESS
                )
                return HttpResponseRedirect(request.path.rsplit("/", 2)[0] + "/")
            obj.refresh_from_db()
        declaration = obj.declaration()
        found = rows(
            declaration, declaration.snapshot(obj), declaration.values_of(past), selectable=False
        )
        context = self._context(
            request, obj, version=past, rows=found, form=form,
            title=_("Version du %s") % past.history_date.strftime("%d/%m/%Y %H:%M"),
        )  # fmt: skip
        status = 400 if request.method == "POST" else 200
        return TemplateResponse(request, "admin/moderation/version.html", context, status=status)
