import shutil

import pytest

from actors.loadrun import parse, run_wrk
from tests.stubs.server import StubServer

pytestmark = pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed")


class PathStub(StubServer):
    """Answers every path, 404 under /missing, and keeps the paths it was asked."""

    def __init__(self):
        super().__init__()
        self.seen = set()

    def answer(self, handler):
        self.seen.add(handler.path)
        handler.send_response(404 if handler.path.startswith("/missing") else 200)
        handler.send_header("Content-Length", "2")
        handler.end_headers()
        handler.wfile.write(b"ok")


@pytest.fixture
def server():
    with PathStub() as stub:
        yield stub


def test_wrk_follows_the_path_list_and_counts_error_statuses(server, tmp_path):
    paths = tmp_path / "paths.txt"
    paths.write_text("/fr/?q=r%C3%A9paration\n/fr/acteurs/a/\n/missing/\n")
    figures = run_wrk(server.root, paths, seconds=1, connections=2)
    assert server.seen == {"/fr/?q=r%C3%A9paration", "/fr/acteurs/a/", "/missing/"}
    assert figures.requests > 3
    # One request in three asks for the missing page.
    assert figures.errors["status"] == pytest.approx(figures.requests / 3, rel=0.2, abs=2)
    assert not figures.meets(min_throughput=0, max_p95_ms=10000)


def test_parse_reads_the_figures_among_wrk_lines():
    output = (
        "Running 30s test @ http://127.0.0.1:8000\n  2 threads and 8 connections\n"
        '{"requests": 1500, "duration_us": 30000000, "bytes": 1, "connect": 0, "read": 0, '
        '"write": 0, "status": 0, "timeout": 0, "p50_us": 120000, "p95_us": 280000, '
        '"p99_us": 410000, "max_us": 900000}\n'
    )
    figures = parse(output)
    assert figures.throughput == 50
    assert (figures.p50_ms, figures.p95_ms, figures.p99_ms) == (120, 280, 410)
    assert figures.meets(min_throughput=50, max_p95_ms=300)
    assert not figures.meets(min_throughput=51, max_p95_ms=300)
    with pytest.raises(ValueError, match="no figures"):
        parse("wrk: connection refused\n")
