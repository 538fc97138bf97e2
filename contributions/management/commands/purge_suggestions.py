from django.core.management.base import BaseCommand

from contributions.services.suggestions import purge_old


class Command(BaseCommand):
    help = "Deletes correction suggestions older than a year (the privacy page promises it)."

    def handle(self, *args, **options):
        self.stdout.write(f"{purge_old()} suggestion(s) deleted.")
