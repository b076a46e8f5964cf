"""Who a suggested claim is by: the known source named, a person or an office the archive does not know (suggested as
a new claimant), the source named before ("the ministry", "the Institute noted"), the cited source, or the publisher
(unnamed sources, data). A part of the claim finder (reports/importers/claims.py), which holds the article's body and
its words (`body`, `tokens`), the known sources (`sources`, `publisher`, `cited`), the places (`regions`, `mentions`),
the speakers met so far (`speakers`) and the words each known source was named by (`named_words`)."""

import re
from collections.abc import Hashable
from dataclasses import dataclass

from reports.importers.claim_words import BACK_TO_ORGANISATION, BACK_WORDS, CITED_WORDS, DATA_WORDS, TITLE_WORDS, unnamed
from reports.importers.morphology import person_nominative
from reports.importers.offices import names_an_office, office_alone, office_kind, office_speaker, unplaced_office
from reports.importers.speakers import (
    WHEN_WORDS,
    NewClaimant,
    body_by_kind,
    one_word_name,
    quoted_body,
    speaker,
    without_adverbial,
)
from reports.importers.text import Tokens, normalize, tokenize


@dataclass
class Reading:
    """What the finder knows while it reads an article from top to bottom."""

    chain: Hashable | None = None  # the claimant an attributed sentence named, whose report goes on
    last: Hashable | None = None  # the last claimant named, for "they" and "the ministry"
    previous: tuple[int, int] | None = None  # the sentence before, for "This is stated in …"
    organisation: Hashable | None = None  # the last organisation named as speaking or as a speaker's, for "the agency"
    said: tuple = ()  # (finder, span) of the claims the attributed sentence before gave, for "… the report for May 2"
    pending: tuple[int, int] | None = None  # an unattributed sentence opening a paragraph, for the speaker after it
    lead_previous: tuple | None = None  # (finder, span) of the lead's last sentence, for "X reported this" opening the body


# Words after which a name stands in the genitive: "за словами", "речника …", "начальника …", "голови …".
_GENITIVE_BEFORE = re.compile(
    r"(?:словами|даними|інформацією|заявою|(?:речни|начальни|очільни|керівни|заступни|представни|радни)(?:ка|ці)|голови|"
    r"мера|губернатора|командира|міністра|секретаря|директора|спікера|президента|прем.єр-міністра)\b[^,.]{0,80}$",
    re.IGNORECASE,
)
_TWO_CAPITALS = re.compile(r"[A-ZА-ЯІЇЄҐ][\w’'ʼ-]*\s+[A-ZА-ЯІЇЄҐ]")


# Words of when before a title are no part of it either: "Згодом очільник МВА уточнив".
_ARTICLES = frozenset(normalize(word) for word in ("the", "a", "an", "of", "у", "в", *WHEN_WORDS))


# Titles that name the same office ("очільник області" is the "голова … ОВА" named before), and words naming the region
# the office is of, which the role names otherwise ("області" of "голова Дніпропетровської ОВА").
_SAME_TITLE = {normalize(word): "head" for word in ["голова", "очільник", "очільниця", "керівник", "керівниця", "начальник",
                                                    "начальниця", "head", "chief", "глава"]}  # fmt: skip
_OF_THE_REGION = frozenset(normalize(word) for word in ("області", "регіону", "краю", "oblast", "region"))


# An office's abbreviation stands for its words: "очільник МВА" is the "начальник міської військової адміністрації".
_OFFICE_WORDS = {
    normalize(short): frozenset(normalize(word) for word in words.split())
    for short, words in [("ОВА", "обласної військової адміністрації"), ("МВА", "міської військової адміністрації"),
                         ("ОДА", "обласної державної адміністрації")]
}  # fmt: skip


def _titles(words) -> set[str]:
    titles = set()
    for word in words:
        titles |= _OFFICE_WORDS.get(word, {_SAME_TITLE.get(word, word)})
    return titles


_TITLES = _titles(TITLE_WORDS)


def _titled(speaker: NewClaimant, norms: set[str]) -> bool:
    """Whether a speaker's role holds the title the words name, and every other word of them ("голова ОВА" of "голова
    Дніпропетровської ОВА", "очільник області" of the same, "the governor" of "Kharkiv Oblast Governor"; not "the head
    of the district administration" of "head of the Zaporizhzhia Regional Military Administration")."""
    role = _titles(normalize(word.strip(",.;:")) for word in speaker.role.split())
    named = _titles(norms - _ARTICLES - _OF_THE_REGION)
    return bool(named & _TITLES & role) and named <= role


_COMPANY = re.compile(r"\b(?:company|operator|utility|railway|енергокомпані\w*|компані\w*|оператор\w*)\b", re.IGNORECASE)


class ClaimantChoice:
    def _opening_source(self, start: int, end: int) -> Hashable | None:
        """A known source named by the sentence's first words ("DeepState", "Аналітики DeepState"), also after the
        words of when that open it ("As of Tuesday morning, DeepState analysts marked …"), else None."""
        comma = self.body.find(", ", start, min(end, start + 50))
        after_when = comma + 2 if comma > 0 and self._dates(start, comma) else None
        for begin in (start, after_when):
            if begin is None:
                continue
            opening = tokenize(self.body[begin : min(end, begin + 80)])
            match = next(iter(self.sources.find(opening, 0, min(len(opening), 3))), None)
            if match is not None and match.first <= 1:
                return match.keys[0]
        return None

    def _name_beside(self, words: Tokens, matches, who: tuple[int, int]) -> bool:
        if words.text is not self.body:
            return True
        before, after = words.starts[matches[0].first], words.end(matches[-1].last - 1)
        return (
            _TWO_CAPITALS.search(self.body, who[0], before) is not None
            or _TWO_CAPITALS.search(self.body, after, who[1]) is not None
        )

    def _in_source_name(self, new: NewClaimant, words: Tokens, matches, who: tuple[int, int]) -> bool:
        """Whether a person's name found in the words is (part of) a known source's name there ("Volodymyr Zelensky",
        "Foreign Affairs" of "Ministry of Foreign Affairs of Ukraine")."""
        at = self.body.rfind(new.name, who[0], who[1])
        if at < 0 or words.text is not self.body:
            return any(self.sources.find(tokenize(new.name)))
        return any(words.starts[m.first] < at + len(new.name) and at < words.end(m.last - 1) for m in matches)

    def _cited_by_surname(self, new: NewClaimant, words: Tokens, matches) -> bool:
        """Whether the known sources matched are only the person's surname, cited as the source in the title ("… -
        Федоров" over "повідомив начальник ОВА Іван Федоров"): the person named in full."""
        surname = normalize(new.name.split()[-1])
        return len(new.name.split()) > 1 and all(
            match.keys[0] == self.publisher
            or (match.keys[0] in self.cited and match.last - match.first == 1 and words.norms[match.first] == surname)
            for match in matches
        )

    def _subject_of(self, start: int, end: int) -> Hashable | None:
        """A known source other than the publisher that the words open with ("Ukraine's Foreign Ministry rejected …")."""
        opening = tokenize(self.body[start : min(end, start + 120)])
        match = next(iter(self.sources.find(opening, 0, min(len(opening), 6))), None)
        if match and match.first <= 1 and match.keys[0] != self.publisher:
            return match.keys[0]
        return None

    def _oblast_names(self, start: int, end: int) -> tuple[str, ...] | None:
        """The names of the one oblast the sentence's places lie in, or else the whole article's."""
        for places in (self._places(start, end), tuple(m.region for m in self.mentions if m.region)):
            oblasts = {self.regions.oblast(place) for place in places} - {None}
            if len(oblasts) == 1:
                return self.regions.names(oblasts.pop())
            if oblasts:
                return None
        return None

    def _claimant(self, who: tuple[int, int], reading: Reading, start: int, end: int) -> Hashable | None:
        if self.publisher is not None and unnamed(without_adverbial(self.body[who[0] : who[1]])):
            return self.publisher  # "повідомили РБК-Україна джерела в Силах оборони": the publisher's source
        between = self._words_between(*who)
        words, (first, stop) = (self.tokens, between) if between else (tokenize(self.body[who[0] : who[1]]), (0, None))
        matches = [
            match
            for match in self.sources.find(words, first, stop)
            if not office_alone(words.text[words.starts[match.first] : words.end(match.last - 1)])
        ]
        named = [key for match in matches for key in match.keys[:1]]
        for match in matches:
            self.named_words.setdefault(match.keys[0], set()).update(words.norms[match.first : match.last])
        others = [key for key in named if key != self.publisher]
        # A person's name beside the organisation named ("Kremlin spokesman Dmitry Peskov"): two capitalised words
        # outside the organisation's name, looked for before the names are read.
        new = speaker(self.body[who[0] : who[1]]) if not named or self._name_beside(words, matches, who) else None
        if new is not None and not new.organisation and " " in new.name and self.regions.names_a_place(new.name):
            new = None  # "Kryvyi Rih", "Малій Токмачці": a place, no person
        if new is not None and not new.organisation and " " in new.name:  # "за словами Андрія Садового": Андрій Садовий
            text = self.body[max(0, who[0] - 40) : who[1]]
            before = text[: text.rfind(new.name)] if new.name in text else ""
            new = new._replace(name=person_nominative(new.name, _GENITIVE_BEFORE.search(before) is not None))
        if not named and new is not None and (earlier := self._named_shorter(new.name)) is not None:
            reading.organisation = earlier  # "the Air Force's data" after "the Ukrainian Air Force said"
            return earlier
        if (
            named
            and new is not None
            and not new.organisation
            and (not self._in_source_name(new, words, matches, who) or self._cited_by_surname(new, words, matches))
        ):
            # "Kremlin spokesman Dmitry Peskov": the person speaks, not the organisation named as theirs.
            self.speakers.append(new)
            reading.organisation = (others or named)[0]
            return new
        if new is None and others and all(key in self.cited for key in others):
            # "– написав Федоров", the title citing "Федоров": the Іван Федоров named before
            for earlier in reversed(self.speakers):
                if len(earlier.name.split()) > 1 and self._cited_by_surname(earlier, words, matches):
                    return earlier
        if others or named:
            reading.organisation = (others or named)[0]
            return reading.organisation
        norms = set(words.norms[first:stop])
        if norms & CITED_WORDS and self.cited:
            return self.cited[0]
        if new is None and norms & TITLE_WORDS:  # "додав голова ОВА", "the governor said": the one named so before
            titled = next((one for one in reversed(self.speakers) if not one.organisation and _titled(one, norms)), None)
            if titled is not None:
                return titled
        if new is None and _COMPANY.search(self.body, who[0], who[1]):
            # "regional power company Chernihivoblenergo", "енергокомпанія ДТЕК": the company, not the oblast's office.
            one = one_word_name(self.body[who[0] : who[1]], self.regions.names_a_place, self.body[max(0, who[0] - 40) : who[0]])
            if one is not None:
                self.speakers.append(one)
                reading.organisation = one  # "…, the company added": this company
                return one
        if new is None or names_an_office(new.name):  # "в Сумській ОВА": the office, not a person of that name
            # "За даними ОВА" after "повідомили в Сумській обласній військовій адміністрації": the office named before,
            # not that of an oblast the sentence names ("з території Курської області").
            kind = unplaced_office(self.body[who[0] : who[1]])
            earlier = kind and next(
                (one for one in reversed(self.speakers) if one.organisation and office_kind(one.name) == kind), None
            )
            if earlier:
                return earlier
            new = office_speaker(self.body[who[0] : who[1]], lambda: self._oblast_names(start, end), self.language) or new
        if new is not None:  # "Russia's Defence Ministry" is a ministry named, not "the ministry" named before
            self.speakers.append(new)
            return new
        body = body_by_kind(self.body[who[0] : who[1]]) or quoted_body(self.body[who[0] : who[1]])
        if body is not None:  # "The Sumy regional police said …", "Поліція Чернігівщини повідомила …"
            self.speakers.append(body)
            reading.organisation = body
            return body
        if norms & BACK_TO_ORGANISATION:
            # "Місія пише, що …": the body named before by that word ("Моніторингова місія ООН"), else the last that spoke.
            named_so = next(
                (key for key in reversed(list(self.named_words)) if norms & BACK_TO_ORGANISATION & self.named_words[key]), None
            )
            # Else the body the sentence opens with ("The week before last, Ukrenergo introduced …, the company said").
            named_so = named_so or self._opening_source(start, who[0])
            if named_so is not None or reading.organisation is not None:
                return named_so or reading.organisation
            # A body the archive does not know, named before ("… regional power company Chernihivoblenergo said. …, the
            # company added.").
            body = next((one for one in reversed(self.speakers) if one.organisation), None)
            if body is not None:
                return body
        if norms & (BACK_WORDS | CITED_WORDS):  # "the Institute noted", with no cited source: the one named before
            return reading.last or self._subject(who) or (self.cited[0] if self.cited else None)
        # A surname alone ("за словами Волошина", "according to Fedorov") is a speaker named before in full.
        for earlier in reversed(self.speakers):
            if normalize(earlier.name.split()[-1]) in norms:
                return earlier
        if norms & DATA_WORDS:
            self._by_data = True
            return self.cited[0] if self.cited else reading.last or self.publisher
        # A company or body named by one word ("Ukrenergo said", "ДТЕК повідомила", "state energy company Naftogaz").
        one = one_word_name(self.body[who[0] : who[1]], self.regions.names_a_place, self.body[max(0, who[0] - 40) : who[0]])
        if one is not None and (earlier := self._named_shorter(one.name)) is not None:
            reading.organisation = earlier  # "according to the Navy" after "the Ukrainian Navy said"
            return earlier
        if one is not None:
            self.speakers.append(one)
        return one

    def _named_shorter(self, name: str) -> Hashable | None:
        """The known source named earlier in the article by words that hold every word of `name` ("Air Force" of "the
        Ukrainian Air Force"), the latest if several."""
        norms = set(tokenize(name).norms) - _ARTICLES
        found = [key for key, words in self.named_words.items() if norms and norms <= words]
        return found[-1] if found else None

    def _subject(self, who: tuple[int, int]) -> Hashable | None:
        """A known source the sentence opens with ("The Foreign Ministry condemns …, the ministry's statement says")."""
        line_start = self.body.rfind("\n", 0, who[0]) + 1
        opening = tokenize(self.body[line_start : min(who[0], line_start + 120)])
        match = next(iter(self.sources.find(opening, 0, min(len(opening), 8))), None)
        return match.keys[0] if match and match.first <= 1 else None
