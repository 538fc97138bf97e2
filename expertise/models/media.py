"""The files of réalisations and ressources: up to four images of a réalisation, each in a
slot with its alternative text in the three languages, and one file of a ressource.

Every stored name is random, made here: an uploaded file's own name is never a path. An
image's name carries its size (`<random>-<width>x<height>.webp`), so that pages set `width`
and `height` without opening the file, and the size travels with the name through requests,
history and restores."""

import re
import uuid

from django.conf import settings
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from actors.texts import LANGUAGES, column

IMAGE_SLOTS = 4
IMAGE_FOLDER = "realisations/"
FILE_FOLDER = settings.PRIVATE_MEDIA_FOLDER
SIZED = re.compile(r"[0-9a-f]{32}-(\d{1,5})x(\d{1,5})\.webp")
# What a ressource's file may be, by its content (expertise.uploads): the stored extension.
FILE_EXTENSIONS = {"pdf": "pdf", "odt": "odt", "image": "webp"}


def image_name(slot):
    return f"image_{slot}"


def alt_name(slot, lang="fr"):
    return column(f"image_{slot}_alt", lang)


IMAGE_NAMES = [image_name(slot) for slot in range(1, IMAGE_SLOTS + 1)]
ALT_NAMES = [alt_name(slot, lang) for slot in range(1, IMAGE_SLOTS + 1) for lang in LANGUAGES]


def sized_name(width, height):
    return f"{uuid.uuid4().hex}-{width}x{height}.webp"


def dimensions(name):
    """(width, height) read from a stored image's name; None for another name."""
    found = SIZED.fullmatch((name or "").rsplit("/", 1)[-1])
    return (int(found[1]), int(found[2])) if found else None


def _random(folder, filename, extension):
    """`filename` when it is one of ours (random, right extension), else a new random name."""
    name = filename.rsplit("/", 1)[-1]
    if re.fullmatch(rf"[0-9a-f]{{32}}(-\d{{1,5}}x\d{{1,5}})?\.{extension}", name):
        return folder + name
    return f"{folder}{uuid.uuid4().hex}.{extension}"


def image_path(instance, filename):
    return _random(IMAGE_FOLDER, filename, "webp")


def file_path(instance, filename):
    extension = filename.rsplit(".", 1)[-1]
    if extension not in FILE_EXTENSIONS.values():
        extension = "bin"
    return _random(FILE_FOLDER, filename, extension)


# A request's files wait in a folder of their own: the accepted copy keeps the same name.
def proposed_image_path(instance, filename):
    return _random(IMAGE_FOLDER + "proposed/", filename, "webp")


def proposed_file_path(instance, filename):
    return file_path(instance, filename).replace(FILE_FOLDER, FILE_FOLDER + "proposed/", 1)


def add_image_fields(model):
    """The slots' fields: `image_1`…, and `image_1_alt`, `image_1_alt_eu`, `image_1_alt_es`…"""
    # Translated as the other fields' "(français)": the label reads in the reader's language.
    names = {
        "fr": pgettext_lazy("the language a text is written in", "français"),
        "eu": pgettext_lazy("the language a text is written in", "euskara"),
        "es": pgettext_lazy("the language a text is written in", "español"),
    }
    for slot in range(1, IMAGE_SLOTS + 1):
        model.add_to_class(
            image_name(slot),
            models.ImageField(
                format_lazy(_("image {slot}"), slot=slot), upload_to=image_path, blank=True
            ),
        )
        for lang in LANGUAGES:
            model.add_to_class(
                alt_name(slot, lang),
                models.CharField(
                    format_lazy(
                        _("texte alternatif de l'image {slot} ({language})"),
                        slot=slot,
                        language=names[lang],
                    ),
                    max_length=250,
                    blank=True,
                ),
            )
