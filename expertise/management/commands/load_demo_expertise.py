from django.core.management.base import BaseCommand

from expertise.demo import load_demo_expertise


class Command(BaseCommand):
    help = "Load the fictional demo réalisations and ressources (creates the missing ones only)."

    def handle(self, *args, **options):
        realisations, ressources = load_demo_expertise()
        self.stdout.write(
            f"Demo data: {realisations} réalisations and {ressources} ressources created."
        )
