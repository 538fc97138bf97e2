"""What members upload is recognised by its bytes, never by its name or the content type
the browser announced; images are re-encoded; the size limit is a setting; a file's own
name is only text, cleaned, and never a path."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from expertise import uploads
from expertise.models.media import dimensions, file_path, image_path
from expertise.views.files import content_disposition

from .media import PDF, image_bytes, odt_bytes, png, upload


def test_a_realisation_image_is_reencoded_with_its_size_in_its_name():
    image = uploads.realisation_image(png("../../etc/passwd.png", size=(3000, 1500)))
    assert re.fullmatch(r"[0-9a-f]{32}-800x400\.webp", image.name)
    assert dimensions("realisations/" + image.name) == (800, 400)
    with Image.open(io.BytesIO(image.read())) as read:
        assert read.format == "WEBP" and read.size == (800, 400)


def test_an_image_that_is_not_one_is_refused_with_the_images_words():
    svg = upload(b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "a.png")
    with pytest.raises(ValidationError) as error:
        uploads.realisation_image(svg)
    assert error.value.code == "invalid_image"
    assert "L'image doit être une image PNG, JPEG ou WebP." in error.value.messages


@pytest.mark.parametrize(
    ("data", "kind", "extension"),
    [(PDF, "pdf", "pdf"), (odt_bytes(), "odt", "odt"), (image_bytes("JPEG"), "image", "webp")],
    ids=["pdf", "odt", "jpeg"],
)
def test_pdf_odt_and_images_are_recognised_by_content(data, kind, extension):
    # Names and content types that lie: only the bytes count.
    stored, found = uploads.ressource_file(upload(data, "notes.exe", "text/html"))
    assert found == kind
    assert file_path(None, stored.name).endswith(f".{extension}")
    if kind == "image":
        assert Image.open(io.BytesIO(stored.read())).format == "WEBP"
    else:
        assert stored.read() == data


@pytest.mark.parametrize(
    "data",
    [
        b"<html><script>alert(1)</script></html>",  # HTML named .pdf, sent as application/pdf
        b"%PDF-1.4 but never ends",  # a PDF's start without its end
        odt_bytes(mimetype="application/vnd.oasis.opendocument.spreadsheet"),
        odt_bytes(first="content.xml"),  # a zip whose first entry is not the mimetype
        b"MZ\x90\x00" + b"\x00" * 100,  # a Windows program
        image_bytes("PNG") + b"<script>alert(1)</script>",  # an image with a payload after it
        image_bytes("GIF"),
    ],
    ids=["html", "unended-pdf", "ods", "zip-not-odt", "exe", "png-with-payload", "gif"],
)
def test_anything_else_is_refused_whatever_its_name(data):
    with pytest.raises(ValidationError) as error:
        uploads.ressource_file(upload(data, "guide.pdf", "application/pdf"))
    assert error.value.code in ("invalid_file", "invalid_image")


def test_the_size_limit_is_a_setting_and_counts_the_bytes_received(settings):
    settings.RESSOURCE_FILE_MAX_BYTES = 1000
    big = PDF + b"%" * 1000
    with pytest.raises(ValidationError) as error:
        uploads.ressource_file(upload(big))
    assert error.value.code == "too_large"
    assert error.value.messages == ["Le fichier dépasse 1000\xa0octets."]
    lying = upload(big)
    lying.size = 10  # what a client may announce
    with pytest.raises(ValidationError):
        uploads.ressource_file(lying)
    assert uploads.ressource_file(upload(PDF))[1] == "pdf"


@pytest.mark.parametrize(
    ("name", "kind", "shown"),
    [
        ("Guide du réemploi.pdf", "pdf", "Guide du réemploi.pdf"),
        ("../../etc/passwd", "pdf", "passwd.pdf"),
        ("..\\..\\windows\\system.ini", "odt", "system.odt"),
        # Kept as text, escaped wherever it is shown (test_media.py).
        ('<img src=x onerror="alert(1)">.pdf', "pdf", '<img src=x onerror="alert(1)">.pdf'),
        ("<script>alert(1)</script>.odt", "odt", "script>.odt"),
        ("Guide\xa0du\u2028vélo.pdf", "pdf", "Guide du vélo.pdf"),
        ("rapport\x00\x1b[31m\u202egnp.exe\n.pdf", "pdf", "rapport[31mgnp.exe.pdf"),
        ("photo.pdf", "image", "photo.webp"),
        ("...", "pdf", "ressource.pdf"),
        ("a" * 300 + ".pdf", "pdf", "a" * 196 + ".pdf"),
    ],
)
def test_a_file_name_is_text_without_folders_or_control_characters(name, kind, shown):
    assert uploads.display_name(name, kind) == shown


def test_stored_names_are_ours_never_the_uploaded_ones():
    assert re.fullmatch(r"ressources/[0-9a-f]{32}\.bin", file_path(None, "../../x.sh"))
    assert re.fullmatch(r"realisations/[0-9a-f]{32}\.webp", image_path(None, "../a.webp"))
    assert dimensions("logos/whatever.webp") is None


def test_the_download_name_follows_rfc_6266():
    header = content_disposition('Réemploi "vélo"\\.pdf')
    assert header == (
        'attachment; filename="Reemploi _velo__.pdf"; '
        "filename*=UTF-8''R%C3%A9emploi%20%22v%C3%A9lo%22%5C.pdf"
    )
