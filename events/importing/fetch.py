"""What `import_events` reads: a local file, or an http(s) URL fetched with a timeout and a
size limit (a calendar is a few hundred kilobytes; a larger answer is refused, not read)."""

import time
from pathlib import Path
from urllib.error import URLError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from django.utils.translation import gettext as _

TIMEOUT = 15
MAX_BYTES = 5 * 1024 * 1024
CHUNK = 64 * 1024


class Unreadable(Exception):
    pass


def read_source(where, timeout=TIMEOUT, limit=MAX_BYTES):
    """The bytes of a file path or an http(s) URL; Unreadable with a clear reason."""
    if urlsplit(where).scheme in ("http", "https"):
        return _fetch(where, timeout, limit)
    try:
        with Path(where).open("rb") as file:
            return _bounded(file, limit)
    except OSError as error:
        raise Unreadable(_("Fichier illisible : %s") % error) from None


def _fetch(url, timeout, limit):
    request = Request(url, headers={"User-Agent": "neonum-carto"})  # noqa: S310 (http(s) only)
    try:
        with urlopen(request, timeout=timeout) as answer:  # noqa: S310
            return _bounded(answer, limit, time.monotonic() + timeout)
    except (URLError, TimeoutError, OSError) as error:
        message = _("Adresse illisible (%(url)s) : %(error)s") % {"url": url, "error": error}
        raise Unreadable(message) from None


def _bounded(stream, limit, deadline=None):
    """At most `limit` bytes of `stream`, read before `deadline` (monotonic): a server
    sending a byte at a time cannot hold the import longer than the timeout."""
    data = bytearray()
    while chunk := stream.read(CHUNK):
        data += chunk
        if len(data) > limit:
            raise Unreadable(_("Fichier trop gros : plus de %s octets.") % limit)
        if deadline is not None and time.monotonic() > deadline:
            raise TimeoutError(_("délai dépassé"))
    return bytes(data)
