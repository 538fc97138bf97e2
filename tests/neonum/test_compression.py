import gzip

import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

from neonum.compression import TextGZipMiddleware

TEXT = "Réparation d'ordinateurs à Bayonne. " * 200


def respond(response):
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip, br")
    return TextGZipMiddleware(lambda r: response)(request)


@pytest.mark.parametrize(
    "content_type",
    ["text/html; charset=utf-8", "application/json", "application/geo+json", "text/csv"],
)
def test_text_is_gzipped(content_type):
    response = respond(HttpResponse(TEXT, content_type=content_type))
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content).decode() == TEXT


def test_two_compressions_of_one_page_differ_against_breach():
    first, second = (respond(HttpResponse(TEXT)).content for _ in range(2))
    assert gzip.decompress(first) == gzip.decompress(second)
    assert first != second


def test_streamed_exports_are_gzipped_whole():
    rows = (f"{i};{TEXT[:50]}\n" for i in range(1000))
    response = respond(StreamingHttpResponse(rows, content_type="text/csv"))
    assert response["Content-Encoding"] == "gzip"
    body = gzip.decompress(b"".join(response.streaming_content)).decode()
    assert body.count("\n") == 1000


@pytest.mark.parametrize("content_type", ["image/webp", "image/png", "application/zip"])
def test_binary_files_are_left_alone(content_type):
    response = respond(HttpResponse(b"\x00" * 5000, content_type=content_type))
    assert not response.has_header("Content-Encoding")
    assert response.content == b"\x00" * 5000
