"""Whether a name found in the text stands for a place, and for which of those that share it: the evidence the words
around it give (a preposition, a kind word, a feature's word, agreement in case and gender, a person's name, a
government named by its capital). A part of the region matcher (reports/importers/regions.py), which holds the
gazetteer's entries (`_entries`) and kinds (`_kinds`)."""

from reports.importers import morphology
from reports.importers.place_choice import KNOWN_FIRST
from reports.importers.place_words import (
    ACTOR_VERBS,
    ADJECTIVE_NAMED_KINDS,
    CAPITALS,
    CONNECTORS,
    EVIDENCE,
    FEATURES,
    HROMADA_WORDS,
    LOCATIVE,
    ORGANISATION_WORDS,
    RAION_WORDS,
    by_a_river_word,
    kind_word_closing,
    means_the_government,
    names_a_person,
    names_a_person_by_title,
    region_by_collective,
)  # fmt: skip
from reports.importers.text import Tokens, is_cyrillic_word, normalize

COUNTRY = "country"


class PlaceEvidence:
    _entries: dict
    _kinds: dict[int, str]

    def _agreeing(self, keys: tuple, tokens: Tokens, index: int) -> tuple:
        """The candidates of which the word may be a case form (not an adjective or a plural sharing the stem)."""
        word, norm = tokens.words[index], tokens.norms[index]
        agreeing = []
        for key in keys:
            names = [name for name in self._entries[key].names if " " not in name and normalize(name) == norm]
            adjective = self._kinds[key] in ADJECTIVE_NAMED_KINDS
            if not names or any(morphology.may_be_form_of(word, name, adjective) for name in names):
                agreeing.append(key)
        return tuple(agreeing)

    def _plausible(self, keys: tuple, tokens: Tokens, first: int, last: int) -> tuple[tuple, bool]:
        """The candidates the words around a name leave, and whether they are weak (obscure places, no evidence)."""
        previous = tokens.norms[first - 1] if first else ""
        following = tokens.norms[last] if last < len(tokens) else ""
        if first and tokens.joined(first) and tokens.text[tokens.end(first - 1)] == "-":
            return (), False  # the end of a compound (Південно-Слобожанський), not a name of its own
        if following in ORGANISATION_WORDS and last < len(tokens) and tokens.capital(last):
            return (), False
        if self._adjective_before_noun(keys, tokens, first, last):
            return (), False
        if _quoted(tokens, first, last):  # «Дніпро», "Khortytsia": a unit's, a club's or an operation's name
            return (), False
        if names_a_person(tokens, first, last) or names_a_person_by_title(tokens, first, last):
            return (), False
        # A river, a front or a plant named after a place ("the Oskil River", "the Dnipro delta", "the Kostiantynivka
        # front"): not the place, whatever evidence stands before it.
        # So is one of a list a feature's word closes ("на Покровському та Костянтинівському напрямках").
        if following in FEATURES or by_a_river_word(tokens, first) or kind_word_closing(tokens, last, kinds=FEATURES):
            keys = tuple(key for key in keys if self._kinds[key] not in ("settlement", "special_city"))
        if region_by_collective(tokens, first, last):
            oblasts = {self.oblast(key) for key in keys if self._entries[key].prominent} - {None}
            if len(oblasts) == 1:
                return tuple(oblasts), False
        if following in CONNECTORS and last + 1 < len(tokens) and tokens.norms[last + 1] in CAPITALS:
            return (), False
        if previous in CONNECTORS and first > 1 and tokens.norms[first - 2] in CAPITALS:
            return (), False
        # Hromadas and raions are named by an adjective (Покровська, Покровський): only with their kind word after it,
        # or after a list of such names that it closes ("Марганецька, Червоногригорівська та Мирівська громади").
        if following not in HROMADA_WORDS and following not in RAION_WORDS and following and self._adjective_named(keys):
            following = kind_word_closing(tokens, last) or following
        named_after = following
        if following in CONNECTORS and not self._adjective_named(keys) and not is_cyrillic_word(tokens.words[first]):
            # "the Shostka and Sumy districts" (Ukrainian names a raion by its adjective: "Нікополь, Марганець та …")
            named_after = kind_word_closing(tokens, last)
        if (named_after in HROMADA_WORDS or named_after in RAION_WORDS) and not self._adjective_named(keys):
            # "the Khotin community", "the Obukhiv district": the hromada or the raion named after the place, as English
            # copy writes Хотінська громада and Обухівський район.
            units = self._units_named_after(keys, "hromada" if named_after in HROMADA_WORDS else "raion")
            if units:
                return units, False
        if following in HROMADA_WORDS and any(self._kinds[key] == "hromada" for key in keys):
            return tuple(key for key in keys if self._kinds[key] == "hromada"), False
        # "район" names a raion or a city's district ("Київський район Харкова", "the city's Dniprovskyi district").
        if following in RAION_WORDS and any(self._kinds[key] in ("raion", "city_district") for key in keys):
            return tuple(key for key in keys if self._kinds[key] in ("raion", "city_district")), False
        keys = tuple(key for key in keys if self._kinds[key] not in ADJECTIVE_NAMED_KINDS)
        obscure = ()
        if previous not in EVIDENCE:
            # Obscure places need evidence; those without it are kept only when no better-known place shares the name
            # and the article names a unit above them (settled in detect()).
            known = tuple(key for key in keys if self._known(key))
            if known:
                obscure = tuple(key for key in keys if key not in known) if len(known) < len(keys) else ()
                keys = known
            elif keys:
                return keys, True
        # The kinds of place the words around the name rule out (a name shared by a hundred villages: decided once).
        unlikely = set()
        if previous not in LOCATIVE:
            unlikely.add(COUNTRY)
            if following in ACTOR_VERBS:
                unlikely.add("special_city")
        if means_the_government(tokens, first):
            unlikely.add("special_city")
        if "special_city" in unlikely and any(self._kinds[key] == "special_city" for key in keys):
            return (), False  # the government, not the capital nor a village that shares its name ("Київ" in Mykolaiv Oblast)
        if unlikely:
            keys = tuple(key for key in keys if self._kinds[key] not in unlikely)
            obscure = tuple(key for key in obscure if self._kinds[key] not in unlikely)
        if obscure and keys:  # known first, but a village the article places may be meant (see KNOWN_FIRST)
            return keys + obscure, KNOWN_FIRST
        return keys, False

    def _adjective_before_noun(self, keys: tuple, tokens: Tokens, first: int, last: int) -> bool:
        """Whether a city's case form is here the adjective it spells, agreeing with the noun after it: "Українська
        сторона" (not the town Українськ), where "з Українська", "біля Покровська" are the town's genitive."""
        if last - first != 1 or last >= len(tokens) or not tokens.joined(last) or tokens.capital(last):
            return False
        if (tokens.joined(first) and tokens.norms[first - 1] in EVIDENCE) or tokens.norms[last] in HROMADA_WORDS | RAION_WORDS:
            return False  # "Покровська громада": the hromada, settled below
        word, noun = tokens.words[first], tokens.words[last]
        if not word.endswith(("ська", "цька", "зька")) or not is_cyrillic_word(noun):
            return False  # a noun's case form that spells an adjective's feminine: the -ськ towns' genitive
        return morphology.nominative_pair(word, noun) == f"{word} {noun}"

    def _adjective_named(self, keys: tuple) -> bool:
        return any(self._kinds[key] in ADJECTIVE_NAMED_KINDS for key in keys)


def _quoted(tokens: Tokens, first: int, last: int) -> bool:
    """Whether the words stand alone inside quotation marks."""
    start, text = tokens.starts[first], tokens.text
    if not start or text[start - 1] not in '«“„"':
        return False
    end = tokens.end(last - 1)
    return end < len(text) and text[end] in '»”"'
