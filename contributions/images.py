"""Uploaded logos: the shared image rules (neonum.images) with the logo's limits and words."""

from django.utils.translation import gettext_lazy as _

from neonum.images import ImageRules, reencode

MAX_BYTES = 2 * 1024 * 1024
LOGO = ImageRules(
    max_bytes=MAX_BYTES,
    # Logos are shown small.
    max_side=800,
    too_large=_("Le logo dépasse 2 Mo."),
    invalid=_("Le logo doit être une image PNG, JPEG ou WebP."),
    too_many_pixels=_("Le logo dépasse 25 mégapixels."),
)


def reencode_logo(upload):
    return reencode(upload, LOGO)
