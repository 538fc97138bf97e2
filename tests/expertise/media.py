"""Files for the media tests: real PDF, ODT and image bytes, and their impostors; a
réalisation given an image in a slot."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

ODT_TYPE = "application/vnd.oasis.opendocument.text"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def image_bytes(fmt="PNG", size=(40, 30)):
    out = io.BytesIO()
    Image.new("RGB", size, "green").save(out, fmt)
    return out.getvalue()


def odt_bytes(mimetype=ODT_TYPE, first="mimetype"):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        entries = {"mimetype": mimetype, "content.xml": "<office:document-content/>"}
        order = [first, *(name for name in entries if name != first)]
        for name in order:
            # A fixed date: the same bytes in every process, as pytest-xdist's workers must
            # collect the same test ids (the bytes are parameters).
            entry = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(entry, entries[name])
    return out.getvalue()


def upload(data, name="file.pdf", content_type="application/pdf"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def png(name="photo.png", size=(40, 30)):
    return upload(image_bytes("PNG", size), name, "image/png")


def with_image(realisation, slot=1, size=(40, 30), alt="Des vélos"):
    from expertise import uploads

    image = uploads.realisation_image(png(size=size))
    getattr(realisation, f"image_{slot}").save(image.name, image, save=False)
    setattr(realisation, f"image_{slot}_alt", alt)
    realisation.save()
    return realisation
