"""A ressource's file, sent only as a download: a published ressource's to anyone, a
draft's (or an archived one's) to the publishing actor's members and to the moderators; a
file proposed in a change request to its author's fellow members and the moderators.
Never shown in the browser: `attachment`, the content type of what was checked on upload,
no sniffing, and a sandbox if a browser opened it anyway. Anyone else gets a 404, as if
there were no file."""

import unicodedata
from urllib.parse import quote

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from contributions.permissions import is_moderator
from moderation.contract import Status

from ..models import Ressource, RessourceRequest

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "odt": "application/vnd.oasis.opendocument.text",
    "webp": "image/webp",
}


def content_disposition(name):
    """RFC 6266: an ASCII fallback (quotes and backslashes replaced) and the UTF-8 name
    percent-encoded (RFC 5987) for the browsers that read it."""
    fallback = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    fallback = "".join("_" if ch in '"\\' or not ch.isprintable() else ch for ch in fallback)
    return f"attachment; filename=\"{fallback or 'ressource'}\"; filename*=UTF-8''{quote(name)}"


def _send(field, name):
    if not field:
        raise Http404
    extension = field.name.rsplit(".", 1)[-1]
    try:
        opened = field.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        opened, content_type=CONTENT_TYPES.get(extension, "application/octet-stream")
    )
    response["Content-Disposition"] = content_disposition(name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def _may_see_unpublished(user, ressource):
    return is_moderator(user) or ressource.declaration().may_edit(user, ressource)


def ressource_file(request, slug):
    ressource = get_object_or_404(Ressource.objects.select_related("actor"), slug=slug)
    public = ressource.status == Status.PUBLISHED
    if not public and not _may_see_unpublished(request.user, ressource):
        raise Http404
    response = _send(ressource.file, ressource.file_name)
    if not public:
        response["Cache-Control"] = "private, no-store"
    return response


def proposed_file(request, pk):
    found = get_object_or_404(RessourceRequest.objects.select_related("ressource__actor"), pk=pk)
    if not _may_see_unpublished(request.user, found.ressource):
        raise Http404
    name = (found.proposed.get("file") or ["", ""])[1] or found.ressource.file_name
    response = _send(found.proposed_file, name)
    response["Cache-Control"] = "private, no-store"
    return response
