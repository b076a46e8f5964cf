"""Speakers named by their office alone: "повідомили в обласній військовій адміністрації", "the regional military
administration said". No name is written, but the office is the one of the oblast the report is about: the claimant
suggested is that office by its full name ("Сумська обласна військова адміністрація"), for the editor to confirm."""

import re
from collections.abc import Callable

from reports.importers.speakers import NewClaimant

_OFFICE = re.compile(
    r"(?<!\w)(?:обласн\w*\s+(?P<uk_military>військов\w*\s+)?(?:державн\w*\s+)?адміністраці\w*|(?P<ova>ОВА|ОДА)|"
    r"regional\s+(?P<en_military>military\s+)?administration|областн\w*\s+(?:военн\w*\s+)?администраци\w*)(?!\w)",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"(?<![\w’'ʼ-])[A-ZА-ЯІЇЄҐ][a-zа-яіїєґ’'ʼ-]+")
_OBLAST_WORDS = re.compile(r"\s+(?:oblast|область|region)$", re.IGNORECASE)


def office_speaker(words: str, oblast_names: Callable[[], tuple[str, ...] | None], language: str) -> NewClaimant | None:
    """The regional administration the words name by office alone, as the office of the oblast whose names
    `oblast_names()` gives (the gazetteer's: English name first, Ukrainian second; asked only when the words name an
    office); None when the words name no such office, name the oblast themselves ("Сумської ОВА" is read as a
    speaker's title), or no single oblast is known."""
    found = _OFFICE.search(words)
    if found is None or _CAPITALISED.search(words[: found.start()]):
        return None  # no office, or "Херсонської ОВА", "the Zaporizhzhia regional administration": named by place
    names = oblast_names()
    if names is None or len(names) < 2:
        return None
    military = bool(found.group("uk_military") or found.group("en_military") or found.group("ova") == "ОВА")
    if language == "en":
        place = _OBLAST_WORDS.sub("", names[0])
        name = f"{place} Regional {'Military ' if military else ''}Administration"
    else:
        adjective = names[1].split()[0]
        name = f"{adjective} обласна {'військова' if military else 'державна'} адміністрація"
    return NewClaimant(name, " ".join(words.split()), True)
