"""Running wrk over the load mix (actors/loadmix.py) and reading its figures, for
`manage.py bench_load`."""

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from neonum import gunicorn_conf
from tests.support.weightbudget import SERVER_ENV

SCRIPT = Path(__file__).with_name("loadmix.lua")
# The benchmarks' server, as `make run` serves: its workers (cores + 1 unless
# WEB_CONCURRENCY says), the production settings, the local blank tile; the geocoder pointed
# at a closed local port, so that nothing leaves the machine.
BENCH_SERVER_ENV = {**SERVER_ENV, "GEOCODER_URL": "http://127.0.0.1:9/"}
BENCH_WORKERS = gunicorn_conf.workers
ERRORS = ("connect", "read", "write", "status", "timeout")


@dataclass
class LoadFigures:
    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    errors: dict

    @property
    def throughput(self):
        return self.requests / self.seconds

    def line(self):
        errors = sum(self.errors.values())
        detail = ", ".join(f"{k} {v}" for k, v in self.errors.items() if v)
        return (
            f"{self.requests} requests in {self.seconds:.1f} s: {self.throughput:.1f} req/s, "
            f"p50 {self.p50_ms:.0f} ms, p95 {self.p95_ms:.0f} ms, p99 {self.p99_ms:.0f} ms, "
            f"max {self.max_ms:.0f} ms, errors {errors}" + (f" ({detail})" if detail else "")
        )

    def meets(self, min_throughput, max_p95_ms):
        return (
            self.throughput >= min_throughput
            and self.p95_ms <= max_p95_ms
            and not any(self.errors.values())
        )


def parse(output):
    """The figures of the JSON line loadmix.lua's done() prints, among wrk's own lines."""
    for line in reversed(output.splitlines()):
        if line.startswith("{"):
            data = json.loads(line)
            return LoadFigures(
                requests=data["requests"],
                seconds=data["duration_us"] / 1e6,
                p50_ms=data["p50_us"] / 1000,
                p95_ms=data["p95_us"] / 1000,
                p99_ms=data["p99_us"] / 1000,
                max_ms=data["max_us"] / 1000,
                errors={name: data[name] for name in ERRORS},
            )
    raise ValueError(f"no figures in wrk's output:\n{output}")


def run_wrk(url, paths_file, seconds, connections, threads=2):
    """Closed-loop clients: `connections` connections, each sending its next request as soon
    as the previous one is answered, for `seconds`."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("wrk is missing: run 'bin/system-deps --test' (Debian package wrk).")
    result = subprocess.run(  # noqa: S603 (our own arguments)
        [wrk, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
         "-s", str(SCRIPT), url],
        env={"PATHS": str(paths_file), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return parse(result.stdout)
