"""Suggestions while typing a region or a source: prefix matches over names and aliases in any script."""

from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Length, Lower

from reports.models import Region, Source

SUGGESTIONS = 10
# Broader places first: a reader typing "Luh" more likely means the oblast than a village.
KIND_ORDER = [
    "country",
    "oblast",
    "autonomous_republic",
    "special_city",
    "krai",
    "area",
    "settlement",
    "raion",
    "hromada",
    "city_district",
]


def _like_prefix(text):
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search_regions(text: str, limit: int = SUGGESTIONS):
    """Up to `limit` regions whose English or Ukrainian name, or an alias, starts with `text` (any case).

    One statement over the prefix index of every spelling (RegionName); exact matches come first, then
    broader kinds, then shorter names.
    """
    text = text.strip()
    if not text:
        return []
    prefix = _like_prefix(text.lower())
    return list(
        Region.objects.raw(
            """
            SELECT region.id, region.name, region.name_uk, region.slug, region.kind, region.code, region.parent_id,
                   parent.name AS parent_name
            FROM (
                SELECT region_id, bool_or(name = lower(%s)) AS exact
                FROM reports_regionname WHERE name LIKE lower(%s) GROUP BY region_id
            ) AS hit
            JOIN reports_region region ON region.id = hit.region_id
            LEFT JOIN reports_region parent ON parent.id = region.parent_id
            ORDER BY hit.exact DESC, array_position(%s::text[], region.kind::text), length(region.name), region.name
            LIMIT %s
            """,
            [text, prefix, KIND_ORDER, limit],
        )
    )


def search_sources(text: str, limit: int = SUGGESTIONS):
    """Up to `limit` real sources whose short name, name or an alias starts with `text` (any case), exact matches first.

    A thousand sources at most: one scan of a small table.
    """
    text = text.strip()
    if not text:
        return []
    lowered = text.lower()
    starts = Q(name__istartswith=text) | Q(short_name__istartswith=text) | Q(aliases__icontains=text)
    exact = Q(name_lower=lowered) | Q(short_lower=lowered)
    return list(
        Source.objects.real()
        .alias(name_lower=Lower("name"), short_lower=Lower("short_name"))
        .filter(starts | exact)
        .annotate(rank=Case(When(exact, then=Value(0)), default=Value(1), output_field=IntegerField()))
        .order_by("rank", Length("name"), "name")[:limit]
    )
