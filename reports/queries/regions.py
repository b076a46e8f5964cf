"""The region picker's search: prefix matches over names and aliases in any script."""

from reports.models import Region

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

    One statement; exact matches come first, then broader kinds, then shorter names. The table is
    scanned, which on 30,000 regions stays within a few milliseconds.
    """
    text = text.strip().lower()
    if not text:
        return []
    prefix = _like_prefix(text)
    kind_order = "array_position(%s::text[], region.kind)"
    return list(
        Region.objects.raw(
            f"""
            SELECT region.id, region.name, region.name_uk, region.slug, region.kind, region.code, region.parent_id,
                   parent.name AS parent_name
            FROM reports_region region
            LEFT JOIN reports_region parent ON parent.id = region.parent_id
            WHERE lower(region.name) LIKE %s OR lower(region.name_uk) LIKE %s
               OR EXISTS (SELECT 1 FROM unnest(region.aliases) AS alias WHERE lower(alias) LIKE %s)
            ORDER BY (lower(region.name) = %s OR lower(region.name_uk) = %s
                      OR EXISTS (SELECT 1 FROM unnest(region.aliases) AS alias WHERE lower(alias) = %s)) DESC,
                     {kind_order}, length(region.name), region.name
            LIMIT %s
            """,
            [prefix, prefix, prefix, text, text, text, KIND_ORDER, limit],
        )
    )
