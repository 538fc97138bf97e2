"""manage.py import_expertise realisations|ressources FILE: a dry run with a report, unless
--apply (see opendata.importing.expertise)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from opendata.importing import readers
from opendata.importing.author import request_author
from opendata.importing.expertise import import_expertise
from opendata.importing.expertise_values import read_csv
from opendata.importing.reporting import as_text

KINDS = {"realisations": "realisation", "ressources": "ressource"}


class Command(BaseCommand):
    help = (
        "Importe des réalisations ou des ressources d'un CSV aux colonnes de nos exports. "
        "Simulation par défaut ; --apply écrit, en passant par la modération."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=KINDS)
        parser.add_argument("file")
        parser.add_argument("--apply", action="store_true", help="écrire (sinon simulation)")
        parser.add_argument("--user", help="courriel du compte auteur des demandes")

    def handle(self, *args, **options):
        user = request_author(options["user"])
        try:
            rows = read_csv(KINDS[options["kind"]], Path(options["file"]))
            report = import_expertise(
                rows, KINDS[options["kind"]], apply=options["apply"], user=user
            )
        except (OSError, readers.UnreadableFile) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(as_text(report, verbose=options["verbosity"] >= 2))
