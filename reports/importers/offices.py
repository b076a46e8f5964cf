"""Speakers named by their office alone: "повідомили в обласній військовій адміністрації", "the regional military
administration said". No name is written, but the office is the one of the oblast the report is about: the claimant
suggested is that office by its full name ("Сумська обласна військова адміністрація"), for the editor to confirm."""

import re
from collections.abc import Callable

from reports.importers import morphology
from reports.importers.morphology import is_cyrillic
from reports.importers.speakers import NewClaimant, without_adverbial

_OFFICE = re.compile(
    r"(?<!\w)(?:обласн\w*\s+(?P<uk_military>військов\w*\s+)?(?:державн\w*\s+)?адміністраці\w*|(?P<ova>ОВА|ОДА)|"
    r"regional\s+(?P<en_military>military\s+)?administration|областн\w*\s+(?:военн\w*\s+)?администраци\w*|"
    r"(?P<city>міськ\w*\s+військов\w*\s+адміністраці\w*|МВА|city\s+military\s+administration))(?!\w)",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"(?<![\w’'ʼ-])[A-ZА-ЯІЇЄҐ][a-zа-яіїєґ’'ʼ-]+")
_REPORT_OF = re.compile(
    r"^\s*(?:у|в|in)\s+(?:(?:its|their|the|a)\s+)?(?:[\w’'ʼ-]+\s+){0,2}?(?:повідомленні|зведенні|заяві|звіті|дописі|"
    r"Telegram-каналі|statement|report|update)\s+(?:(?:of|by)\s+)?",
    re.IGNORECASE,
)
# An office named with its oblast and nothing more: "Сумська обласна військова адміністрація", "в Сумській ОВА", "the
# Sumy regional military administration".
_BY_PLACE = re.compile(r"\s*(?:(?i:у|в|the)\s+)?[A-ZА-ЯІЇЄҐ][a-zа-яіїєґ’'ʼ-]+\s+")
_PLACE_AFTER = re.compile(r"\s+(?:in|of)\s+([A-Z][a-z’'-]+)\s*")
_OBLAST_WORDS = re.compile(r"\s+(?:oblast|область|region)$", re.IGNORECASE)


def office_speaker(words: str, oblast_names: Callable[[], tuple[str, ...] | None], language: str) -> NewClaimant | None:
    """The regional administration the words name by office alone, as the office of the oblast whose names
    `oblast_names()` gives (the gazetteer's: English name first, Ukrainian second; asked only when the words name an
    office); None when the words name no such office, go on into a title or a name ("начальник Херсонської ОВА …" is
    read as a speaker's), name another oblast's office, or no single oblast is known. An office named with its oblast
    and nothing more ("повідомила Сумська обласна військова адміністрація", "в Сумській ОВА") is that office.
    """
    words = without_adverbial(words)  # "Meanwhile, the regional military administration in Sumy"
    # "у ранковому повідомленні Сумської обласної військової адміністрації": the office's report, the office speaking
    words = _REPORT_OF.sub("", words, count=1)
    found = _OFFICE.search(words)
    if found is None:
        return None
    place = next(reversed(list(_CAPITALISED.finditer(words, 0, found.start()))), None)
    after = _PLACE_AFTER.fullmatch(words, found.end())  # "the regional military administration in Sumy"
    if after and not place:
        place = after
    elif place and (not _BY_PLACE.fullmatch(words[: found.start()]) or words[found.end() :].strip()):
        return None  # a title running into a name or more: "начальник Херсонської ОВА …"
    if found.group("city") and not place:
        return None  # a city's administration named without its city: which city is not known here
    names = None if place else oblast_names()
    if place:  # the oblast named with the office, which need not be the report's
        english = place.group(1) if place.re is _PLACE_AFTER else place.group()
        ukrainian = english if not is_cyrillic(english) else morphology.feminine_nominative(english)
        if ukrainian is None:
            return None
    elif names is None or len(names) < 2:
        return None
    else:
        english, ukrainian = _OBLAST_WORDS.sub("", names[0]), names[1].split()[0]
    military = bool(found.group("uk_military") or found.group("en_military") or found.group("ova") == "ОВА")
    if found.group("city"):  # "Херсонської міської військової адміністрації": the city's own
        if language == "en" or not is_cyrillic(ukrainian):
            return NewClaimant(f"{english} City Military Administration", " ".join(words.split()), True)
        return NewClaimant(f"{ukrainian} міська військова адміністрація", " ".join(words.split()), True)
    if language == "en" or not is_cyrillic(ukrainian):
        name = f"{english} Regional {'Military ' if military else ''}Administration"
    else:
        name = f"{ukrainian} обласна {'військова' if military else 'державна'} адміністрація"
    return NewClaimant(name, " ".join(words.split()), True)


def names_an_office(words: str) -> bool:
    """Whether the words name a regional administration ("Сумській ОВА" is an office, not a person)."""
    return _OFFICE.search(words) is not None


def office_alone(words: str) -> bool:
    """Whether the words are an office's name and nothing more ("ОВА", "обласна військова адміністрація"): a source of
    that name (created from a headline's "- ОВА") says no more than the office of the oblast the report is about."""
    return _OFFICE.fullmatch(words.strip()) is not None


def unplaced_office(words: str) -> str | None:
    """The kind of office ("city" or "regional") the words name with no place of their own ("За даними ОВА", "додали в
    обласній військовій адміністрації", "the regional military administration said"), else None."""
    words = without_adverbial(words)
    found = _OFFICE.search(words)
    if found is None or _CAPITALISED.search(words, 0, found.start()) or _PLACE_AFTER.fullmatch(words, found.end()):
        return None
    return office_kind(found.group())


def office_kind(name: str) -> str | None:
    """ "city" or "regional" for a name holding an office's words, else None."""
    found = _OFFICE.search(name)
    return None if found is None else "city" if found.group("city") else "regional"
