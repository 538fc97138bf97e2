from django.core.management.base import BaseCommand

from actors.models import Actor
from actors.synthetic import ensure_synthetic, remove_synthetic_actors
from tests.support.maprender import VIEWPORT, measure_renders

TARGET_MS = 1000


class Command(BaseCommand):
    help = (
        "First map render: from navigation to the map's markers drawn, in Chromium against the "
        "production stack, on the home page and near Bayonne, at 100,000 synthetic actors."
    )

    def add_arguments(self, parser):
        parser.add_argument("--size", type=int, default=100000, help="synthetic actors")
        parser.add_argument("--runs", type=int, default=5)
        parser.add_argument("--keep", action="store_true", help="keep the synthetic actors")

    def handle(self, *args, size, runs, keep, **options):
        try:
            ensure_synthetic(size, self.stdout.write)
            total = Actor.objects.published().count()
            width, height = VIEWPORT["width"], VIEWPORT["height"]
            self.stdout.write(
                f"\nFirst map render ({total} published actors, Chromium {width}×{height}, "
                "empty browser cache, median of the runs):"
            )
            for times in measure_renders(runs):
                style = self.style.SUCCESS if times.median() <= TARGET_MS else self.style.ERROR
                self.stdout.write("  " + style(times.line()))
        finally:
            if not keep:
                remove_synthetic_actors()
