"""Speakers the archive does not know: "the head of the regional military administration Oleh Syniehubov",
"Kremlin spokesman Dmitry Peskov", "Kharkiv Independent Monitoring Group". Their words are theirs: they are
suggested as a new claimant, with the words around the name as its role, for the editor to confirm. Never handed
to the nearest source the archive knows."""

import re
from functools import lru_cache
from typing import NamedTuple

from reports.importers import morphology
from reports.importers.text import normalize

# A capitalised word: a name's, written in Latin or Cyrillic, with an apostrophe or a hyphen inside.
_CAPITALISED = re.compile(r"[A-ZА-ЯІЇЄҐ][\w’'ʼ-]*")
# Words after which a run of capitals names an organisation, taken whole.
_ORGANISATION = frozenset(
    normalize(word)
    for word in ["group", "ministry", "administration", "forces", "agency", "service", "council", "mission", "command",
                 "office", "police", "guard", "navy", "сили", "адміністрація", "служба", "управління", "поліція",
                 "гвардія", "командування", "рада", "міністерство", "угруповання", "флот"]
)  # fmt: skip
# Titles that run on into the capitals of a name in English ("Kharkiv Oblast Governor Oleh Syniehubov").
_TITLES = frozenset(
    normalize(word)
    for word in ["governor", "mayor", "oblast", "region", "regional", "president", "minister", "spokesman", "spokesperson",
                 "commander", "commander-in-chief", "chief", "head", "general", "colonel", "director", "secretary", "ambassador",
                 "city", "gov", "gen",
                 "col", "lt", "maj", "sen", "rep"]
)  # fmt: skip


# Capitalised at the start of a sentence, never part of a name.
_FUNCTION_WORDS = frozenset(
    ["the", "a", "an", "in", "on", "at", "near", "from", "to", "for", "of", "and", "but", "this", "that", "these",
     "на", "у", "в", "з", "із", "за", "під", "біля", "поблизу", "до", "від", "та", "і", "й", "а", "але", "як", "це",
     "во", "из", "под", "около", "и", "но", "как", "это"]
)  # fmt: skip


_NOT_NAMES = _FUNCTION_WORDS | {"he", "she", "it", "they", "we", "i", "you", "він", "вона", "воно", "вони", "ми", "я"} | {
    # The day or month the words were said on ("officials said on Sunday"), never a speaker.
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december", "telegram", "facebook", "x",
}  # fmt: skip


_OPENS_WITH = re.compile(r"\s*(?:(?:у|в|in|at)\s+)?", re.IGNORECASE)
_PATRONYMIC = re.compile(r"(?:ович|евич|йович|івн|ївн|овн|евн)\w{0,3}$", re.IGNORECASE)


class NewClaimant(NamedTuple):  # a tuple: sent back by worker processes with the claims
    name: str  # as the text writes it
    role: str  # the words around it ("the head of the Kharkiv Regional Military Administration")
    organisation: bool


# The words for a body after an adjective that opens its name ("Федеральна служба безпеки Росії", "Національна поліція",
# "Головне управління розвідки").
_ORGANISATION_WORDS = frozenset(
    normalize(word)
    for word in ["служба", "поліція", "адміністрація", "прокуратура", "гвардія", "розвідка", "рада", "управління", "командування",
     "міністерство", "сили", "інспекція", "агенція", "агентство", "компанія", "група"]
)  # fmt: skip


# An organisation named by one capitalised word and the lowercase words that complete it: "Сили оборони півдня",
# "Служба безпеки України" (the last capitalised word may close it).
_ONE_WORD_ORGANISATION = re.compile(
    r"(?<![\w’'ʼ-])([A-ZА-ЯІЇЄҐ][\w’'ʼ-]*)((?:\s+[a-zа-яіїєґ’'ʼ-]+){1,3}(?:\s+[A-ZА-ЯІЇЄҐ][\w’'ʼ-]*)?)\s*$"
)


# A body named in English by capitalised words joined by "of", "for", "and", "on": "the Ministry for Development of
# Communities and Territories of Ukraine", "the Coordination Headquarters for the Treatment of Prisoners of War".
_ENGLISH_BODY = re.compile(
    r"(?:^|\s)(?:the\s+)?(?:Ukraine[’']s\s+|Russia[’']s\s+)?(?P<body>(?:[A-Z][\w’'-]*\s+){0,3}"
    r"(?:Ministry|Agency|Service|Council|Committee|Authority|Department|Headquarters|Commission|Inspectorate|Office)"
    r"(?:\s+(?:of|for|and|on)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*)+)"
)


# A call sign, the name a soldier is reported by: "з позивним «Тур»", "with the call sign "Tur"" (attribution.py reads
# the words around it as naming the speaker).
CALL_SIGN = r"(?:позивн\w+|call\s*-?\s*sign|nom\s+de\s+guerre)\s+[\"“«„]?(?P<call_sign>[^\s\"”»,]+)[\"”»]?"
_CALL_SIGN = re.compile(CALL_SIGN, re.IGNORECASE)


# What may open a sentence before the speaker, set off by a comma: "In its morning report on July 29,", "Meanwhile,",
# "Speaking on national television on Tuesday,", "Тим часом,". The attribution patterns read the speaker after it.
ADVERBIAL = (
    r"(?:Speaking|Writing|Separately|Meanwhile|However|Also|In|On|At|As\s+of|Earlier|Later|Last|This|Late|Early|"
    r"Overnight|Yesterday|Today|Тим\s+часом|Водночас|Напередодні|Вчора|Учора|Сьогодні|Раніше|Пізніше|Також|Крім\s+того|"
    r"Станом\s+на)"
)
_LEADING_ADVERBIAL = re.compile(rf"^\s*{ADVERBIAL}\b[^,]{{0,60}},\s*(?=\S)")
# One word of when, with no comma, before the speaker: "Пізніше Лисак повідомив", "Згодом очільник МВА уточнив",
# "Later the ministry said".
WHEN_WORDS = ("Пізніше", "Згодом", "Потім", "Тоді", "Також", "Раніше", "Водночас", "Later", "Earlier", "Also", "Then",
              "Позже", "Затем", "Также", "Ранее")  # fmt: skip
_LEADING_WHEN = re.compile(rf"^\s*(?:{'|'.join(WHEN_WORDS)})\s+(?=\S)")


def without_adverbial(words: str) -> str:
    """The words naming a speaker without what opens the sentence before them ("Meanwhile, ", "Speaking on …, ",
    "Пізніше ")."""
    return _LEADING_WHEN.sub("", _LEADING_ADVERBIAL.sub("", words, count=1), count=1)


def may_name_a_call_sign(words: str) -> bool:
    """A plain substring test before CALL_SIGN is searched: most words name no call sign."""
    return "позивн" in words or "sign" in words or "guerre" in words


@lru_cache(maxsize=100_000)  # news copy names the same speakers in the same words again and again
def speaker(words: str) -> NewClaimant | None:
    """The person or organisation the words of an attribution name, when they name one by capitalised words."""
    call_sign = _CALL_SIGN.search(words) if may_name_a_call_sign(words) else None
    if call_sign is not None and call_sign.group("call_sign")[:1].isupper():
        return NewClaimant(call_sign.group("call_sign"), _role(words, *call_sign.span("call_sign")), False)
    # "Speaking on national television on Tuesday, Viktor Trehubov, spokesperson for …": the words before the name
    # say when, not who.
    words = without_adverbial(words)
    name, comma, role = words.partition(",")
    if comma:  # "Serhii Lysak, head of the … Military Administration": the person before the apposition
        person = _named(name)
        if person is not None and not person.organisation and person.name == name.strip():
            return NewClaimant(person.name, " ".join(role.split()).strip(" ,;:–—-")[:200], False)
    body = _ENGLISH_BODY.search(words)
    if body is not None:  # "the Ministry for Development of Communities and Territories of Ukraine said"
        return NewClaimant(body.group("body"), _role(words, *body.span("body")), True)
    found = _named(words)
    if found is not None:
        return found
    organisation = _ONE_WORD_ORGANISATION.search(words)
    if organisation and normalize(organisation.group(1)) in _ORGANISATION:
        start, end = organisation.span()
        first = organisation.group(1)
        name = morphology.nominative(first) + words[organisation.end(1) : end].rstrip()
        return NewClaimant(name, _role(words, start, end), True)
    following = organisation.group(2).split() if organisation else []
    at = next((index for index, word in enumerate(following[:2]) if normalize(word) in _ORGANISATION_WORDS), None)
    if at is not None:
        # "Федеральна служба безпеки Росії заявила", "у Національній поліції повідомили", "Херсонська обласна прокуратура
        # повідомила": adjectives open the name, the body's word follows them; they are named in the nominative, the
        # words after them as they stand.
        start, end = organisation.span()
        adjectives, noun = [organisation.group(1), *following[:at]], following[at]
        pairs = [morphology.nominative_pair(adjective, noun) for adjective in adjectives]
        if all(pairs):
            rest = following[at + 1 :]
            while rest and not morphology.declines(rest[-1]):  # "Російське міністерство оборони знову звітує"
                rest.pop()
            named = [pair.rsplit(" ", 1)[0] for pair in pairs] + [pairs[0].rsplit(" ", 1)[1], *rest]
            return NewClaimant(" ".join(named), _role(words, start, end), True)
    return None


def _named(words: str) -> NewClaimant | None:
    runs, run, last_end = [], [], -1
    for match in _CAPITALISED.finditer(words):
        between = words[last_end : match.start()] if last_end >= 0 else ""
        if run and between.strip() == "":
            run.append(match)
        else:
            if run:
                runs.append(run)
            run = [match]
        last_end = match.end()
    if run:
        runs.append(run)
    for run in reversed(runs):
        names = [match.group() for match in run]
        norms = [normalize(name) for name in names]
        organisations = [index for index, norm in enumerate(norms) if norm in _ORGANISATION]
        if organisations and organisations[-1] < len(run) - 2:  # "… Military Administration Ivan Fedorov": the person
            run, names, norms = run[organisations[-1] + 1 :], names[organisations[-1] + 1 :], norms[organisations[-1] + 1 :]
        elif len(run) > 1 and organisations:
            start = run[0].start()
            return NewClaimant(words[start : run[-1].end()], _role(words, start, run[-1].end()), True)
        while names and names[0].casefold() in _FUNCTION_WORDS:  # a sentence's first word: "На Курському напрямку"
            run, names, norms = run[1:], names[1:], norms[1:]
        if (
            len(names) >= 2
            and len(names[0]) > 1
            and names[0].isupper()
            and _OPENS_WITH.fullmatch(words, 0, run[0].start())
            and not any(normalize(name) in _TITLES or morphology.is_given_name(name) for name in names[1:])
        ):
            # A company's abbreviation and the words after it: "У ДТЕК Дніпровські електромережі повідомили".
            start, end = run[0].start(), len(words.rstrip(" ,.;:"))
            return NewClaimant(words[start:end], _role(words, start, end), True)
        titles = [index for index, norm in enumerate(norms) if norm in _TITLES]
        if titles:  # the name follows the last title word
            run, names = run[titles[-1] + 1 :], names[titles[-1] + 1 :]
        # An office's abbreviation ends the title that runs into the name: "начальник Херсонської ОВА Олександр
        # Прокудін" is Олександр Прокудін.
        abbreviations = [index for index, name in enumerate(names) if len(name) > 1 and name.isupper()]
        if abbreviations and abbreviations[-1] < len(names) - 2:
            run, names = run[abbreviations[-1] + 1 :], names[abbreviations[-1] + 1 :]
        if len(names) >= 2 and all(len(name) > 1 for name in names):
            run = run[-3:]
            # A Ukrainian or Russian name of three words has a patronymic in the middle; else the first word is the
            # organisation the title runs on into ("Речник Кремля Дмитро Пєсков": Дмитро Пєсков).
            if len(run) == 3 and morphology.is_cyrillic(run[1].group()) and not _PATRONYMIC.search(run[1].group()):
                run = run[1:]
            return NewClaimant(words[run[0].start() : run[-1].end()], _role(words, run[0].start(), run[-1].end()), False)
    return None


# A company or a body named by one word, alone or after the lowercase words that say what it is ("Ukrenergo", "ДТЕК",
# "Ukraine's state energy company Naftogaz", "енергокомпанія ДТЕК"): the last word, when no capitalised word stands
# right before it.
# The words naming the speaker may run on into the verb and the day it was said ("Naftogaz said Friday").
_ONE_WORD = re.compile(
    r"(?:^|(?<=\s))((?-i:[A-ZА-ЯІЇЄҐ])[\w’'ʼ-]+)(?:\s*$|\s+(?=(?:said|says|told|reported|added|announced|stated|wrote|"
    r"повідоми\w*|заяви\w*|зазначи\w*|написа\w*|дода\w*)\b))",
    re.IGNORECASE,
)
_LOWER_BEFORE = re.compile(
    r"(?:^|[\s(])(?:(?:the|a|an)\s+)?(?:[\w’'ʼ-]+(?:'s|’s)\s+)?(?:^(?-i:[A-Z])[a-z]+\s+(?=(?-i:[a-z])))?"
    r"(?:(?-i:[a-zа-яіїєґ])[\w’'ʼ-]*\s+){0,4}$"
)
_OBLIQUE_BEFORE = re.compile(
    r"(?:^|\s)(?:за\s+(?:інформацією|даними|словами|повідомленням|оцінкою|оцінками)|у|в|від)\s+$", re.IGNORECASE
)
_QUOTES = re.compile(r"[«»“”„\"]")
# An office's abbreviation with its oblast: "в ГУНП у Харківській області".
_ABBREVIATION_IN_OBLAST = re.compile(r"(?<![\w-])([А-ЯІЇЄҐ]{3,}(?:\s+(?:у|в)\s+[А-ЯІЇЄҐ][а-яіїєґ’'ʼ-]+\s+області))\s*$")


# A body named by its kind and where it serves ("The Sumy regional police", "the Kharkiv Regional Prosecutor's Office",
# "Rivne city council", "Поліція Чернігівщини", "Білопільська міська рада"): those words, for the editor to confirm.
_BODY_BY_KIND = re.compile(
    r"^(?:the\s+)?(?P<name>(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?\s+(?:(?:regional|city|oblast|district|national|"
    r"military|local|patrol|juvenile)\s+){0,2}(?:police|prosecutor['’]s\s+office|prosecutors|city\s+council|council|"
    r"military\s+administration|fire\s+service|emergency\s+service|water\s+utility|utility))\s*$|"
    r"^(?P<uk>(?:Поліція|Прокуратура|Нацполіція|Патрульна\s+поліція)\s+[А-ЯІЇЄҐ][а-яіїєґ’'ʼ-]+(?:\s+області)?|"
    r"[А-ЯІЇЄҐ][а-яіїєґ’'ʼ-]+(?:ська|цька|зька)\s+(?:міська|обласна|селищна|сільська)\s+(?:рада|прокуратура))\s*$",
    re.IGNORECASE,
)


# "police in Dnipropetrovsk Oblast": named as "Dnipropetrovsk Oblast police".
_KIND_IN_PLACE = re.compile(
    r"^(?:the\s+)?(?P<kind>police|prosecutors)\s+in\s+(?:the\s+)?(?P<place>(?-i:[A-Z])[\w’'-]+(?:\s+(?:Oblast|region|Region|"
    r"city))?)\s*$",
    re.IGNORECASE,
)


# A body named in quotation marks, after the words that say what it is or alone ("Моніторингова група «Кримський
# вітер»", "за даними «Кримського вітру»", "партизани руху «Атеш»", "the monitoring group "Crimean Wind"").
_QUOTED_BODY = re.compile(r"[«“\"](?P<name>(?-i:[A-ZА-ЯІЇЄҐ])[^«»“”\".,;:]{1,38})[»”\"]\s*$")


def quoted_body(words: str) -> NewClaimant | None:
    """A body the words name in quotation marks at their end, in the nominative, else None."""
    found = _QUOTED_BODY.search(words.strip())
    if found is None:
        return None
    name = found.group("name").strip()
    parts = name.split()
    if len(parts) == 1:
        name = morphology.nominative(name)
    elif len(parts) == 2 and morphology.is_cyrillic(name.replace(" ", "")):
        name = morphology.nominative_pair(*parts) or name
    return NewClaimant(name, words[: found.start()].strip(), True)


def body_by_kind(words: str) -> NewClaimant | None:
    """A body the words name by its kind and its place (see _BODY_BY_KIND), else None."""
    words = without_adverbial(words).strip()
    in_place = _KIND_IN_PLACE.match(words)
    if in_place is not None:
        return NewClaimant(f"{in_place.group('place')} {in_place.group('kind').lower()}", "", True)
    found = _BODY_BY_KIND.match(words)
    if found is None:
        return None
    name = found.group("name") or found.group("uk")
    return NewClaimant(name, "", True)


def one_word_name(words: str, is_place, preceded_by: str = "") -> NewClaimant | None:
    """A company or body named by one capitalised word (see _ONE_WORD), that `is_place` does not know as a place and
    that is not a plural word for people ("Officials", "Мешканці"), a pronoun or a sentence's function word.
    `preceded_by`, the text before the words, may say the name stands in another case ("за інформацією", "в").
    The name and what it is may stand in apposition, either way round ("Ukrzaliznytsia, Ukraine's state railway", "The
    regional power company, Sumyoblenergo")."""
    words = without_adverbial(words)  # "Separately, Dnipropetrovsk Oblast police": not "Separately"
    if words.count(",") == 1:
        first, second = (part.strip() for part in words.split(","))
        found = one_word_name(first, is_place, preceded_by) or one_word_name(second, is_place, preceded_by)
        if found is not None:
            return found._replace(role=(second if found.name in first else first) or found.role)
    office = _ABBREVIATION_IN_OBLAST.search(words)
    if office is not None:
        return NewClaimant(office.group(1), _role(words, *office.span(1)), True)
    words = _QUOTES.sub(" ", words)  # "повідомили в «Київтеплоенерго»": the company's name without its quotation marks
    found = _ONE_WORD.search(words)
    if found is None:
        return None
    name = found.group(1)
    before = words[: found.start(1)]
    if _LOWER_BEFORE.fullmatch(before) is None or name.casefold() in _NOT_NAMES or is_place(name):
        return None
    if not (name.isupper() and len(name) >= 3):  # an abbreviation ("ДТЕК", "NATO") is a name as it stands
        if morphology.is_cyrillic(name):
            if not morphology.may_name_a_body(name):
                # "за інформацією Нацполіції", "в Укрзалізниці повідомили": the body's name in another case
                oblique = _OBLIQUE_BEFORE.search(preceded_by[-40:] + before)
                nominative = morphology.nominative(name) if oblique else name
                if nominative == name or not morphology.may_name_a_body(nominative):
                    return None
                name = nominative
        elif name.endswith("s") or not name[1:].islower() and not name[1:].isupper():  # "Officials", "Witnesses"
            return None
    titled = any(normalize(word) in _TITLES for word in before.split())
    return NewClaimant(name, _role(words, found.start(1), found.end(1)), not titled)


def _role(words: str, start: int, end: int) -> str:
    role = " ".join(f"{words[:start]} {words[end:]}".strip(" ,;:–—-").split())
    return role[:200]
