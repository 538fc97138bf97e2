from django.core.management.base import BaseCommand

from moderation.queue import send_digest


class Command(BaseCommand):
    help = "Emails each moderator a summary of the moderation queue (nothing when it is empty)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--even-if-empty",
            action="store_true",
            help="Send the digest even with nothing waiting.",
        )

    def handle(self, *args, even_if_empty=False, **options):
        sent, total = send_digest(even_if_empty)
        if sent is None:
            self.stdout.write("Nothing waiting: no digest sent.")
            return
        self.stdout.write(f"Digest sent to {sent} moderator(s): {total} item(s).")
