from django.core.management.base import BaseCommand, CommandError

from actors.territory import OUTLINE_PATH, outline_geojson


class Command(BaseCommand):
    help = "Writes the territory's simplified outline (static/geo/territory.geojson)."

    def handle(self, *args, **options):
        text = outline_geojson()
        if text is None:
            raise CommandError("No commune loaded: run load_reference first.")
        OUTLINE_PATH.parent.mkdir(parents=True, exist_ok=True)
        OUTLINE_PATH.write_text(text, encoding="utf-8")
        self.stdout.write(f"{OUTLINE_PATH.name}: {len(text.encode()) / 1024:.1f} KB")
