from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from contributions.models import Suggestion

KEEP_DAYS = 365


class Command(BaseCommand):
    help = "Deletes correction suggestions older than a year (the privacy page promises it)."

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=KEEP_DAYS)
        deleted, _ = Suggestion.objects.filter(created_at__lt=cutoff).delete()
        self.stdout.write(f"{deleted} suggestion(s) deleted.")
