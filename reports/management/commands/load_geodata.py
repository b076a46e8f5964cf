from django.core.management.base import BaseCommand, CommandError

from reports.services.geodata import GeodataError, geodata_coverage, geodata_load


class Command(BaseCommand):
    """Put the regions on the map from the points the archive ships."""

    help = (
        "Give each KATOTTG settlement that GeoNames locates its own point (reports/data/geo/points.csv), then "
        "place every other region at the nearest region it lies in that has a point, marked as such "
        "(location_precision 'parent'), or as not located. Points from the gazetteer or typed in by an editor "
        "are kept. Run it after load_katottg, and again after editing points in the admin; running it twice "
        "changes nothing. Ends with the share of settlements that have their own point."
    )

    def add_arguments(self, parser):
        parser.add_argument("--points", metavar="FILE", help="Another points file in the same CSV layout.")

    def handle(self, *args, points=None, **options):
        try:
            result = geodata_load(path=points)
        except GeodataError as error:
            raise CommandError(str(error)) from error
        coverage = geodata_coverage()
        self.stdout.write(f"Places on the map: {result}.")
        self.stdout.write(
            f"Settlements with their own point: {_share(coverage.settlements_located, coverage.settlements)} of the "
            f"codifier's; {_share(coverage.mentioned_located, coverage.mentioned)} of those claims name."
        )


def _share(part: int, whole: int) -> str:
    return f"{part:,} of {whole:,} ({part / whole:.1%})" if whole else "0 of 0"
