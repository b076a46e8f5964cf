"""The read-only JSON API under /api/: articles, claims, regions and sources, with the lists' filters."""
