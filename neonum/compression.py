"""Compression of the site's own text responses.

Django's GZipMiddleware answers the BREACH attack the way Django's documentation describes:
it pads each compressed response with up to 100 random bytes in the gzip header ("Heal The
Breach"), CSRF tokens are masked anew on each response, and the session and CSRF cookies
are SameSite=Lax, so that another site cannot replay a victim's request to read it.
"""

from django.middleware.gzip import GZipMiddleware

TEXT_SUFFIXES = ("json", "xml", "javascript", "csv")


def is_text(content_type):
    kind = content_type.split(";", 1)[0].strip().lower()
    return kind.startswith("text/") or kind.endswith(TEXT_SUFFIXES)


class TextGZipMiddleware(GZipMiddleware):
    """GZipMiddleware for text only: images and uploaded files are compressed already, and
    gzipping them again costs time for nothing."""

    def process_response(self, request, response):
        if not is_text(response.get("Content-Type", "")):
            return response
        return super().process_response(request, response)
