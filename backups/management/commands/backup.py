from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backups import archive


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump, custom format) and the media files, with their SHA-256 "
        "checksums, into a new folder of BACKUP_DIR; keep the BACKUP_KEEP newest."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dir", default=settings.BACKUP_DIR, help="default: BACKUP_DIR")
        parser.add_argument("--keep", type=int, default=settings.BACKUP_KEEP)

    def handle(self, *args, dir, keep, **options):
        if keep < 1:
            raise CommandError("BACKUP_KEEP (--keep) must be at least 1.")
        path = archive.create(dir, keep)
        self.stdout.write(f"Backup written to {path}")
