import time

from django.core.management.base import BaseCommand, CommandError

from actors.synthetic import create_synthetic_actors, remove_synthetic_actors


class Command(BaseCommand):
    help = "Add N synthetic actors inside the CAPB for benchmarks, or remove them all."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=0, help="how many to add")
        parser.add_argument("--seed", type=int, default=1, help="random seed (repeatable runs)")
        parser.add_argument("--remove", action="store_true", help="remove every synthetic actor")

    def handle(self, *args, count, seed, remove, **options):
        if remove:
            self.stdout.write(f"Removed {remove_synthetic_actors()} synthetic actors.")
            return
        if count <= 0:
            raise CommandError("Give --count N (N > 0), or --remove.")
        started = time.monotonic()
        created = create_synthetic_actors(
            count, seed=seed, progress=lambda step: self.stdout.write(f"  done: {step}")
        )
        self.stdout.write(
            f"Created {created} synthetic actors in {time.monotonic() - started:.1f} s."
        )
