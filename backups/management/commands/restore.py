from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.utils import timezone

from backups import archive


class Command(BaseCommand):
    help = "Restore a checked backup into a new database and add its missing media files."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="a backup folder written by `manage.py backup`")
        parser.add_argument(
            "--into", help="database to restore into; default: <current name>_restore_<time>"
        )
        parser.add_argument("--media-into", default=settings.MEDIA_ROOT, help="default: MEDIA_ROOT")

    def handle(self, *args, backup, into, media_into, **options):
        into = into or f"{connection.settings_dict['NAME']}_restore_{timezone.now():%Y%m%d%H%M%S}"
        tables = archive.restore(backup, into, media_into)
        self.stdout.write(
            f"Restored {tables} tables into the database {into}, media into {media_into}.\n"
            f"To serve it, point NEONUM_PG_DB (the project's cluster) or DATABASE_URL at {into} "
            "and restart the web and worker processes; the previous database is kept."
        )
