"""Full-text search shared by articles and claims.

Each row is indexed twice over: word for word (the `simple` configuration) and, for English and
Russian text, with that language's stemmer too (PostgreSQL has no Ukrainian one). A reader's query is
parsed with each configuration and the alternatives are OR-ed: "advancing" finds "advanced" in
English text through the stems, "Лимана" finds that exact word in Ukrainian text, and an excluded
word (-advanced) is excluded under every configuration, because every row holds its exact words.
"""

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import models

LANGUAGE_CONFIGS = {"en": "english", "ru": "russian"}
DEFAULT_CONFIG = "simple"


def language_search_vector(*weighted_expressions):
    """A tsvector expression over (expression, weight) pairs, stemmed by the row's `language`."""

    def vector(config):
        parts = [SearchVector(expression, config=config, weight=weight) for expression, weight in weighted_expressions]
        combined = parts[0]
        for part in parts[1:]:
            combined = combined + part
        return combined

    exact = vector(DEFAULT_CONFIG)
    return models.Case(
        *[models.When(language=code, then=vector(config) + exact) for code, config in LANGUAGE_CONFIGS.items()],
        default=exact,
    )


def websearch_query(text: str) -> SearchQuery:
    """The reader's query in websearch syntax ("quoted phrase", OR, -word), for every language."""
    query = SearchQuery(text, search_type="websearch", config=DEFAULT_CONFIG)
    for config in LANGUAGE_CONFIGS.values():
        query = query | SearchQuery(text, search_type="websearch", config=config)
    return query
