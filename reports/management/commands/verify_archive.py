from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from reports.models import ArchiveLeaf, Article
from reports.services.archive import archive_altered_articles
from reports.services.integrity import archive_chain_breaks, published_roots_read


class Command(BaseCommand):
    help = (
        "Check the archive's integrity and name every break: each article whose text no longer matches its "
        "stored SHA-256; then, in one streaming pass, the hash chain (every link, every stored root, and the "
        "roots given with --roots), each text or quote that differs from its last leaf in the chain, each "
        "quote no longer at its offsets in its article, each record gone without a recorded deletion. "
        "Exits with status 1 if anything is broken."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Do not draw a progress bar.")
        parser.add_argument(
            "--roots",
            type=Path,
            action="append",
            default=[],
            metavar="FILE",
            help="Roots published earlier and kept elsewhere: a copy of /integrity/roots.txt, of its feed or page "
            "(any '<leaf> <root>' pairs). Repeatable.",
        )

    def handle(self, *args, no_progress=False, roots=(), **options):
        published = {}
        for path in roots:
            try:
                published.update(published_roots_read(path.read_text(encoding="utf-8", errors="replace")))
            except OSError as error:
                raise CommandError(f"cannot read {path}: {error.strerror}") from error
        total = Article.objects.count()
        breaks = []
        with tqdm(total=total, unit="article", disable=no_progress or None, file=self.stderr._out) as bar:
            for article_id, slug in archive_altered_articles(progress=bar.update):
                breaks.append(f"ALTERED article #{article_id} {slug}: its text no longer matches its stored SHA-256")
        leaves = ArchiveLeaf.objects.count()
        with tqdm(total=leaves, unit="leaf", disable=no_progress or None, file=self.stderr._out) as bar:
            breaks.extend(archive_chain_breaks(published=published, progress=bar.update))
        for line in breaks:
            self.stdout.write(line)
        if breaks:
            raise CommandError(f"{len(breaks)} integrity breaks found.", returncode=1)
        checked = f" and {len(published)} published roots" if published else ""
        self.stdout.write(
            f"All {total} articles match their stored SHA-256; the chain of {leaves} leaves{checked} holds, "
            "and every text and quote matches its last leaf."
        )
