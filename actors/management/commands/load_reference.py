from django.core.management.base import BaseCommand

from actors.reference import load_reference_data


class Command(BaseCommand):
    help = (
        "Load the CAPB communes and the taxonomies (creates what is missing, changes nothing else)."
    )

    def handle(self, *args, **options):
        report = load_reference_data()
        self.stdout.write(f"Reference data: {report}.")
