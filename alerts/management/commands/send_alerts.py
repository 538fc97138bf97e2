from django.core.management.base import BaseCommand

from alerts.sending import send_due


class Command(BaseCommand):
    help = "E-mails what is new to each person with a subscription due (weekly or monthly)."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_due()} alert e-mail(s) sent.")
