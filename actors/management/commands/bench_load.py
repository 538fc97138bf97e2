import statistics
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from actors.loadmix import MIX, build_mix
from actors.loadrun import BENCH_SERVER_ENV, BENCH_WORKERS, run_wrk
from actors.management.synthetic_bench import SyntheticBenchCommand
from actors.models import Actor
from tests.support.gunicorn import start_gunicorn

TARGET_THROUGHPUT = 50
TARGET_P95_MS = 300
TARGET = f"≥ {TARGET_THROUGHPUT} req/s, p95 ≤ {TARGET_P95_MS} ms, 0 errors"


class Command(SyntheticBenchCommand):
    help = (
        "Load test: wrk's closed-loop clients over a fixed mix of paths drawn from the data, "
        "against gunicorn with the production settings, at 100,000 synthetic actors."
    )

    def add_bench_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=30, help="length of the measured run")
        parser.add_argument("--warmup", type=int, default=10, help="seconds before measuring")
        parser.add_argument("--connections", type=int, default=8, help="concurrent clients")
        parser.add_argument("--paths", type=int, default=2000, help="length of the path list")
        parser.add_argument(
            "--profile", type=int, default=0, metavar="N",
            help="first, in-process: time, SQL time and queries of N uncached requests per kind",
        )  # fmt: skip

    def measure(self, *, seconds, warmup, connections, paths, profile, **options):
        if profile:
            self.profile(build_mix(paths), profile)
        self.run(seconds, warmup, connections, paths)

    def run(self, seconds, warmup, connections, count):
        total = Actor.objects.published().count()
        mix = build_mix(count)
        kinds = Counter(kind for kind, _ in mix)
        self.stdout.write(f"\nLoad test ({total} published actors; {len(mix)} paths):")
        self.stdout.write("  " + ", ".join(f"{kind} {kinds[kind]}" for kind in MIX))
        # Every run starts from an empty result cache: the entries an earlier run (or the
        # profile above) left for the same paths would make it a different measurement.
        cache.clear()
        with tempfile.TemporaryDirectory() as folder:
            paths_file = Path(folder) / "paths.txt"
            paths_file.write_text("".join(path + "\n" for _, path in mix))
            with start_gunicorn(workers=BENCH_WORKERS, env=BENCH_SERVER_ENV) as server:
                if warmup:
                    run_wrk(server.url, paths_file, warmup, connections)
                figures = run_wrk(server.url, paths_file, seconds, connections)
        self.stdout.write(f"  {connections} clients, {seconds} s: {figures.line()}")
        if figures.meets(TARGET_THROUGHPUT, TARGET_P95_MS):
            self.stdout.write(f"  target met ({TARGET})")
        else:
            self.stdout.write(self.style.ERROR(f"  target missed ({TARGET})"))

    def profile(self, mix, per_kind):
        """Where a request's time goes, by kind: the whole (test client, no server), the SQL
        (as PostgreSQL answers, fetching included) and the number of queries; the rest is
        Python (views, templates, serialisation). Uncached: the cost of computing."""
        client = Client(SERVER_NAME="localhost")
        samples = defaultdict(list)
        for kind, path in mix:
            if len(samples[kind]) >= per_kind:
                continue
            cache.clear()
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                client.get(path)
                elapsed = (time.perf_counter() - started) * 1000
            sql = sum(float(query["time"]) for query in queries.captured_queries) * 1000
            samples[kind].append((elapsed, sql, len(queries)))
        self.stdout.write(f"\nWhere the time goes (in-process, uncached, median of {per_kind}):")
        for kind in MIX:
            columns = zip(*samples[kind], strict=True)
            whole, sql, count = (statistics.median(column) for column in columns)
            self.stdout.write(
                f"  {kind:<24} {whole:6.1f} ms, SQL {sql:6.1f} ms in {count:3.0f} queries, "
                f"Python {whole - sql:6.1f} ms"
            )
