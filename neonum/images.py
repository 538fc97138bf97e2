"""Uploaded images, whatever they illustrate (an actor's logo, a réalisation's photos):
checked by their content, re-encoded to WebP without metadata, never served as uploaded.
Each use names its limits and its messages in an `ImageRules`."""

import io
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PIXELS = 25_000_000
FORMATS = {"PNG", "JPEG", "WEBP"}


@dataclass(frozen=True)
class ImageRules:
    max_bytes: int
    # The longest side kept: a bounded size keeps pages light.
    max_side: int
    too_large: str
    invalid: str
    too_many_pixels: str
    quality: int = 85


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


def read_limited(upload, max_bytes, message):
    """The upload's bytes; ValidationError (code `too_large`) beyond `max_bytes`, whatever
    size the browser announced."""
    if upload.size > max_bytes:
        raise ValidationError(message, code="too_large")
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValidationError(message, code="too_large")
    return data


def is_image(data):
    """Whether the bytes open as one of the accepted image formats (no full check)."""
    try:
        with Image.open(io.BytesIO(data)) as probe:
            return probe.format in FORMATS
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False


def reencode(upload, rules):
    """A WebP ContentFile without metadata, under a random name (its `size` is (width,
    height)); ValidationError with the rules' messages otherwise."""
    data = read_limited(upload, rules.max_bytes, rules.too_large)
    invalid = ValidationError(rules.invalid, code="invalid_image")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            image_format = probe.format
            width, height = probe.size
            if image_format not in FORMATS:
                raise invalid
            if width * height > MAX_PIXELS:
                raise ValidationError(rules.too_many_pixels, code="too_many_pixels")
            probe.verify()
        if not _ends_cleanly(data, image_format):
            raise invalid
        with Image.open(io.BytesIO(data)) as image:
            image = ImageOps.exif_transpose(image)
            image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
            image.thumbnail((rules.max_side, rules.max_side))
            out = io.BytesIO()
            image.save(out, "WEBP", quality=rules.quality, method=4)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise invalid from None
    encoded = ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.webp")
    encoded.dimensions = image.size
    return encoded
