from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports.services.gazetteer import GazetteerError, gazetteer_load


class Command(BaseCommand):
    help = (
        "Load the gazetteer: countries, Ukraine's 27 first-level units, Russia's border oblasts, the most "
        "reported settlements and the front directions. Safe to run again: regions that already match are "
        "left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--file",
            dest="path",
            type=Path,
            default=None,
            metavar="PATH",
            help="Load this JSON file instead of the shipped reports/data/gazetteer.json.",
        )

    def handle(self, *args, path=None, **options):
        try:
            result = gazetteer_load(path=path)
        except GazetteerError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Gazetteer: {result}.")
