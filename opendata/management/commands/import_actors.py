"""manage.py import_actors FILE: a dry run with a report, unless --apply."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify
from tqdm import tqdm

from opendata.importing import readers
from opendata.importing.author import request_author
from opendata.importing.importer import import_rows
from opendata.importing.reporting import as_text


class Command(BaseCommand):
    help = (
        "Importe des acteurs (CSV avec correspondance de colonnes, GeoJSON, ou CSV LaMednum). "
        "Simulation par défaut ; --apply écrit, en passant par la modération sauf --publish."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--mapping", help="JSON: columns, defaults, separator")
        parser.add_argument("--format", choices=readers.FORMATS)
        parser.add_argument("--source", help="nom de la source (défaut : le nom du fichier)")
        parser.add_argument("--apply", action="store_true", help="écrire (sinon simulation)")
        parser.add_argument(
            "--publish", action="store_true", help="publier sans modération (administrateurs)"
        )
        parser.add_argument("--user", help="courriel du compte auteur des demandes")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            mapping = None
            if options["mapping"]:
                mapping = readers.load_mapping(Path(options["mapping"]).read_bytes())
            fmt = options["format"] or readers.guess_format(path.name, path)
            rows = readers.read(path, fmt, mapping)
        except (OSError, readers.UnreadableFile) as error:
            raise CommandError(str(error)) from None
        user = request_author(options["user"])
        source = options["source"] or "import-" + slugify(path.stem)
        try:
            report = import_rows(
                rows,
                source=source,
                apply=options["apply"],
                publish=options["publish"],
                user=user,
                progress=lambda items: tqdm(items, file=sys.stderr, unit="ligne", disable=None),
            )
        except (OSError, readers.UnreadableFile) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(as_text(report, verbose=options["verbosity"] >= 2))
