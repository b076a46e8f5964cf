"""The one read path of every public list: definitions, query evaluation, canonical addresses and counts."""

from reports.listings.definitions import ARTICLES, CLAIMS, LISTINGS, REGIONS, SOURCES, Listing
from reports.listings.querying import ListingQuery, QueryRejected, described_filters, evaluate

__all__ = [
    "ARTICLES",
    "CLAIMS",
    "LISTINGS",
    "REGIONS",
    "SOURCES",
    "Listing",
    "ListingQuery",
    "QueryRejected",
    "described_filters",
    "evaluate",
]
