"""Reads shared by pages, exports and the API."""

from typing import NamedTuple

from reports.caching import cached
from reports.models import Article, Claim, Region, Source
from reports.routing import read_connection

# Below this many rows an exact count is cheap; above it the planner's estimate is shown as such.
EXACT_COUNT_LIMIT = 100_000
FIRST_LEVEL_KINDS = [Region.Kind.OBLAST, Region.Kind.AUTONOMOUS_REPUBLIC, Region.Kind.SPECIAL_CITY]


class Count(NamedTuple):
    value: int
    estimated: bool


def archive_counts() -> dict:
    """How much the archive holds: exact while small, the planner's estimate once large. Cached a minute.

    Two statements whatever the size: the planner's row estimates, then exact counts of the small tables.
    """

    def compute():
        querysets = {
            "articles": Article.objects.published(),
            "claims": Claim.objects.public(),
            "sources": Source.objects.all(),
            "regions": Region.objects.all(),
        }
        tables = [queryset.model._meta.db_table for queryset in querysets.values()]
        with read_connection().cursor() as cursor:
            cursor.execute("SELECT relname, reltuples::bigint FROM pg_class WHERE oid = ANY(%s::regclass[])", [tables])
            estimates = dict(cursor.fetchall())
        exact = {
            name: queryset
            for name, queryset in querysets.items()
            if estimates.get(queryset.model._meta.db_table, 0) <= EXACT_COUNT_LIMIT
        }
        counted = {}
        if exact:
            parts, params = [], []
            for name, queryset in exact.items():
                sql, query_params = queryset.order_by().values("pk").query.sql_with_params()
                parts.append(f"(SELECT count(*) FROM ({sql}) AS {name})")
                params.extend(query_params)
            with read_connection().cursor() as cursor:
                cursor.execute("SELECT " + ", ".join(parts), params)
                counted = dict(zip(exact, cursor.fetchone(), strict=True))
        return {
            name: Count(counted[name], False)
            if name in counted
            else Count(max(estimates[queryset.model._meta.db_table], 0), True)
            for name, queryset in querysets.items()
        }

    return cached(["archive-counts"], compute, 60)


def latest_articles(limit=10):
    return Article.objects.published().select_related("publisher").order_by("-published_on", "-id")[:limit]


def latest_claims(limit=10):
    return Claim.objects.public().select_related("claimant", "article__publisher").order_by("-asserted_on", "-id")[:limit]


def first_level_regions(country_code="UA"):
    return Region.objects.filter(parent__code=country_code, kind__in=FIRST_LEVEL_KINDS).order_by("name")


def prominent_sources(limit=30):
    return Source.objects.real().order_by("name")[:limit]


def first_level_claim_counts():
    """The first-level regions with how many public claims concern each (estimated once large); cached."""

    def compute():
        from reports.queries.facets import FacetSpec, facet_counts
        from reports.queries.pages import capped_count

        regions = list(first_level_regions())
        claims = Claim.objects.public()
        spec = FacetSpec(table="reports_claim", year_column="asserted_on", source_column="claimant_id", choices={})
        facets = facet_counts(claims, spec=spec, exact_total=capped_count(claims), regions=regions)
        counts = {item.value: item.count for item in facets.groups.get("region", [])}
        return [(region, counts.get(region.slug, 0)) for region in regions], facets.estimated

    return cached(["first-level-claim-counts"], compute, 300)
