"""manage.py export_opendata DIR: the whole published dataset in every format, as files."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from expertise.filters import FILTERSETS
from opendata import csvexport, datainclusion, expertise_records, lamednum
from opendata.records import published, records
from opendata.responses import feature_collection_chunks, geojson_chunks, json_array_chunks

FILES = {
    "actors.csv": "csv",
    "actors.geojson": "geojson",
    "lamednum.csv": "lamednum",
    "data-inclusion-structures.json": "data-inclusion",
    "data-inclusion-services.json": "data-inclusion-services",
    "realisations.csv": "realisation-csv",
    "realisations.geojson": "realisation-geojson",
    "ressources.csv": "ressource-csv",
    "ressources.geojson": "ressource-geojson",
}


class Command(BaseCommand):
    help = (
        "Écrit le jeu de données complet dans DIR : acteurs (CSV, GeoJSON, LaMednum, "
        "data·inclusion), réalisations et ressources (CSV, GeoJSON)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory")
        parser.add_argument("--base-url", default=settings.SITE_URL.rstrip("/"))

    def handle(self, *args, **options):
        target = Path(options["directory"])
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CommandError(str(error)) from None
        base = options["base_url"].rstrip("/")
        actors = published().order_by("name", "pk")
        writers = {
            "csv": lambda: csvexport.lines(records(actors, base)),
            "geojson": lambda: geojson_chunks(records(actors, base)),
            "lamednum": lambda: csvexport.table_lines(
                lamednum.COLUMNS, lamednum.rows(published(), base)
            ),
            "data-inclusion": lambda: json_array_chunks(
                datainclusion.structures(published(), base)
            ),
            "data-inclusion-services": lambda: json_array_chunks(
                datainclusion.services(published(), base)
            ),
        }
        for kind, (model, _filterset) in FILTERSETS.items():
            writers.update(expertise_writers(kind, model.objects.published().order_by("pk"), base))
        for name, kind in FILES.items():
            # Written aside then renamed: a reader never sees half a file.
            path = target / name
            partial = path.with_suffix(path.suffix + ".part")
            with open(partial, "w", encoding="utf-8", newline="") as out:
                for chunk in writers[kind]():
                    out.write(chunk)
            partial.replace(path)
            self.stdout.write(str(path))


def expertise_writers(kind, items, base):
    return {
        f"{kind}-csv": lambda: csvexport.lines(
            expertise_records.records(kind, items, base), columns=expertise_records.fields(kind)
        ),
        f"{kind}-geojson": lambda: feature_collection_chunks(
            expertise_records.features(kind, items, base)
        ),
    }
