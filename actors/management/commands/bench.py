import gzip
import statistics
import time

from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.test import Client

from actors.models import Actor
from actors.synthetic import ensure_synthetic, remove_synthetic_actors
from expertise.models import Realisation, Ressource

TERRITORY = "-1.85,42.9,-0.75,43.6"
BAYONNE = "-1.52,43.46,-1.43,43.52"


def actor_page():
    """The page of a synthetic actor that carries réalisations: its section lists them, and
    those it is a partner or an author of, from the 50,000 items."""
    actor = Realisation.objects.synthetic().order_by("pk").first().actor
    return actor.get_absolute_url()


CASES = [
    ("map, whole territory", f"/fr/carte/donnees.geojson?zoom=9&bbox={TERRITORY}"),
    ("map, one town (Bayonne)", f"/fr/carte/donnees.geojson?zoom=14&bbox={BAYONNE}"),
    ("actor page", actor_page),
    ("directory with facets", "/fr/"),
    ("directory, 2 filters", "/fr/?theme=reemploi-reparation&language=euskara"),
    ("directory, text search", "/fr/?q=reparation"),
    ("directory, Basque search", "/eu/?q=konponketa"),
    ("directory, Spanish search", "/es/?q=reparación"),
    ("directory, everyday words", "/fr/?q=ordi+lent"),
    ("directory, Spanish everyday", "/es/?q=arreglar+móvil"),
    ("directory, near a town", "/fr/?near=Bayonne&radius=10"),
    ("directory, search near", "/fr/?q=reparation&near=Bayonne&radius=10"),
    ("directory, open Monday", "/fr/?open=mo"),
    ("directory, open now", "/fr/?open=now"),
    ("réalisations", "/fr/realisations/"),
    ("réalisations, 2 facets", "/fr/realisations/?theme=reemploi-reparation&public=jeunes"),
    ("réalisations, text search", "/fr/realisations/?q=reparation"),
    ("réalisations, Basque search", "/eu/realisations/?q=konponketa"),
    ("réalisations, Spanish search", "/es/realisations/?q=reparación"),
    ("ressources", "/fr/ressources/"),
    ("ressources, 2 facets", "/fr/ressources/?theme=reemploi-reparation&type=guide"),
    ("ressources, text search", "/fr/ressources/?q=logiciels+libres"),
    ("ressources, Basque search", "/eu/ressources/?q=software+librea"),
    ("ressources, Spanish search", "/es/ressources/?q=software+libre"),
]


class Command(BaseCommand):
    help = (
        "Benchmarks the map endpoint, the directory and the réalisations' and ressources' "
        "lists with 10,000 and 100,000 synthetic actors and half as many synthetic "
        "réalisations and ressources (p50 latency, gzip bytes). They are removed afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="10000,100000")
        parser.add_argument("--runs", type=int, default=25)
        parser.add_argument("--keep", action="store_true", help="keep the synthetic actors")
        parser.add_argument(
            "--only", default="", help="only the cases whose label contains this text"
        )

    def handle(self, *args, sizes, runs, keep, only, **options):
        client = Client(SERVER_NAME="localhost")
        try:
            for size in [int(s) for s in sizes.split(",")]:
                ensure_synthetic(size, self.stdout.write)
                total = Actor.objects.published().count()
                items = Realisation.objects.count() + Ressource.objects.count()
                self.stdout.write(f"{total} published actors, {items} réalisations and ressources")
                for label, url in [case for case in CASES if only in case[0]]:
                    url = url() if callable(url) else url
                    cold, cpu, _ = self.measure(client, url, runs, clear_cache=True)
                    warm, _, body = self.measure(client, url, runs)
                    gzipped = len(gzip.compress(body, 6))
                    self.stdout.write(
                        f"{total:>8} published | {label:<28} | p50 uncached {cold:7.1f} ms "
                        f"(CPU {cpu:6.1f} ms) | p50 cached {warm:6.1f} ms "
                        f"| {gzipped / 1024:5.1f} KiB gzip"
                    )
        finally:
            if not keep:
                remove_synthetic_actors()

    def measure(self, client, url, runs, clear_cache=False):
        """p50 of `runs` requests, wall-clock and this process's CPU time (Django's share,
        the database server's not included: on a shared machine it varies less); with
        clear_cache, none is answered from the result cache (actors.datacache): the cost
        of computing, as after every change to the data."""
        for _ in range(3):  # warm connections and PostgreSQL's buffers
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        timings, cpu = [], []
        for _ in range(runs):
            if clear_cache:
                cache.clear()
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        return statistics.median(timings), statistics.median(cpu), response.content
