import argparse
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, DjangoHelpFormatter
from tqdm import tqdm

from reports.importers.formats import CSV, JSONL, SUFFIXES, TEXT, RecordError, read_records
from reports.services.analysers import default_workers
from reports.services.import_runs import BATCH_ARTICLES, articles_import
from reports.services.importing import import_context_build

FORMATS_HELP = """
formats (chosen by the file's extension, else by its first line):
  .txt   the layout publishers send, one or more articles per file:
           " date YYYY-MM-DD <title> - <cited source>"
           "<dateline> • <publisher>"
           "<lead>"
           "<body paragraphs, one per line; markers such as 'Details' and 'Let us remind you' on lines of their own>"
  .jsonl one JSON object per line, with the fields below
  .csv   a header row naming the fields below, then one article per row

fields (JSON Lines and CSV):
  title, published, publisher, body   required; published is YYYY-MM-DD or an ISO date and time
  url                                 optional; an article with the same URL is updated, not duplicated
  cited_sources                       optional; a list in JSON, names separated by ";" in CSV
  language                            optional; en, uk or ru, guessed from the text when left out
  dateline, lead                      optional

Files are UTF-8, with or without a byte-order mark, with Unix or Windows line endings. Sources are matched
by name, short name or alias; an unknown one is created and flagged for review. New articles are written
in batches (--batch-size), each batch in one transaction; when PostgreSQL refuses a batch, its articles are
imported again one per transaction, so a bad record is reported with its file and line while the others
are imported, and no article is ever half-written. The command exits with status 1 if any record failed.
Importing the same text again changes nothing.
"""


class HelpFormatter(DjangoHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Django's ordering of options, with the format description kept as written."""


class Command(BaseCommand):
    help = (
        "Import articles from files, directories (walked for .txt, .jsonl, .ndjson, .json and .csv files) or "
        "standard input (-), with suggested regions and claims for editors to review in the admin."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, formatter_class=HelpFormatter, **kwargs)
        parser.epilog = FORMATS_HELP
        return parser

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="A file, a directory, or - for standard input.")
        parser.add_argument("--dry-run", action="store_true", help="Read and check everything, save nothing.")
        parser.add_argument("--draft", action="store_true", help="Keep new articles as drafts, hidden from the public.")
        parser.add_argument("--format", choices=[TEXT, JSONL, CSV], help="Read every file in this format.")
        parser.add_argument("--no-progress", action="store_true", help="Do not draw a progress bar.")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_ARTICLES,
            metavar="N",
            help="New articles written per transaction (default %(default)s; 1 commits each article on its own).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=default_workers(),
            metavar="N",
            help="Processes that find places and claims while this one writes (default: one per core, here %(default)s; "
            "0 to do everything in this process). With workers, two batches are written at once, each on a database "
            "connection of its own (not with --dry-run, which runs in one transaction).",
        )

    def handle(
        self,
        *args,
        paths,
        dry_run=False,
        draft=False,
        format=None,
        no_progress=False,
        workers=0,
        batch_size=BATCH_ARTICLES,
        **options,
    ):
        if workers < 0:
            raise CommandError("--workers must be 0 or more")
        if batch_size < 1:
            raise CommandError("--batch-size must be 1 or more")
        files = list(_files(paths))
        context = import_context_build(draft=draft)
        with tqdm(unit="article", disable=no_progress or None, file=self.stderr._out, desc="Importing") as bar:
            summary = articles_import(
                records=_records(files, format),
                context=context,
                dry_run=dry_run,
                progress=lambda _outcome: bar.update(),
                workers=workers,
                batch_size=batch_size,
            )
        for failure in summary.failures:
            self.stderr.write(f"FAILED {failure}")
        if options["verbosity"] > 1:
            for outcome in summary.outcomes:
                self.stdout.write(
                    f"{outcome.outcome} {outcome.article.slug}: {outcome.claims} claims and {outcome.regions} regions suggested"
                )
        ambiguous = sorted({name for outcome in summary.outcomes for name in outcome.ambiguous})
        if ambiguous:
            self.stdout.write(f"Names shared by several places, left for review: {', '.join(ambiguous)}")
        created_sources = sorted({source.name for outcome in summary.outcomes for source in outcome.new_sources})
        if created_sources:
            self.stdout.write(f"New sources, flagged for review: {', '.join(created_sources)}")
        self.stdout.write(f"{'Dry run, nothing saved: ' if dry_run else ''}{summary}.")
        if summary.failed:
            raise CommandError(f"{summary.failed} record{'s' if summary.failed > 1 else ''} failed.", returncode=1)


def _files(paths):
    for given in paths:
        if given == "-":
            yield given
            continue
        path = Path(given)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
            )
            yield from (str(p) for p in found)
        elif path.exists():
            yield given
        else:
            raise CommandError(f"{given}: no such file or directory")


def _records(files, format):
    for name in files:
        if name == "-":
            yield from read_records("<stdin>", sys.stdin.buffer, format)
            continue
        try:
            with open(name, "rb") as stream:
                yield from read_records(name, stream, format)
        except OSError as error:
            yield RecordError(name, None, f"cannot be read ({error.strerror or error})")
