"""Full-text search shared by articles and claims.

Each row is indexed twice over: word for word (the `simple` configuration) and, for English and
Russian text, with that language's stemmer too. PostgreSQL has no Ukrainian dictionary, and one
cannot be installed into every server the archive runs on, so Ukrainian words are indexed by their
dictionary forms instead: each row keeps them in a `lemmas` column (filled on save and by the batch
writer, from the same analyser the importer uses), which the generated vector adds under `simple`.
A reader's query is parsed with each configuration, and once more with its Ukrainian words turned
into their dictionary forms; the alternatives are OR-ed: "advancing" finds "advanced" in English
text through the stems, "Лимана" finds "Лиман" and "Лиману" through the lemma лиман, and an
excluded word (-advanced) is excluded under every configuration, because every row holds its exact
words.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import models

from reports.importers.morphology import lemmas

_CYRILLIC_WORD = re.compile(r"[а-яіїєґёА-ЯІЇЄҐЁ][а-яіїєґёА-ЯІЇЄҐЁ'’ʼ-]*")
LEMMA_CHARS = 100_000  # as much of a text as its vector takes in (articles index the first part of long bodies)


def lemma_text(*texts: str) -> str:
    """The dictionary forms of the Ukrainian words of the texts, each word's every reading, space-separated."""
    found = []
    for text in texts:
        for word in _CYRILLIC_WORD.findall(text[:LEMMA_CHARS] if text else ""):
            found.extend(lemmas(word.strip("-")))
    return " ".join(found)


LANGUAGE_CONFIGS = {"en": "english", "ru": "russian"}
DEFAULT_CONFIG = "simple"


def language_search_vector(*weighted_expressions):
    """A tsvector expression over (expression, weight) pairs, stemmed by the row's `language`, with the row's
    Ukrainian lemmas (the `lemmas` column) word for word."""

    def vector(config):
        pairs = (*weighted_expressions, ("lemmas", "B")) if config == DEFAULT_CONFIG else weighted_expressions
        parts = [SearchVector(expression, config=config, weight=weight) for expression, weight in pairs]
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
    lemmatised = lemma_query(text)
    if lemmatised != text:
        query = query | SearchQuery(lemmatised, search_type="websearch", config=DEFAULT_CONFIG)
    return query


def lemma_query(text: str) -> str:
    """The query in websearch syntax with each Ukrainian word turned into its dictionary forms: "Синьківки" becomes
    "синьківка"; a word with several ("Покровська") becomes "покровський OR покровська OR покровськ" (OR binds its
    neighbours only, so the rest of the query stays as it was). Inside quotes, and after a minus, the likeliest."""
    parts = re.split(r'("[^"]*")', text)
    result = []
    for part in parts:
        if part.startswith('"') and part.endswith('"') and len(part) > 1:
            result.append(_CYRILLIC_WORD.sub(lambda match: lemmas(match.group())[0], part))
            continue

        def replaced(match, part=part):
            forms = lemmas(match.group())
            excluded = match.start() > 0 and part[match.start() - 1] == "-"
            return forms[0] if excluded or len(forms) == 1 else " OR ".join(forms)

        result.append(_CYRILLIC_WORD.sub(replaced, part))
    return "".join(result)


_OPERATORS = re.compile(r'["\-]|\bOR\b')


def places_named(text: str) -> list[int]:
    """The ids of the places a query names as a whole ("Lyman", "Лимана", "Donetsk Oblast"), by their English or
    Ukrainian names and aliases, for search to find what is about them in any language. Only places readers know
    by that name: a unit above the hromada, a city, or a place the gazetteer curates (with aliases), so that a
    word that is also one of the codifier's villages ("Мирне") does not pull in claims about it."""
    from reports.models.regions import Region, RegionKind

    name = " ".join(text.split())
    if not name or len(name) > 100 or _OPERATORS.search(name):
        return []
    names = {name}
    if _CYRILLIC_WORD.fullmatch(name):  # a case form of a one-word name: its dictionary form too
        names.update(lemma.capitalize() for lemma in lemmas(name))
    found = models.Q()
    for each in names:
        found |= models.Q(name__iexact=each) | models.Q(name_uk__iexact=each) | models.Q(aliases__contains=[each])
    known = (
        ~models.Q(kind__in=[RegionKind.SETTLEMENT, RegionKind.HROMADA, RegionKind.CITY_DISTRICT])
        | models.Q(katottg_category__in=["M", "K"])
        | ~models.Q(aliases=[])
    )
    return list(Region.objects.filter(found).filter(known).values_list("pk", flat=True)[:20])
