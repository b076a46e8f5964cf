import datetime
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict
from tqdm import tqdm

from reports.exports.files import export_plan, export_write
from reports.exports.streams import FORMATS
from reports.exports.views import export_filename
from reports.listings import ARTICLES, CLAIMS, QueryRejected

KINDS = {listing.plural: listing for listing in (CLAIMS, ARTICLES)}


class Command(BaseCommand):
    """Write a filtered list of claims or articles to files, as the site's Download links do."""

    help = (
        "Write claims or articles to CSV, JSON or JSON Lines files: the same columns and the same filters as the "
        "site's downloads (docs/data.md), with a progress bar. Example: export claims --query "
        "'region=UA-09&topic=strikes' --format csv --format jsonl. Synthetic records are left out unless the query "
        "says synthetic=include or synthetic=only."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(KINDS), help="What to export.")
        parser.add_argument(
            "--query",
            default="",
            help="The list filters as in a URL: 'region=UA-09&published_from=2025-01-01' (default: everything real).",
        )
        parser.add_argument(
            "--format",
            dest="formats",
            action="append",
            choices=list(FORMATS),
            help="csv, json or jsonl; repeat for several files (default csv).",
        )
        parser.add_argument(
            "--output-dir",
            type=Path,
            default=Path("."),
            help="Folder for the files, named as the download would be (default: the current folder).",
        )
        parser.add_argument("--output", type=Path, help="Exact path of the file, when writing one format.")
        parser.add_argument(
            "--base-url",
            default=settings.SITE_URL,
            help="The archive's public address, for the permalinks in the files (default: the SITE_URL setting).",
        )

    def handle(self, *args, kind, query, formats, output_dir, output, base_url, **options):
        formats = formats or ["csv"]
        if not base_url:
            raise CommandError("Give --base-url (or set SITE_URL): the permalinks in the files need the archive's address.")
        if output and len(formats) > 1:
            raise CommandError("--output names one file; use --output-dir for several formats.")
        target_dir = output.parent if output else output_dir
        if not target_dir.is_dir():
            raise CommandError(f"No folder {target_dir}.")
        listing, filters = KINDS[kind], QueryDict(query)
        show_progress = options["verbosity"] > 0
        for export_format in formats:
            try:
                plan = export_plan(listing=listing, query=filters, export_format=export_format, site_url=base_url.rstrip("/"))
            except QueryRejected as rejected:
                raise CommandError("The query was not understood: " + " ".join(rejected.reasons)) from None
            path = output or output_dir / export_filename(kind, filters, export_format, datetime.datetime.now(datetime.UTC))
            # disable=None hides the bar when stderr is not a terminal, so logs stay readable.
            with tqdm(
                total=plan.rows_expected, unit="row", unit_scale=True, file=sys.stderr, disable=None if show_progress else True
            ) as bar:
                rows = export_write(plan=plan, path=path, progress=bar.update)
            if show_progress:
                self.stdout.write(f"{path}: {rows:,} {kind}")
