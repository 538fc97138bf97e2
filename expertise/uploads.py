"""What members upload with réalisations and ressources, checked by content before it is
kept: a réalisation's images go through the shared image rules (neonum.images), re-encoded
like the actors' logos; a ressource's file must be a PDF, an ODT text or an image (then
re-encoded too), recognised by its bytes, never by its name or the browser's content type.
Files are stored under random names (expertise.models.media); the name the author's file
had is kept only as text, sanitised."""

import io
import unicodedata
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from neonum.images import ImageRules, is_image, read_limited, reencode

from .models.media import FILE_EXTENSIONS, sized_name

IMAGE_RULES = ImageRules(
    max_bytes=5 * 1024 * 1024,
    # The page shows them in columns of 16 rem or more, the full width on a phone: 800
    # pixels are sharp on a phone's dense screen and keep the page light.
    max_side=800,
    quality=75,
    too_large=gettext_lazy("L'image dépasse 5 Mo."),
    invalid=gettext_lazy("L'image doit être une image PNG, JPEG ou WebP."),
    too_many_pixels=gettext_lazy("L'image dépasse 25 mégapixels."),
)
ODT = b"application/vnd.oasis.opendocument.text"
NAME_MAX = 200


def realisation_image(upload):
    """The re-encoded image, named with its size (expertise.models.media.dimensions)."""
    image = reencode(upload, IMAGE_RULES)
    image.name = sized_name(*image.dimensions)
    return image


def _is_pdf(data):
    return data.startswith(b"%PDF-") and b"%%EOF" in data[-2048:]


def _is_odt(data):
    """An OpenDocument text: a zip whose first entry, stored uncompressed, is `mimetype`
    naming it (as the ODF standard requires), with its content."""
    if not (data.startswith(b"PK\x03\x04") and data[30:38] == b"mimetype"):
        return False
    if data[38 : 38 + len(ODT)] != ODT:
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        return False
    return names[:1] == ["mimetype"] and "content.xml" in names


def size_limit():
    return filesizeformat(settings.RESSOURCE_FILE_MAX_BYTES)


def ressource_file(upload):
    """(the file to store, its kind: pdf, odt or image); ValidationError otherwise."""
    limit = settings.RESSOURCE_FILE_MAX_BYTES
    too_large = _("Le fichier dépasse %(size)s.") % {"size": size_limit()}
    data = read_limited(upload, limit, too_large)
    if _is_pdf(data):
        return ContentFile(data, name="file.pdf"), "pdf"
    if _is_odt(data):
        return ContentFile(data, name="file.odt"), "odt"
    if is_image(data):
        rules = ImageRules(
            max_bytes=limit,
            max_side=2048,
            too_large=too_large,
            invalid=_("Cette image est illisible ou incomplète."),
            too_many_pixels=_("L'image dépasse 25 mégapixels."),
        )
        return reencode(upload, rules), "image"
    raise ValidationError(
        _("Le fichier doit être un PDF, un texte ODT ou une image PNG, JPEG ou WebP."),
        code="invalid_file",
    )


def display_name(name, kind):
    """The author's file name as text: no folder, no control or invisible characters, no
    leading dot, at most NAME_MAX characters, and the extension of what it really is."""
    name = unicodedata.normalize("NFC", str(name or "")).replace("\\", "/").rsplit("/", 1)[-1]
    # Separators become spaces; control, format (bidi overrides) and unassigned go.
    kinds = {ch: unicodedata.category(ch)[0] for ch in set(name)}
    name = "".join(" " if kinds[ch] == "Z" else ch for ch in name if kinds[ch] != "C")
    stem = " ".join(name.rsplit(".", 1)[0].split()).strip(" .")
    extension = FILE_EXTENSIONS[kind]
    stem = stem[: NAME_MAX - len(extension) - 1] or _("ressource")
    return f"{stem}.{extension}"
