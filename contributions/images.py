"""Uploaded logos: checked by their content, re-encoded, never served as uploaded."""

import io
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 25_000_000
FORMATS = {"PNG", "JPEG", "WEBP"}
# Logos are shown small; a bounded size keeps pages light.
MAX_SIDE = 800


def _ends_cleanly(data, image_format):
    """Nothing hides after the image (an HTML or script payload appended to a valid file)."""
    if image_format == "PNG":
        return data.endswith(b"IEND\xaeB`\x82")
    if image_format == "JPEG":
        return data.rstrip(b"\x00").endswith(b"\xff\xd9")
    if image_format == "WEBP":
        declared = int.from_bytes(data[4:8], "little") + 8
        return declared in (len(data), len(data) - 1)
    return False


def reencode_logo(upload):
    """A WebP ContentFile without metadata, under a random name; ValidationError otherwise."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("Le logo dépasse 2 Mo."), code="too_large")
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValidationError(_("Le logo dépasse 2 Mo."), code="too_large")
    invalid = ValidationError(
        _("Le logo doit être une image PNG, JPEG ou WebP."), code="invalid_image"
    )
    try:
        with Image.open(io.BytesIO(data)) as probe:
            image_format = probe.format
            width, height = probe.size
            if image_format not in FORMATS:
                raise invalid
            if width * height > MAX_PIXELS:
                raise ValidationError(_("Le logo dépasse 25 mégapixels."), code="too_many_pixels")
            probe.verify()
        if not _ends_cleanly(data, image_format):
            raise invalid
        with Image.open(io.BytesIO(data)) as image:
            image = ImageOps.exif_transpose(image)
            image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            out = io.BytesIO()
            image.save(out, "WEBP", quality=85, method=4)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise invalid from None
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.webp")
