from django.core.management.base import BaseCommand, CommandError

from reports.services.demo import demo_load
from reports.services.gazetteer import gazetteer_load
from reports.services.geodata import geodata_load
from reports.services.sources import sources_load


class Command(BaseCommand):
    help = (
        "Load what the archive ships: the gazetteer of regions, the sources, and the demo archive "
        "(the sample UNN article with its hand-curated claims), and the regions' points on the map. "
        "Safe to run again: rows that already "
        "match are left alone, so a second run creates and changes nothing."
    )

    def handle(self, *args, **options):
        steps = [("Gazetteer", gazetteer_load), ("Sources", sources_load), ("Demo articles", demo_load)]
        steps.append(("Places on the map", geodata_load))
        for label, load in steps:
            try:
                result = load()
            except (ValueError, OSError) as error:
                raise CommandError(f"{label}: {error}") from error
            self.stdout.write(f"{label}: {result}.")
