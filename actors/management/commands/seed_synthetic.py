import time

from django.core.management.base import BaseCommand, CommandError

from actors.synthetic import create_synthetic_actors, remove_synthetic_actors
from expertise.synthetic import create_synthetic_expertise


class Command(BaseCommand):
    help = (
        "Add N synthetic actors inside the CAPB for benchmarks, with réalisations and "
        "ressources over them; or remove them all."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=0, help="how many actors to add")
        parser.add_argument(
            "--expertise",
            type=int,
            default=None,
            help="how many réalisations and ressources to add (2 in 5 réalisations) over "
            "all the synthetic actors; default: half as many as actors",
        )
        parser.add_argument("--seed", type=int, default=1, help="random seed (repeatable runs)")
        parser.add_argument("--remove", action="store_true", help="remove every synthetic actor")

    def handle(self, *args, count, expertise, seed, remove, **options):
        if remove:
            self.stdout.write(
                f"Removed {remove_synthetic_actors()} synthetic actors and what they published."
            )
            return
        expertise = count // 2 if expertise is None else expertise
        if count < 0 or expertise < 0 or count + expertise == 0:
            raise CommandError("Give --count N and/or --expertise N (N > 0), or --remove.")
        started = time.monotonic()
        progress = lambda step: self.stdout.write(f"  done: {step}")  # noqa: E731
        created = create_synthetic_actors(count, seed=seed, progress=progress) if count else 0
        items = create_synthetic_expertise(expertise, seed=seed, progress=progress)
        self.stdout.write(
            f"Created {created} synthetic actors and {items} réalisations and ressources "
            f"in {time.monotonic() - started:.1f} s."
        )
