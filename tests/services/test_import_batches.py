"""Importing by batches: the same archive as one article at a time, in a dozen statements per batch."""

import datetime
import gc

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import translation

from reports.importers.formats import ArticleRecord
from reports.models import Article, Claim, Region, Source
from reports.services import import_runs, import_threads, importing
from reports.services.gazetteer import gazetteer_load
from reports.services.import_batches import new_articles_write
from reports.services.sources import sources_load
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db

BODY = (
    "Analysts point out that Russian forces advanced northeast of Lyman on March 30.\n"
    "The General Staff reported that the enemy attacked 17 times near Pokrovsk in Donetsk oblast yesterday.\n"
    "The Mariupol City Council reported that 12 shells hit the port on Sunday.\n"
)


@pytest.fixture(autouse=True)
def shipped_data():
    gazetteer_load()
    sources_load()


def record(number: int, **changes) -> ArticleRecord:
    values = {
        "title": f"Fighting near Lyman, report {number}",
        "published_on": datetime.date(2025, 4, 2),
        "publisher": "UNN",
        "cited": ("ISW",),
        "dateline": "Kyiv",
        "lead": "Analysts report an advance.",
        "body": BODY,
        "url": f"https://unn.example/news/{number}",
        "origin": f"feed.jsonl:{number}",
    }
    values.update(changes)
    return ArticleRecord(**values)


def run(records, **options):
    return import_runs.articles_import(records=list(records), context=importing.import_context_build(), **options)


def copies():
    """The copied filter columns of every article and claim, as the database holds them."""
    articles = Article.objects.order_by("pk").values_list("pk", "region_ids", "source_ids")
    claims = Claim.objects.order_by("pk").values_list(
        "pk", "is_public", "published_on", "publisher_id", "language", "is_synthetic", "source_ids", "region_ids"
    )
    return list(articles), list(claims)


def implied_copies():
    """The same columns worked out here from the records' relations, independently of the database's functions."""

    def within(regions):
        return sorted({ancestor for region in regions for ancestor in (region.pk, *region.ancestor_ids)})

    articles = {}
    for article in Article.objects.order_by("pk").prefetch_related("regions", "cited_sources"):
        sources = sorted({article.publisher_id, *(source.pk for source in article.cited_sources.all())})
        articles[article.pk] = (article, sources)
    claims = [
        (
            claim.pk,
            articles[claim.article_id][0].status == "published" and claim.status != "suggested",
            articles[claim.article_id][0].published_on,
            articles[claim.article_id][0].publisher_id,
            articles[claim.article_id][0].language,
            articles[claim.article_id][0].is_synthetic,
            sorted({*articles[claim.article_id][1], claim.claimant_id}),
            within(claim.regions.all()),
        )
        for claim in Claim.objects.order_by("pk").prefetch_related("regions")
    ]
    return [(pk, within(article.regions.all()), sources) for pk, (article, sources) in articles.items()], claims


def found(article: Article) -> list[tuple]:
    return [
        (claim.quote, claim.claimant_id, claim.occurred_start, claim.occurred_precision, claim.quantity_value, claim.region_ids)
        for claim in article.claims.order_by("quote_start")
    ]


def test_a_batch_gives_every_article_and_claim_the_copies_its_relations_imply():
    run([record(1), record(2, cited=("ISW", "General Staff"))], batch_size=2)
    written = copies()
    # Three claims each: the City Council, which the archive does not know, is suggested as a new claimant.
    # The council's claim names no place; the other four do.
    assert len(written[1]) == 6 and sum(1 for *_, region_ids in written[1] if region_ids) == 4
    assert all(len(sources) == 3 for _, _, sources in written[0][1:])  # UNN, ISW, General Staff

    assert written == implied_copies()


def test_articles_and_claims_of_a_batch_follow_their_relations_afterwards():
    run([record(1), record(2)], batch_size=2)
    article = Article.objects.order_by("pk").first()
    article.status = "published"
    article.save()
    Claim.objects.filter(article=article).update(status="unverified")
    article.cited_sources.add(Source.objects.get(slug="general-staff-afu"))
    lyman = Region.objects.get(slug="lyman")
    article.regions.add(lyman)
    lyman.parent = Region.objects.get(slug="kharkiv-oblast")
    lyman.save()

    assert any(is_public for _, is_public, *_ in copies()[1])
    assert copies() == implied_copies()


def test_rows_written_after_a_batch_in_the_same_transaction_get_their_copies_from_the_triggers():
    with transaction.atomic():
        run([record(1)])
        article = Article.objects.get()
        claim = ClaimFactory(article=article, quote="Analysts point out", statement="Analysts point out", status="unverified")

        claim.refresh_from_db()
        assert (claim.is_public, claim.published_on, claim.publisher_id) == (True, article.published_on, article.publisher_id)


@pytest.mark.django_db(transaction=True)
def test_a_batch_postgresql_refuses_is_imported_again_one_article_at_a_time():
    gazetteer_load()
    sources_load()
    herald = Source.objects.create(name="Local Herald", slug="local-herald")
    context = importing.import_context_build()
    herald.delete()  # meanwhile, someone deleted the source the second record names

    summary = import_runs.articles_import(
        records=[record(1), record(2, publisher="Local Herald"), record(3)], context=context, batch_size=3
    )

    assert (summary.created, summary.failed) == (2, 1)
    assert summary.failures[0].startswith("feed.jsonl:2: ")
    assert sorted(Article.objects.values_list("url", flat=True)) == ["https://unn.example/news/1", "https://unn.example/news/3"]
    assert Claim.objects.count() == 6  # three per article, one of them by the City Council, a new claimant


def test_workers_find_what_the_importing_process_finds():
    alone = run([record(number) for number in range(1, 6)], workers=0, batch_size=2)
    elsewhere = [record(number, url=f"https://other.example/{number}", title=f"Elsewhere {number}") for number in range(1, 6)]
    with_workers = run(elsewhere, workers=2, batch_size=2)

    assert (alone.created, with_workers.created) == (5, 5)
    for one, other in zip(alone.outcomes, with_workers.outcomes, strict=True):
        assert found(one.article) == found(other.article) and found(one.article)


@pytest.mark.parametrize("batch_size", [1, 2, 4])
def test_claims_are_attributed_to_a_source_created_earlier_in_the_run(batch_size):
    records = [record(1, cited=("Mariupol City Council",)), record(2), record(3), record(4)]

    summary = run(records, workers=2, batch_size=batch_size)

    council = Source.objects.get(name="Mariupol City Council")
    assert council.needs_review
    assert summary.created == 4
    assert Claim.objects.filter(claimant=council, quote__startswith="12 shells").count() == 4


def test_a_record_repeating_an_earlier_one_of_its_batch_updates_the_article_it_made():
    changed = BODY + "Fighting continues.\n"

    summary = run([record(1), record(1, body=changed), record(2), record(2)], batch_size=4)

    assert (summary.created, summary.updated, summary.unchanged) == (2, 1, 1)
    assert Article.objects.get(url="https://unn.example/news/1").body == changed
    assert Article.objects.count() == 2


def test_a_record_of_an_article_archived_by_an_earlier_batch_updates_it():
    changed = BODY + "Fighting continues.\n"

    summary = run([record(1), record(2), record(1, body=changed)], batch_size=2, workers=2)

    assert (summary.created, summary.updated) == (2, 1)
    assert Article.objects.get(url="https://unn.example/news/1").body == changed


def test_a_text_record_without_url_is_found_again_by_publisher_date_and_title():
    run([record(1, url="")])

    summary = run([record(1, url=""), record(2, url="")], batch_size=2)

    assert (summary.created, summary.unchanged) == (1, 1)
    assert Article.objects.count() == 2


def test_each_created_article_and_claim_has_one_history_row_with_its_links():
    run([record(1, cited=("ISW", "General Staff"))], batch_size=5)

    article = Article.objects.get()
    (history,) = article.history.all()
    assert (history.history_type, history.history_change_reason, history.body) == ("+", importing.IMPORTED, BODY)
    assert sorted(link.source_id for link in history.cited_sources.all()) == sorted(
        source.pk for source in article.cited_sources.all()
    )
    for claim in article.claims.all():
        (claim_history,) = claim.history.all()
        assert claim_history.quote == claim.quote
        assert sorted(link.region_id for link in claim_history.regions.all()) == sorted(r.pk for r in claim.regions.all())


def test_history_links_of_each_batch_belong_to_the_history_rows_it_wrote():
    run([record(1), record(2)], batch_size=2)
    run([record(3), record(4)], batch_size=2)

    links = Claim.regions.through.objects.count()
    history_links = Claim.history.model.regions.model.objects.select_related("history")
    assert links > 4
    assert history_links.count() == links
    assert all(link.history.id == link.claim_id for link in history_links)


def test_a_quote_missing_from_its_text_fails_the_whole_batch_and_leaves_the_connection_usable():
    (analysed,) = [importing.analyse(
        title="t", lead="", body=BODY, published_on=datetime.date(2025, 4, 2), language="en", publisher=None, cited=[],
        regions=importing.region_matcher_build(), sources=importing.import_context_build().sources,
    )]  # fmt: skip
    wrong = analysed.claims[0]._replace(quote="Words the text does not hold.")
    context = importing.import_context_build()
    items = [import_runs.record_check(record(number), context) for number in (1, 2)]
    items[0].analysis = analysed
    items[1].analysis = type(analysed)(analysed.regions, analysed.ambiguous, (wrong,))

    with pytest.raises(ValidationError):
        new_articles_write(items=items, user=None, reason=importing.IMPORTED)

    assert (Article.objects.count(), Claim.objects.count(), Article.history.count()) == (0, 0, 0)


def test_an_error_while_reading_records_reaches_the_caller():
    def records():
        yield record(1)
        raise OSError("the disk went away")

    with pytest.raises(OSError, match="the disk went away"):
        run_lazily(records(), batch_size=1)


@pytest.mark.django_db(transaction=True)
def test_an_error_while_reading_reaches_the_caller_while_batches_are_being_written(writes_counted):
    def records():
        yield from (record(number) for number in range(1, 6))
        raise OSError("the disk went away")

    with pytest.raises(OSError, match="the disk went away"):
        run_lazily(records(), batch_size=1, workers=1)

    assert writes_counted  # batches were with the writers when the error came


def test_messages_about_bad_records_speak_the_callers_language():
    with translation.override("uk"):
        summary = run([record(1, title="Х" * 600)])

    assert summary.failed == 1
    assert "Переконайтеся" in summary.failures[0]


def run_lazily(records, **options):
    return import_runs.articles_import(records=records, context=importing.import_context_build(), **options)


# Outside a transaction and with workers, two batches are written at once, each on a connection of its own.


@pytest.fixture
def writes_counted(monkeypatch):
    """How many batches went to the writer threads (the real ones, counted on the way)."""
    handed = []
    submit = import_threads.Writers.submit

    def counted(self, function, *arguments):
        handed.append(len(arguments[0]))
        return submit(self, function, *arguments)

    monkeypatch.setattr(import_threads.Writers, "submit", counted)
    return handed


@pytest.mark.django_db(transaction=True)
def test_batches_written_at_once_make_the_archive_one_connection_makes(writes_counted):
    alone = run([record(number) for number in range(1, 8)], workers=0, batch_size=2)
    assert writes_counted == []
    elsewhere = [record(number, url=f"https://other.example/{number}", title=f"Elsewhere {number}") for number in range(1, 8)]

    at_once = run(elsewhere, workers=1, batch_size=2)

    assert writes_counted == [2, 2, 2, 1]
    assert (alone.created, at_once.created) == (7, 7)
    assert [outcome.article.url for outcome in at_once.outcomes] == [record.url for record in elsewhere]
    for one, other in zip(alone.outcomes, at_once.outcomes, strict=True):
        assert found(one.article) == found(other.article) and found(one.article)
    with connection.cursor() as cursor:
        written = copies()
        cursor.execute("UPDATE reports_article SET id = id")
        cursor.execute("UPDATE reports_claim SET id = id")
    assert copies() == written
    assert Claim.history.count() == Claim.objects.count() == 14 * len(found(alone.outcomes[0].article))


@pytest.mark.django_db(transaction=True)
def test_a_record_repeating_one_of_a_batch_still_being_written_is_not_archived_twice():
    records = [
        record(1, url=""),
        record(2, url=""),
        record(1, url=""),
        record(3, url=""),
        record(2, url="", body=BODY + "More.\n"),
    ]

    summary = run(records, workers=1, batch_size=2)

    assert (summary.created, summary.unchanged, summary.updated) == (3, 1, 1)
    assert Article.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_a_batch_refused_while_another_is_written_is_imported_again_alone(writes_counted):
    herald = Source.objects.create(name="Local Herald", slug="local-herald")
    context = importing.import_context_build()
    herald.delete()
    records = [record(1), record(2, publisher="Local Herald"), record(3), record(4), record(5)]

    summary = import_runs.articles_import(records=records, context=context, workers=1, batch_size=2)

    assert writes_counted[:2] == [2, 2]
    assert (summary.created, summary.failed) == (4, 1)
    assert summary.failures[0].startswith("feed.jsonl:2: ")
    assert Article.objects.count() == 4


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("batch_size", [1, 2])
def test_claims_written_at_once_are_attributed_to_a_source_created_earlier_in_the_run(batch_size):
    records = [record(1), record(2, cited=("Mariupol City Council",)), record(3), record(4), record(5)]

    summary = run(records, workers=1, batch_size=batch_size)

    council = Source.objects.get(name="Mariupol City Council")
    assert summary.created == 5
    assert Claim.objects.filter(claimant=council, quote__startswith="12 shells").count() == 4


def test_a_run_leaves_the_garbage_collector_as_it_found_it():
    # The run keeps the collector off what existed before it (see import_runs); a server process must get it back.
    frozen = gc.get_freeze_count()

    run([record(1), record(2)], batch_size=1)

    assert gc.get_freeze_count() == frozen
