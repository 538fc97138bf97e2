"""The production path, as deployed: collectstatic with the production storage, gunicorn with
the production settings behind what an HTTPS proxy would send, and the answers it gives."""

import gzip
import http.client
import io
import json
import re
import uuid

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from tests.factories import ActorFactory
from tests.support.gunicorn import start_gunicorn

# One process runs these tests in a row, with the weight budget's: the static files are
# collected once and the module's server started once (handed out one by one, they would be
# spread over the processes, between other files' tests, and the server restarted each time).
pytestmark = pytest.mark.xdist_group("production-static")

# As the reverse proxy of deploy/nginx.conf sends them, plus a client that accepts gzip.
PROXIED = {
    "X-Forwarded-Proto": "https",
    "X-Forwarded-For": "203.0.113.9",
    "Accept-Encoding": "gzip",
}


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker, static_root):
    env = {"STATIC_ROOT": str(static_root), "SERVE_MEDIA": "true", "TRUSTED_PROXIES": "127.0.0.1"}
    with start_gunicorn(workers=2, env=env) as gunicorn:
        yield gunicorn


@pytest.fixture
def actor(reference_tx):
    actor = ActorFactory(name="Repair Café Smoke", slug="repair-cafe-smoke")
    image = io.BytesIO()
    Image.new("RGB", (64, 64), (20, 120, 60)).save(image, "WEBP")
    actor.logo.save("smoke.webp", ContentFile(image.getvalue()), save=True)
    yield actor
    actor.logo.delete(save=False)


class Answer:
    def __init__(self, response):
        self.status = response.status
        self.headers = response.headers
        self.raw = response.read()

    def header(self, name):
        return self.headers.get(name, "")

    @property
    def body(self):
        if self.header("Content-Encoding") == "gzip":
            return gzip.decompress(self.raw)
        return self.raw

    @property
    def text(self):
        return self.body.decode("utf-8-sig")


def fetch(server, path, headers=PROXIED):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        connection.request("GET", path, headers=headers)
        return Answer(connection.getresponse())
    finally:
        connection.close()


def test_pages_api_exports_and_logo_answer_compressed_without_errors(server, actor):
    listing = ["/fr/", f"/fr/acteurs/{actor.slug}/", "/eu/", "/es/", "/fr/embed/",
               "/api/v1/actors/", "/export/actors.csv"]  # fmt: skip
    compressed = []
    for path in [*listing, "/fr/donnees/", "/fr/carte/donnees.geojson", "/api/v1/communes/"]:
        answer = fetch(server, path)
        assert answer.status == 200, f"{path}: {answer.status}\n{server.log()[-3000:]}"
        # A short answer (one actor's map data) may be sent as is: with up to 100 random bytes
        # of padding against BREACH, gzip can make it longer, and Django then keeps the original.
        if len(answer.body) >= 1000:
            assert answer.header("Content-Encoding") == "gzip", (path, answer.body[:500])
        if answer.header("Content-Encoding") == "gzip":
            compressed.append(path)
        assert "Accept-Encoding" in answer.header("Vary"), path
        assert path not in listing or "Repair Café Smoke" in answer.text, path
    # HTML, JSON and the streamed CSV export at least.
    assert {"/fr/", "/api/v1/communes/", "/export/actors.csv"} <= set(compressed)

    api = json.loads(fetch(server, "/api/v1/actors/").body)
    assert [a["name"] for a in api["results"]] == ["Repair Café Smoke"]
    csv = fetch(server, "/export/actors.csv")
    assert csv.body.startswith(b"\xef\xbb\xbf") and csv.text.count("\n") == 2

    logo = fetch(server, actor.logo.url)
    assert logo.status == 200, actor.logo.url
    assert logo.header("Content-Type") == "image/webp"
    assert logo.header("X-Content-Type-Options") == "nosniff"
    assert not logo.header("Content-Encoding")
    assert logo.body == actor.logo.open("rb").read()


def test_conditional_requests_survive_gzip_and_errors_are_json(server, actor):
    for path in ("/api/v1/actors/", "/export/actors.csv", "/export/data-inclusion/services.json"):
        first = fetch(server, path)
        etag = first.header("ETag")
        assert first.status == 200 and etag and first.header("Last-Modified"), path
        # Every worker gives the same version; gzip's weak ETag still matches.
        for _ in range(4):
            again = fetch(server, path, {**PROXIED, "If-None-Match": etag})
            assert again.status == 304, (path, again.status)
            assert not again.raw
    missing = fetch(server, "/api/v1/nope/")
    assert missing.status == 404
    assert json.loads(missing.body)["errors"]["detail"][0]["code"] == "not_found"
    unknown = fetch(server, "/api/v1/actors/?thme=x")
    assert unknown.status == 400 and "thme" in json.loads(unknown.body)["errors"]


def test_static_files_are_hashed_compressed_and_cached_for_a_year(server, actor):
    html = fetch(server, "/fr/").text
    assets = re.findall(r'(?:src|href)="(/static/[^"]+\.(?:js|css))"', html)
    assert any("/vendor/leaflet/leaflet." in a for a in assets), assets
    for path in assets:
        assert re.search(r"\.[0-9a-f]{12}\.(js|css)$", path), f"{path} is not hashed"
        answer = fetch(server, path)
        assert answer.status == 200, path
        assert answer.header("Content-Encoding") == "gzip", path
        cache = answer.header("Cache-Control")
        assert "immutable" in cache and int(re.search(r"max-age=(\d+)", cache)[1]) >= 31536000


def test_security_headers(server, actor):
    home = fetch(server, "/fr/")
    nonce = re.search(r"script-src 'self' 'nonce-([^']+)'", home.header("Content-Security-Policy"))
    assert nonce, home.header("Content-Security-Policy")
    assert f'nonce="{nonce[1]}"' in home.text
    answer = fetch(server, "/fr/compte/login/")
    assert answer.status == 200
    assert "frame-ancestors 'none'" in answer.header("Content-Security-Policy")
    assert (
        answer.header("Strict-Transport-Security") == "max-age=31536000; includeSubDomains; preload"
    )
    assert answer.header("X-Content-Type-Options") == "nosniff"
    assert answer.header("Referrer-Policy") == "same-origin"
    assert answer.header("X-Frame-Options") == "DENY"
    policy = answer.header("Permissions-Policy")
    assert "geolocation=(self)" in policy and "camera=()" in policy and "microphone=()" in policy
    csrf_cookie = next(
        c for c in answer.headers.get_all("Set-Cookie") if c.startswith("csrftoken=")
    )
    assert {"Secure", "HttpOnly", "SameSite=Lax"} <= {p.strip() for p in csrf_cookie.split(";")}


def test_plain_http_is_redirected_to_https(server):
    answer = fetch(server, "/fr/", headers={})
    assert answer.status == 301
    assert answer.header("Location") == f"https://127.0.0.1:{server.port}/fr/"


def test_health_check_answers_json_without_secrets(server):
    answer = fetch(server, "/healthz", headers={})
    assert answer.status == 200
    assert json.loads(answer.body) == {
        "status": "ok",
        "checks": {"database": "ok", "migrations": "ok", "cache": "ok", "queue": "ok"},
    }
    assert "no-store" in answer.header("Cache-Control")


def test_log_lines_are_json_with_the_request_id(server):
    request_id = str(uuid.uuid4())
    answer = fetch(server, "/fr/donnees/", headers={**PROXIED, "X-Request-ID": request_id})
    assert answer.header("X-Request-ID") == request_id
    generated = fetch(
        server, "/fr/donnees/", headers={**PROXIED, "X-Request-ID": "not-an-id; drop table"}
    )
    assert re.fullmatch(r"[0-9a-f]{32}", generated.header("X-Request-ID"))

    # The log read once both requests' access lines are in it.
    for answered in (request_id, generated.header("X-Request-ID")):
        log = server.log_with(json.dumps({"request_id": answered})[1:-1])
    lines = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    assert len(lines) == len(log.splitlines()), log
    access = [line for line in lines if line.get("request_id") == request_id]
    assert [(a["name"], a["path"], a["status"]) for a in access] == [
        ("gunicorn.access", "/fr/donnees/", "200")
    ]
