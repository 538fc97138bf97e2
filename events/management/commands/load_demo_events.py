from django.core.management.base import BaseCommand

from events.demo import load_demo_events


class Command(BaseCommand):
    help = "Load the fictional demo events of the agenda (creates the missing ones only)."

    def handle(self, *args, **options):
        self.stdout.write(f"Demo data: {load_demo_events()} events created.")
