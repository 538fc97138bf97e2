from django.core.management.base import BaseCommand

from moderation import freshness


class Command(BaseCommand):
    help = (
        "Emails the owners of stale profiles (not confirmed for FRESHNESS_DAYS) a signed link "
        "to confirm them; each actor at most once every 30 days. Run it daily."
    )

    def handle(self, *args, **options):
        sent = freshness.send_reminders()
        self.stdout.write(f"{sent} reminder(s) sent.")
