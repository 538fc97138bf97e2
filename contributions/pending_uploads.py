"""A file chosen in a form that came back with errors (an actor's logo, a réalisation's
images, a ressource's file): a browser cannot fill a file input again, so the accepted file
(already checked and re-encoded) waits in the media storage and the form carries a signed
token to it. The next valid submission uses it; nothing has to be chosen twice.

A token may name its owner (a user's id): then it is of no use in anyone else's form, even
if it is seen or passed on. Each use gives its own folder, a "pending/" folder in a folder of
the media storage, so that a private file (a draft ressource's) waits in a private folder. A
file whose form is never sent again is deleted once no token can name it (`sweep`, daily)."""

import re
import uuid
from datetime import timedelta

from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

SALT = "contributions.pending-upload"
# A form left open a working day and sent the next morning still finds its file.
MAX_AGE = 2 * 24 * 3600
PATH = re.compile(r"(?:[a-z]+/)+pending/[0-9a-f]{32}\.(?:webp|pdf|odt)")


def keep(upload, folder, owner=None, label=""):
    """Stores an accepted upload under `folder` (ending in "pending/"); returns the form's
    token to it. `label` is what the form shows of it (the author's file name)."""
    upload.seek(0)
    extension = upload.name.rsplit(".", 1)[-1]
    path = default_storage.save(f"{folder}{uuid.uuid4().hex}.{extension}", upload)
    held = {"path": path, "name": upload.name, "owner": owner, "label": label}
    return signing.dumps(held, salt=SALT)


def _held(token, owner):
    try:
        held = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(held, dict) or held.get("owner") != owner:
        return None
    return held if PATH.fullmatch(str(held.get("path"))) else None


def read(token, owner=None):
    """The file a token names, as a new file to save under the name it had (its `label`
    attribute: what the form shows of it); None if the token is forged, expired, someone
    else's, or its file was already used."""
    held = _held(token, owner)
    if held is None or not default_storage.exists(held["path"]):
        return None
    with default_storage.open(held["path"], "rb") as stored:
        file = ContentFile(stored.read(), name=held["name"])
    file.label = held["label"]
    return file


def discard(token, owner=None):
    held = _held(token, owner)
    if held is not None:
        default_storage.delete(held["path"])


def held_folders():
    """The media storage's "pending/" folders, one level down (logos/pending/…)."""
    try:
        top, _files = default_storage.listdir("")
    except FileNotFoundError:  # nothing was ever uploaded
        return []
    return [f"{name}/pending/" for name in top if "pending" in default_storage.listdir(name)[0]]


def sweep(now=None):
    """Deletes the held files older than a token lives: their forms were never sent again,
    and no token can name them any more. Returns how many were deleted."""
    oldest = (now or timezone.now()) - timedelta(seconds=MAX_AGE)
    deleted = 0
    for folder in held_folders():
        for name in default_storage.listdir(folder)[1]:
            path = folder + name
            if PATH.fullmatch(path) and default_storage.get_modified_time(path) < oldest:
                default_storage.delete(path)
                deleted += 1
    return deleted
