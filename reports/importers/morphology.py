"""Ukrainian word forms, from the pymorphy3 analyser and its Ukrainian dictionary (both shipped as packages).

Cutting one ending off a word (text.normalize) joins most case forms of a name, but not those whose stem changes
(Костянтинівка → Костянтинівці, Промінь → Променя, Ріг → Рогу), and it cannot tell a first name or a surname from
a village of the same spelling. The analyser can; each word is analysed once per process (most words repeat).
"""

import logging
import re
from functools import lru_cache

_analyser = None


def _parses(word: str):
    global _analyser
    if _analyser is None:
        import pymorphy3  # loaded on first use: a fifth of a second, and only Cyrillic text needs it

        logging.getLogger("pymorphy3").setLevel(logging.WARNING)  # it reports loading its dictionary on every start
        _analyser = pymorphy3.MorphAnalyzer(lang="uk")
    return _analyser.parse(word.replace("'", "’").replace("ʼ", "’"))


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> tuple[str, ...]:
    """The dictionary forms of a Ukrainian word (lower case), most likely first; the word itself when unknown."""
    found = []
    for parse in _parses(word.lower()):
        if parse.normal_form not in found:
            found.append(parse.normal_form)
    return tuple(found) or (word.lower(),)


@lru_cache(maxsize=200_000)
def is_personal_name(word: str) -> bool:
    """Whether the dictionary knows the word only as a first name, patronymic or surname (Олег, Зеленська), so that
    a village spelled the same needs other evidence to be taken for the place."""
    parses = [parse for parse in _parses(word.lower()) if parse.score > 0.05]
    return bool(parses) and all({"Name", "Surn", "Patr"} & parse.tag.grammemes for parse in parses)


@lru_cache(maxsize=200_000)
def noun_lemma(word: str) -> str | None:
    """The dictionary form of the word as a noun (Костянтинівці → костянтинівка), None when it is none."""
    for parse in _parses(word.lower()):
        if "NOUN" in parse.tag.grammemes and parse.normal_form != word.lower():
            return parse.normal_form
    return None


@lru_cache(maxsize=200_000)
def is_first_name(word: str) -> bool:
    """Whether the dictionary knows the word as a first name or a person (Олександр; Володимир, a city too)."""
    return any({"Name"} & parse.tag.grammemes or {"NOUN", "anim"} <= parse.tag.grammemes for parse in _parses(word.lower()))


@lru_cache(maxsize=200_000)
def may_name_a_body(word: str) -> bool:
    """Whether a Ukrainian word may name a company or a body (ДТЕК, Укренерго, Нафтогаз): a singular inanimate noun
    in the nominative, not a word for people (мешканці, рятувальники) nor a person's name."""
    parses = _parses(word.lower())
    return any(
        {"NOUN", "inan", "nomn"} <= parse.tag.grammemes and not {"plur", "Name", "Surn", "Patr"} & parse.tag.grammemes
        for parse in parses[:2]
    ) and not any({"anim", "plur"} & parse.tag.grammemes and "nomn" in parse.tag.grammemes for parse in parses[:2])


_FORM = ("NOUN", "ADJF")
_GENDERS = frozenset({"masc", "femn", "neut"})


def _forms(word: str) -> set[tuple[str, str, str, str]] | None:
    """(lemma, part of speech, gender, number) of each known reading of a word; None when the dictionary does not know it."""
    parses = [parse for parse in _parses(word.lower()) if parse.is_known]
    if not parses:
        return None
    found = set()
    for parse in parses:
        grammemes = parse.tag.grammemes
        part = next((part for part in _FORM if part in grammemes), "")
        gender = next(iter(_GENDERS & grammemes), "")
        found.add((parse.normal_form, part, gender if part == "ADJF" else "", "plur" if "plur" in grammemes else "sing"))
    return found


@lru_cache(maxsize=200_000)
def may_be_form_of(word: str, name: str, adjective: bool = False) -> bool:
    """Whether a word of the text may be a case form of a one-word place name: the same word in another case, not a
    word of another kind that only shares its stem. "Донецької" (an adjective) is no form of "Донецьк" (a noun),
    "Херсонської" (feminine) none of the village "Херсонське" (neuter), "Силах" (plural) none of the village "Сила";
    "Торецька" is a form of "Торецьк", not of "Торецьке". Words the dictionary does not know are given the benefit
    of the doubt. A unit named by an adjective (`adjective`: a hromada, a raion) is read as the adjective alone:
    "Зеленодольської" is a form of the hromada "Зеленодольська", though that spelling is also the town's genitive."""
    if word.lower().replace("'", "’") == name.lower().replace("'", "’"):
        return True
    text_forms, name_forms = _forms(word), _forms(name)
    if not text_forms or not name_forms:
        return True
    named = {(lemma, part, gender) for lemma, part, gender, number in name_forms}
    if adjective and any(part == "ADJF" for _lemma, part, _gender in named):
        named = {reading for reading in named if reading[1] == "ADJF"}
    elif any(part == "NOUN" for _lemma, part, _gender in named):
        # A place named by a noun is no adjective, even where a case form of its name also reads as one: "Донецька",
        # the city's genitive, is the adjective's feminine too, and "Донецької" would pass for it.
        named = {reading for reading in named if reading[1] == "NOUN"}
    plural_name = any(number == "plur" for *_rest, number in name_forms)
    return any((lemma, part, gender) in named and (number == "sing" or plural_name) for lemma, part, gender, number in text_forms)


def nominative(word: str) -> str:
    """A Cyrillic noun in the nominative, keeping its number and its capital ("Силах" → "Сили", "Службі" → "Служба");
    the word itself when the dictionary cannot tell (and any word not in Cyrillic, without loading the dictionary)."""
    if not is_cyrillic(word):
        return word
    for parse in _parses(word.lower()):
        if "NOUN" in parse.tag.grammemes and parse.is_known:
            form = parse.inflect({"nomn"})
            if form is not None:
                return form.word[:1].upper() + form.word[1:] if word[:1].isupper() else form.word
    return word


def nominative_pair(adjective: str, noun: str) -> str | None:
    """An adjective and the noun it goes with, both in the nominative and agreeing as they agree in the text
    ("Федеральній службі" → "Федеральна служба", "Головному управлінні" → "Головне управління", "Збройні сили" as they
    stand); None when the dictionary reads no agreeing pair. (The Ukrainian dictionary marks the plural alone: a form
    with a gender and no number is singular.)"""
    for thing in _parses(noun.lower()):
        if "NOUN" not in thing.tag.grammemes or not thing.is_known:
            continue
        case, number = thing.tag.case, thing.tag.number or thing.tag.gender
        for quality in _parses(adjective.lower()):
            tag = quality.tag
            if (
                "ADJF" not in tag.grammemes
                or not quality.is_known
                or case is None
                or (tag.case, tag.number or tag.gender) != (case, number)
            ):
                continue
            noun_form, adjective_form = thing.inflect({"nomn", number}), quality.inflect({"nomn", number})
            if noun_form is not None and adjective_form is not None:
                return f"{adjective[:1]}{adjective_form.word[1:]} {noun_form.word}"
    return None


@lru_cache(maxsize=200_000)
def declines(word: str) -> bool:
    """Whether a Cyrillic word may be a noun or an adjective (a name's word), not only an adverb, a verb or a particle
    ("безпеки", "Росії"; not "знову", "вже"); any word not in Cyrillic may."""
    if not is_cyrillic(word):
        return True
    return any({"NOUN", "ADJF"} & parse.tag.grammemes for parse in _parses(word.lower()))


@lru_cache(maxsize=50_000)
def person_nominative(name: str, genitive: bool = False) -> str:
    """A Ukrainian person's name in the nominative ("Андрія Садового" → "Андрій Садовий", "Віталія Кіма" → "Віталій
    Кім"), read from the given name's case; the name itself when its first word may already be the nominative, is not
    a given name the dictionary knows, or any word cannot be put in the nominative. `genitive`: the words before the
    name govern the genitive ("за словами", "речника"), which settles a form that may be either ("Віталія",
    "Олександра" are women's names in the nominative too)."""
    words = name.split()
    if len(words) < 2 or not is_cyrillic(words[0]):
        return name
    given = [parse for parse in _parses(words[0].lower()) if "Name" in parse.tag.grammemes and parse.tag.number != "plur"]
    if genitive:
        given = [parse for parse in given if parse.tag.case == "gent"]
    if not given or any(parse.tag.case == "nomn" for parse in given):
        return name
    # The genitive first where the form may be another case too ("Віталія": genitive or accusative).
    first = next((parse for parse in given if parse.tag.case == "gent"), given[0])
    case, gender = first.tag.case, first.tag.gender
    named = []
    for index, word in enumerate(words):
        possessive = _POSSESSIVE_SURNAME.fullmatch(word) if index else None
        if possessive is not None:  # "Федоровим", "Синєгубова", "Прокудіну": Федоров, Синєгубов, Прокудін
            named.append(possessive.group(1))
            continue
        forms = [
            parse
            for parse in _parses(word.lower())
            if parse.tag.case == case and ({"NOUN", "ADJF"} & parse.tag.grammemes) and parse.tag.gender in (gender, None)
        ]
        form = (
            forms[0].inflect({"nomn"} | ({gender} if "ADJF" in forms[0].tag.grammemes and gender else set())) if forms else None
        )
        word_named = word[:1] + form.word[1:] if form is not None else _genitive_surname(word, gender) if case == "gent" else None
        if word_named is None:
            return name
        named.append(word_named)
    return " ".join(named)


# A man's surname in -ов, -ев, -ін in another case than the nominative, which the dictionary reads as a possessive.
_POSSESSIVE_SURNAME = re.compile(r"(\w+(?:ов|ев|єв|ін|їн|ин))(?:а|у|им|ові)", re.IGNORECASE)


def _genitive_surname(word: str, gender: str | None) -> str | None:
    """A surname the dictionary does not know, from the genitive to the nominative by its ending ("Кіма" → "Кім",
    "Прокудіна" → "Прокудін", "Садового" → "Садовий", "Лиховія" → "Лиховій"; a woman's "Верещук" and "Гроссі" stay)."""
    if word[-1:] in "іоеуюї" and not word.endswith(("ої", "ьої")):
        return word  # not declined: "Гроссі", "Кравченко"
    if gender == "femn":
        if word.endswith("ьої"):
            return word[:-3] + "я"
        if word.endswith("ої"):
            return word[:-2] + "а"
        return word if word[-1:] not in "аяи" else None
    if word.endswith("ього"):
        return word[:-4] + "ій"
    if word.endswith("ого"):
        return word[:-3] + "ий"
    if word.endswith("я"):
        return word[:-1] + ("й" if word[-2:-1] in "аеєиіїоуюя" else "ь")
    if word.endswith("а"):
        return word[:-1]
    return None


def feminine_nominative(adjective: str) -> str | None:
    """An adjective in the feminine nominative, capitalised as given ("Харківській" → "Харківська"); None when the
    dictionary knows no adjective of that spelling."""
    for parse in _parses(adjective.lower()):
        if "ADJF" in parse.tag.grammemes and parse.is_known:
            form = parse.inflect({"nomn", "femn"})
            if form is not None:
                return form.word[:1].upper() + form.word[1:] if adjective[:1].isupper() else form.word
    return None


@lru_cache(maxsize=200_000)
def is_given_name(word: str) -> bool:
    """Whether the dictionary knows the word as a first name or a patronymic (Олександр, Іванович), not merely as a
    noun for a person."""
    return is_cyrillic(word) and any({"Name", "Patr"} & parse.tag.grammemes for parse in _parses(word.lower()))


def is_cyrillic(word: str) -> bool:
    return "\u0400" <= word[:1] <= "\u04ff"
