import argparse
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from reports.synthetic import SyntheticArchiveError, archive_generate

ARTICLES_MESSAGE = "the number of articles must be a whole number greater than 0"


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number <= 0:
        raise argparse.ArgumentTypeError(f"{ARTICLES_MESSAGE}, not {value!r}")
    return number


class Command(BaseCommand):
    """Generate a synthetic archive for scale work (load tests, benchmarks, a full-looking demo)."""

    help = (
        "Generate N synthetic articles with their claims (2 to 8 each, about 4 on average), regions and cited "
        "sources, for scale work: 250,000 articles make about 1,000,000 claims in a few minutes. Everything it "
        "writes is marked synthetic (is_synthetic on articles and sources, slugs starting with 'synthetic-', "
        "addresses under https://synthetic.invalid/), so it is never mistaken for real data and can be removed "
        "with --replace. The same --seed and N give the same archive. Needs the gazetteer (run load_gazetteer "
        "first); the real sources in the archive serve as publishers and claimants too."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles", type=positive_int, required=True, metavar="N", help="How many articles to generate (N > 0)."
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=1,
            metavar="S",
            help="Seed of the random choices: the same seed and N give the same archive (default 1).",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete every synthetic article, claim and source first; without it, new articles follow the existing ones.",
        )

    def handle(self, *args, articles, seed, replace, **options):
        if not isinstance(articles, int) or articles <= 0:  # call_command(articles=0) skips the parser's check
            raise CommandError(f"{ARTICLES_MESSAGE}, not {articles!r}")
        # disable=None hides the bar when stderr is not a terminal, so logs stay readable.
        bar = tqdm(total=articles, unit="article", file=sys.stderr, disable=None if options["verbosity"] else True)
        try:
            result = archive_generate(articles=articles, seed=seed, replace=replace, progress=bar.update)
        except SyntheticArchiveError as error:
            raise CommandError(str(error)) from error
        finally:
            bar.close()
        if replace:
            self.stdout.write(
                f"Deleted {result.deleted_articles:,} synthetic articles and {result.deleted_sources:,} synthetic sources."
            )
        self.stdout.write(
            f"Generated {result.articles:,} synthetic articles, {result.claims:,} claims, "
            f"{result.article_regions + result.claim_regions:,} region links and {result.cited_sources:,} cited sources "
            f"({result.sources_created:,} synthetic sources created) in {result.seconds:.1f} s: "
            f"{result.articles / result.seconds:,.0f} articles/s, {result.rows / result.seconds:,.0f} rows/s."
        )
