from django.core.management.base import BaseCommand

from moderation import notify, queue


class Command(BaseCommand):
    help = "Emails each moderator a summary of the moderation queue (nothing when it is empty)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--even-if-empty",
            action="store_true",
            help="Send the digest even with nothing waiting.",
        )

    def handle(self, *args, even_if_empty=False, **options):
        summary = queue.summary()
        if summary["total"] == 0 and not even_if_empty:
            self.stdout.write("Nothing waiting: no digest sent.")
            return
        sent = notify.digest(summary)
        self.stdout.write(f"Digest sent to {sent} moderator(s): {summary['total']} item(s).")
