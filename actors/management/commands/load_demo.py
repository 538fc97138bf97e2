from django.core.management.base import BaseCommand

from actors.demo import load_demo_actors


class Command(BaseCommand):
    help = "Load the fictional demo actors (creates the missing ones, changes nothing else)."

    def handle(self, *args, **options):
        created = load_demo_actors()
        self.stdout.write(f"Demo data: {created} actors created.")
