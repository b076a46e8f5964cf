import datetime

import factory

from reports.models import Article, Claim, Region, Source

SAMPLE_BODY = (
    "Russian forces advanced northeast of Lyman, analysts say. "
    "The occupiers first captured the entire region on July 3, 2022. "
    "Kyiv protested the forced mobilization in the occupied territories."
)


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    name = factory.Sequence(lambda n: f"Source {n}")
    short_name = factory.Sequence(lambda n: f"S{n}")
    slug = factory.Sequence(lambda n: f"source-{n}")
    kind = Source.Kind.NEWS_AGENCY
    country = "UA"


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    name = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")
    kind = Region.Kind.OBLAST


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Report {n}")
    slug = factory.Sequence(lambda n: f"report-{n}")
    publisher = factory.SubFactory(SourceFactory)
    published_on = datetime.date(2025, 4, 2)
    dateline = "Kyiv"
    body = SAMPLE_BODY
    status = Article.Status.PUBLISHED


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    article = factory.SubFactory(ArticleFactory)
    # A claim the text attributes to nobody else is the publisher's own.
    claimant = factory.LazyAttribute(lambda claim: claim.article.publisher)
    statement = "Russian forces advanced northeast of Lyman"
    quote = "Russian forces advanced northeast of Lyman"
    topic = Claim.Topic.TERRITORIAL_CONTROL
