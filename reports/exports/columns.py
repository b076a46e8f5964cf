"""What one exported row holds: the columns of a claim and of an article.

Every value is computed by PostgreSQL in the one statement that selects the rows (see streams.py), so a
row costs the application nothing but the bytes it passes on. The names are a contract with the people
who load these files: docs/data.md describes each one, and they change only by adding columns.

Two kinds of column: a `Column` is one expression over the row and the records it points to (article,
publisher, claimant); a `ListColumn` holds the names or codes of the records linked through a
many-to-many table (regions, cited sources), all gathered for a row by one lateral subquery.
"""

from dataclasses import dataclass

from django.db.models import Count, F, Func, IntegerField, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Cast, Coalesce, Concat, NullIf

from reports.models import Article, Claim
from reports.permalinks import permalink_prefix

LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    name: str
    expression: object
    boolean: bool = False

    def csv_expression(self):
        # COPY writes booleans as t/f; people and tools read true/false.
        return Cast(self.expression, TextField()) if self.boolean else self.expression


@dataclass(frozen=True)
class Linked:
    """Records linked to each row through a many-to-many field, read in name order."""

    field: object  # the ManyToManyField, e.g. Claim.regions.field

    @property
    def through_table(self):
        return self.field.remote_field.through._meta.db_table

    @property
    def owner_column(self):
        return self.field.m2m_column_name()

    @property
    def target_column(self):
        return self.field.m2m_reverse_name()

    @property
    def target_table(self):
        return self.field.related_model._meta.db_table


@dataclass(frozen=True)
class ListColumn:
    name: str
    linked: Linked
    value_sql: str  # over the linked record, aliased `linked`


class TrimScale(Func):
    """266.000 reads 266: the number as stated, without the column's padding."""

    function = "trim_scale"


def _permalink(site_url, view_name, sample, key):
    return Concat(
        Value(permalink_prefix(site_url, view_name, sample)), Cast(key, TextField()), Value("/"), output_field=TextField()
    )


def _or_null(name):
    """The field's value, or null where it is empty: an empty field means unknown, not an empty string."""
    return NullIf(name, Value(""), output_field=TextField())


# The value `region=` accepts for a region: its ISO code, else its KATOTTG code, else its slug.
REGION_IDENTIFIER_SQL = "coalesce(nullif(linked.code, ''), nullif(linked.katottg, ''), linked.slug)"


def place_columns(regions: Linked) -> list:
    """Where each region of the row lies, in the order of region_codes; added last, so that CSV columns keep
    their positions. A region without a point of its own has its nearest located ancestor's (precision
    'parent') or none."""
    return [
        ListColumn("region_latitudes", regions, "linked.latitude"),
        ListColumn("region_longitudes", regions, "linked.longitude"),
        ListColumn("region_location_precisions", regions, "linked.location_precision"),
    ]


def claim_columns(site_url: str) -> list:
    regions = Linked(Claim.regions.field)
    return [
        Column("claim_id", F("id")),
        Column("permalink", _permalink(site_url, "reports:claim_detail", 0, "id")),
        Column("statement", F("statement")),
        Column("quote", F("quote")),
        Column("claimant", F("claimant__name")),
        Column("claimant_slug", F("claimant__slug")),
        Column("asserted_on", F("asserted_on")),
        Column("occurred_start", F("occurred_start")),
        Column("occurred_end", F("occurred_end")),
        Column("occurred_precision", _or_null("occurred_precision")),
        ListColumn("region_codes", regions, REGION_IDENTIFIER_SQL),
        ListColumn("region_names", regions, "linked.name"),
        Column("topic", F("topic")),
        Column("quantity_value", TrimScale("quantity_value")),
        Column("quantity_unit", _or_null("quantity_unit")),
        Column("status", F("status")),
        Column("article_title", F("article__title")),
        Column("article_permalink", _permalink(site_url, "reports:article_detail", "slug", "article__slug")),
        Column("article_url", _or_null("article__url")),
        Column("published_on", F("published_on")),
        Column("publisher", F("publisher__name")),
        Column("publisher_slug", F("publisher__slug")),
        Column("language", F("language")),
        Column("synthetic", F("is_synthetic"), boolean=True),
        *place_columns(regions),
    ]


def article_columns(site_url: str) -> list:
    regions, cited = Linked(Article.regions.field), Linked(Article.cited_sources.field)
    public_claims = (
        Claim.objects.filter(article=OuterRef("pk"), is_public=True).order_by().values("article").annotate(count=Count("id"))
    )
    return [
        Column("article_id", F("id")),
        Column("permalink", _permalink(site_url, "reports:article_detail", "slug", "slug")),
        Column("title", F("title")),
        Column("lead", _or_null("lead")),
        Column("publisher", F("publisher__name")),
        Column("publisher_slug", F("publisher__slug")),
        ListColumn("cited_sources", cited, "linked.name"),
        ListColumn("cited_source_slugs", cited, "linked.slug"),
        Column("published_on", F("published_on")),
        Column("published_time", F("published_time")),
        Column("dateline", _or_null("dateline")),
        Column("language", F("language")),
        Column("url", _or_null("url")),
        ListColumn("region_codes", regions, REGION_IDENTIFIER_SQL),
        ListColumn("region_names", regions, "linked.name"),
        Column("claim_count", Coalesce(Subquery(public_claims.values("count"), output_field=IntegerField()), 0)),
        Column("sha256", F("sha256")),
        Column("synthetic", F("is_synthetic"), boolean=True),
        *place_columns(regions),
    ]


COLUMNS = {"claim": claim_columns, "article": article_columns}
