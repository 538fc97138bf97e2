"""manage.py import_events FILE_OR_URL --format ical|openagenda --actor SLUG: a dry run
with a report, unless --apply (see events.importing.importer)."""

from django.core.management.base import BaseCommand, CommandError

from actors.models import Actor
from events.importing.fetch import Unreadable, read_source
from events.importing.importer import FORMATS, import_events
from opendata.importing.author import request_author
from opendata.importing.reporting import as_text


class Command(BaseCommand):
    help = (
        "Importe des événements d'un fichier ou d'une adresse iCalendar, ou d'un export JSON "
        "OpenAgenda. Simulation par défaut ; --apply écrit, en passant par la modération."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="chemin d'un fichier ou adresse http(s)")
        parser.add_argument("--format", choices=FORMATS, required=True)
        parser.add_argument("--actor", required=True, help="identifiant de l'acteur qui publie")
        parser.add_argument("--apply", action="store_true", help="écrire (sinon simulation)")
        parser.add_argument("--user", help="courriel du compte auteur des demandes")

    def handle(self, *args, **options):
        actor = Actor.objects.filter(slug=options["actor"]).first()
        if actor is None:
            raise CommandError(f"Aucun acteur « {options['actor']} ».")
        user = request_author(options["user"])
        try:
            data = read_source(options["source"])
            report = import_events(
                data, options["format"], actor, apply=options["apply"], user=user
            )
        except (Unreadable, ValueError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(as_text(report, verbose=options["verbosity"] >= 2))
