from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from reports.models import Article
from reports.services.archive import archive_altered_articles


class Command(BaseCommand):
    help = (
        "Recompute the SHA-256 of every archived text and compare it with the hash stored when the "
        "article was saved. Exits with status 1 and names each article whose text was changed behind "
        "the archive's back (outside the admin and the importers, which record every change)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Do not draw a progress bar.")

    def handle(self, *args, no_progress=False, **options):
        total = Article.objects.count()
        with tqdm(total=total, unit="article", disable=no_progress or None, file=self.stderr._out) as bar:
            altered = list(archive_altered_articles(progress=bar.update))
        for article_id, slug in altered:
            self.stdout.write(f"ALTERED article #{article_id} {slug}: its text no longer matches its stored SHA-256")
        if altered:
            raise CommandError(f"{len(altered)} of {total} articles were altered.", returncode=1)
        self.stdout.write(f"All {total} articles match their stored SHA-256.")
