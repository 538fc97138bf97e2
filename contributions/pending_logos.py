"""A logo chosen in a form that came back with errors: a browser cannot fill a file input
again, so the re-encoded logo waits in the media storage and the form carries a signed
token to it. The next valid submission uses it; nothing has to be chosen twice."""

import re

from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

SALT = "contributions.pending-logo"
FOLDER = "logos/pending/"
# A form left open a working day and sent the next morning still finds its logo.
MAX_AGE = 2 * 24 * 3600
NAME = re.compile(r"[0-9a-f]{32}\.webp")


def keep(logo):
    """Stores a re-encoded logo (contributions.images); returns the form's token to it."""
    logo.seek(0)
    name = default_storage.save(FOLDER + logo.name, logo)
    return signing.dumps(name.removeprefix(FOLDER), salt=SALT)


def _name(token):
    try:
        name = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    return name if isinstance(name, str) and NAME.fullmatch(name) else None


def read(token):
    """The logo a token names, as a new file to save; None if the token is forged, expired,
    or its logo was already used."""
    name = _name(token)
    if name is None or not default_storage.exists(FOLDER + name):
        return None
    with default_storage.open(FOLDER + name, "rb") as stored:
        return ContentFile(stored.read(), name=name)


def discard(token):
    name = _name(token)
    if name is not None:
        default_storage.delete(FOLDER + name)
