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


def test_compressions_of_one_page_differ_against_breach():
    # The padding is 0 to 99 bytes: two compressions are alike once in a hundred runs, twenty
    # all alike never.
    bodies = {respond(HttpResponse(TEXT)).content for _ in range(20)}
    assert {gzip.decompress(body) for body in bodies} == {TEXT.encode()}
    assert len(bodies) > 1


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
