from django.core.management.base import BaseCommand

from selections.demo import load_demo_selections


class Command(BaseCommand):
    help = "Load LaNum's two demo selections (creates the missing ones only)."

    def handle(self, *args, **options):
        self.stdout.write(f"Demo data: {load_demo_selections()} selections created.")
