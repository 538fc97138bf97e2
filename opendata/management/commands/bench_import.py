"""manage.py bench_import: the importer's dry-run speed (rows/s) and peak memory on generated
CSV files of growing size (default 10,000, 100,000 and 300,000 rows). Each size runs in a
process of its own, so that each peak is that size's alone: flat memory shows as equal
peaks."""

import csv
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from actors.models import Commune
from opendata.importing import readers
from opendata.importing.importer import import_rows

COLUMNS = ["slug", "name", "kind", "summary", "themes", "services", "website", "phone",
           "commune", "commune_insee", "postcode", "latitude", "longitude", "siret"]  # fmt: skip


def write_file(path, count, seed=15):
    """Rows like a departmental file: half placed by coordinates, half by commune name or
    INSEE code only (no street address, so that no geocoder is asked)."""
    rng = random.Random(seed)  # noqa: S311 - benchmark data, not secrets
    communes = list(Commune.objects.values_list("insee", "name", "postcodes", "centroid"))
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for n in range(count):
            insee, name, postcodes, centre = rng.choice(communes)
            placed = n % 2 == 0
            writer.writerow([
                f"bench-{n}", f"Lieu numérique {n}", "association", "Ateliers numériques.",
                "inclusion-mediation", "initiation-numerique", f"www.lieu{n}.example.org",
                "05 59 00 00 00", name.upper() if not placed else "",
                insee if n % 4 == 1 else "", postcodes[0] if n % 4 == 3 else "",
                centre.y if placed else "", centre.x if placed else "", "",
            ])  # fmt: skip


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Command(BaseCommand):
    help = "Benchmarks the importer's dry run on generated CSV files (rows/s, peak memory)."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="10000,100000,300000")
        # Internal: measure one file in this process (the parent starts one per size).
        parser.add_argument("--file", help="an already generated file, measured here")

    def handle(self, *args, sizes, file=None, **options):
        if file:
            return self.measure(Path(file))
        with tempfile.TemporaryDirectory() as folder:
            for size in [int(s) for s in sizes.split(",")]:
                path = Path(folder) / f"bench-{size}.csv"
                write_file(path, size)
                manage = Path(settings.BASE_DIR) / "manage.py"
                command = [sys.executable, str(manage), "bench_import", "--file", str(path)]
                subprocess.run(command, check=True)  # noqa: S603 - our own command
                path.unlink()

    def measure(self, path):
        size = sum(1 for _line in path.open(encoding="utf-8")) - 1
        start, cpu = time.perf_counter(), time.process_time()
        report = import_rows(readers.read(path, "csv"), "bench", apply=False)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        megabytes = path.stat().st_size / 1e6
        self.stdout.write(
            f"import dry run, {size} rows ({megabytes:.1f} MB): "
            f"{size / elapsed:,.0f} rows/s, {elapsed:.1f} s ({cpu:.1f} s of CPU), "
            f"peak memory {peak_mb():.0f} MB (process), "
            f"created {report.counts['created']}, rejected {report.counts['rejected']}"
        )
