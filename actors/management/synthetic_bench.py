"""The base of the benchmarks run at a number of synthetic actors (`bench_load`,
`bench_map_render`): --size of them (and half as many réalisations and ressources) seeded
if missing, removed at the end unless --keep."""

from django.core.management.base import BaseCommand

from actors.synthetic import ensure_synthetic, remove_synthetic_actors


class SyntheticBenchCommand(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("--size", type=int, default=100000, help="synthetic actors")
        parser.add_argument("--keep", action="store_true", help="keep the synthetic actors")
        self.add_bench_arguments(parser)

    def add_bench_arguments(self, parser):
        pass

    def handle(self, *args, size, keep, **options):
        try:
            ensure_synthetic(size, self.stdout.write)
            self.measure(**options)
        finally:
            if not keep:
                remove_synthetic_actors()

    def measure(self, **options):
        raise NotImplementedError
