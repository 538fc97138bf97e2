from django.core.management.base import BaseCommand

from actors import relevance


class Command(BaseCommand):
    help = (
        "The search's relevance benchmark on the demo actors: share of the phrasings of "
        "fixtures/relevance.toml with a relevant actor in the first five results."
    )

    def add_arguments(self, parser):
        parser.add_argument("--verbose-misses", action="store_true", help="list the misses")

    def handle(self, *args, verbose_misses, **options):
        outcomes = relevance.run()
        if not any(o.found for o in outcomes):
            self.stderr.write("No demo actors found: run `manage.py load_demo` first.")
        for outcome in outcomes:
            if not outcome.hit and verbose_misses:
                self.stdout.write(
                    f"miss [{outcome.language}] {outcome.query!r}: expected "
                    f"{', '.join(outcome.expected)}; top {relevance.TOP}: "
                    f"{'; '.join(outcome.found) or 'nothing'}"
                )
        counts = {}
        for outcome in outcomes:
            counts[outcome.language] = counts.get(outcome.language, 0) + 1
        for key, score in relevance.scores(outcomes).items():
            number = counts.get(key, len(outcomes))
            self.stdout.write(
                f"relevance {key:>3}: {score:5.1f} % of {number} phrasings with a relevant "
                f"actor in the top {relevance.TOP}"
            )
