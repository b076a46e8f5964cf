import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from reports.services.katottg import KatottgError, katottg_load


class Command(BaseCommand):
    """Load Ukraine's codifier of administrative units (KATOTTG) into the region tree."""

    help = (
        "Load KATOTTG, Ukraine's official codifier of administrative units (about 31,700 raions, hromadas, "
        "settlements and city districts), under the gazetteer's oblasts, so that every settlement sits in its "
        "hromada, raion and oblast. Run load_gazetteer first. Settlements the archive already has are linked "
        "by KATOTTG code, not duplicated; running it again changes nothing. The full load takes about ten "
        "seconds on a two-core machine; --under UA-09 loads one oblast in a second or two."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--under",
            metavar="CODE",
            help="Load only one oblast or city with special status, by ISO 3166-2 code (UA-09) or KATOTTG code.",
        )

    def handle(self, *args, under=None, **options):
        bar = None

        def progress(done, total):
            nonlocal bar
            if bar is None:
                # The raw stream, as Django's wrapper ends every write with a newline and the bar redraws in
                # place; disable=None hides the bar when stderr is not a terminal, so logs stay readable.
                bar = tqdm(total=total, desc="Creating regions", unit="unit", file=self.stderr._out, disable=None)
            bar.update(done - bar.n)

        started = time.monotonic()
        try:
            result = katottg_load(under=under, progress=progress if options["verbosity"] > 0 else None)
        except KatottgError as error:
            raise CommandError(str(error)) from error
        finally:
            if bar is not None:
                bar.close()
        if options["verbosity"] > 0:
            self.stdout.write(
                f"KATOTTG: {result.created:,} created, {result.linked:,} linked, {result.updated:,} updated, "
                f"{result.unchanged:,} unchanged ({result.total:,} units in {time.monotonic() - started:.1f} s)."
            )
