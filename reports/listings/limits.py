"""Every limit the lists page and count within, in one place.

No count has a threshold: every total and facet count is exact (reports/listings/grains.py says how each is
read). What remains are the sizes of what is shown and the time one counting statement may take.
"""

PER_PAGE = 50
MAX_PAGE = 10_000  # deeper pages cost an ever longer index walk; the filters narrow instead
# One counting statement (total, facets and timeline together) may run this long before it is cancelled and the
# page shows its rows without counts. Exact counts over the broadest filters that the count tables cannot answer
# take about a second at 1,000,000 claims (docs/counting.md).
BUDGET_MS = 3_000
# Counts of one address (and of one counting statement) stay cached this long while nothing is written; any
# write gives the archive a new data version, under which they are counted afresh (reports/caching.py).
COUNTS_TIMEOUT = 600
TOP_SOURCES = 12  # the "Claimed by" / "Published by" facet names this many, most frequent first
ALL_SOURCES = 1_000  # the page of one long facet lists this many
REGION_CHOICES = 300  # the "Where" facet counts at most this many regions one level down
TABLE_PLACES = 50  # the busiest located places, in the table beside a list's map (its points are clusters)
