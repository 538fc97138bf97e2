from actors.management.synthetic_bench import SyntheticBenchCommand
from actors.models import Actor
from tests.support.maprender import VIEWPORT, measure_renders

TARGET_MS = 1000


class Command(SyntheticBenchCommand):
    help = (
        "First map render: from navigation to the map's markers drawn, in Chromium against the "
        "production stack, on the home page and near Bayonne, at 100,000 synthetic actors."
    )

    def add_bench_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=5)

    def measure(self, *, runs, **options):
        total = Actor.objects.published().count()
        width, height = VIEWPORT["width"], VIEWPORT["height"]
        self.stdout.write(
            f"\nFirst map render ({total} published actors, Chromium {width}×{height}, "
            "empty browser cache, median of the runs):"
        )
        for times in measure_renders(runs):
            style = self.style.SUCCESS if times.median() <= TARGET_MS else self.style.ERROR
            self.stdout.write("  " + style(times.line()))
