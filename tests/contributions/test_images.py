import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from contributions.images import reencode_logo


def image_bytes(fmt, size=(40, 30), exif=False, mode="RGB"):
    out = io.BytesIO()
    image = Image.new(mode, size, "green")
    kwargs = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "Appareil secret"  # Make
        kwargs["exif"] = data.tobytes()
    image.save(out, fmt, **kwargs)
    return out.getvalue()


def upload(data, name="logo.png", content_type="image/png"):
    return SimpleUploadedFile(name, data, content_type=content_type)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
def test_accepted_formats_become_webp_under_a_random_name(fmt):
    result = reencode_logo(upload(image_bytes(fmt, exif=fmt != "PNG"), name="../../etc/x.png"))
    assert re.fullmatch(r"[0-9a-f]{32}\.webp", result.name)
    with Image.open(io.BytesIO(result.read())) as image:
        assert image.format == "WEBP"
        assert not image.getexif()


def test_large_images_are_scaled_down():
    result = reencode_logo(upload(image_bytes("PNG", size=(2000, 1000))))
    with Image.open(io.BytesIO(result.read())) as image:
        assert max(image.size) == 800


def test_svg_is_refused():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'
    with pytest.raises(ValidationError) as error:
        reencode_logo(upload(svg, name="logo.svg", content_type="image/svg+xml"))
    assert error.value.code == "invalid_image"


def test_png_with_html_appended_is_refused():
    polyglot = image_bytes("PNG") + b"<html><script>alert(1)</script></html>"
    with pytest.raises(ValidationError) as error:
        reencode_logo(upload(polyglot))
    assert error.value.code == "invalid_image"


def test_jpeg_with_html_appended_is_refused():
    with pytest.raises(ValidationError):
        reencode_logo(upload(image_bytes("JPEG") + b"<script>alert(1)</script>"))


def test_gif_is_refused():
    with pytest.raises(ValidationError):
        reencode_logo(upload(image_bytes("GIF", mode="P")))


def test_more_than_two_megabytes_is_refused():
    big = image_bytes("PNG") + b"\0" * (2 * 1024 * 1024)
    with pytest.raises(ValidationError) as error:
        reencode_logo(upload(big))
    assert error.value.code == "too_large"


def test_more_than_25_megapixels_is_refused():
    # 1-bit and uniform: tiny on disk, huge once decoded.
    with pytest.raises(ValidationError) as error:
        reencode_logo(upload(image_bytes("PNG", size=(6000, 5000), mode="1")))
    assert error.value.code == "too_many_pixels"


def test_garbage_is_refused():
    with pytest.raises(ValidationError):
        reencode_logo(upload(b"\x89PNG\r\n\x1a\n not really"))
