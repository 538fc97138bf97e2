from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Benchmarks of the directory and the map endpoint (figures printed)."

    def handle(self, *args, **options):
        self.stdout.write("No benchmark yet: the directory and its map endpoint come next.")
