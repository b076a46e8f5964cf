"""What the claim finder (reports/importers/claims.py) makes of a span of an article once it knows who says it: the
suggested claim (`SuggestedClaim`), its clauses, the places, dates, number and topic inside it, and whether the span
states something checkable. The finder holds the body, its tokens and what was read over the whole text once
(`occurrences`, `quantities`, `mentions`, `topic_words` and the spans that index them)."""

import datetime
import re
from bisect import bisect_left
from collections.abc import Hashable
from typing import NamedTuple

from reports.importers.attribution import ANY, SAYING, speech_level
from reports.importers.claim_words import CLAUSE_BREAK, LASTING, inside, statement, trim
from reports.importers.dates import DAY, Occurrence, is_since
from reports.importers.day_phrases import MONTH, WEEK
from reports.importers.events import reports_nothing
from reports.importers.quantities import Quantity, best_quantity
from reports.importers.speakers import NewClaimant
from reports.importers.text import line_sentences, tokenize
from reports.importers.topics import topic_between


class SuggestedClaim(NamedTuple):  # a tuple: a worker process sends back thousands per second
    statement: str
    quote: str
    start: int
    end: int
    claimant: Hashable | NewClaimant  # a known source's key, or a speaker the archive does not know yet
    asserted_on: datetime.date
    occurred: Occurrence | None
    topic: str
    quantity: Quantity | None
    regions: tuple[int, ...]
    in_lead: bool = False  # quoted from the lead (offsets in the lead), which the body does not repeat


# A verb of calling a thing something, just before the words said (see _suggest), and words in quotation marks.
_NAMED = re.compile(
    r"\b(?:назвав|назвала|назвали|назвало|назвавши|називає|називають|назвал|назвала|назвали|называет|"
    r"called|calls|described|describes|branded|dubbed)\s+$",
    re.IGNORECASE,
)
_NAMING = re.compile(r"(?:назвавши|calling|describing)\s", re.IGNORECASE)  # "…, назвавши її «черговим фейком»"
_QUOTED_WORDS = re.compile(r"[«“\"][^«»“”\"]{2,}[»”\"]?")

# A number counting what the sentence reports ("12 private houses"), though no measure the quantities know follows it.
_COUNT = re.compile(
    r"(?:(?<![\w.,])\d{1,6}(?:[ ,]\d{3})*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds|"
    r"два|дві|три|чотири|п[’'ʼ]?ять|шість|сім|вісім|дев[’'ʼ]?ять|десять|двоє|троє|четверо|п[’'ʼ]?ятеро|шестеро|семеро|"
    r"двох|трьох|чотирьох|п[’'ʼ]?яти|десятки|сотні))\s+(?:[^\W\d_]{3,}|of\s+(?:them|these|those|the)\b|з\s+них\b)",
    re.IGNORECASE,
)

# What happened to people or buildings, said with no number ("A 48-year-old man was injured", "загинула жінка", "the roof
# was damaged"): as checkable as a number, when a report goes on.
_HARM = re.compile(
    r"\b(?:killed|injured|wounded|hurt|died|damaged|destroyed|загину\w*|загинул\w*|поранен\w*|постражда\w*|травмован\w*|"
    r"пошкоджен\w*|пошкодил\w*|зруйнован\w*|знищен\w*|погиб\w*|ранен\w*|поврежден\w*|разрушен\w*|вибит\w*|згорі\w*|"
    r"shattered|burned|burnt|dead|bodies|тіла|загиблих|без\s+(?:світла|електропостачання|електрики|тепла|опалення|газу|води)|знеструмлен\w*|"
    r"without\s+(?:power|electricity|heating|water)|blackouts?|outages?)\b",
    re.IGNORECASE,
)

# Words of fighting, in quotation marks as elsewhere: an attack, a weapon, an assault, an operation.
_WAR_WORDS = re.compile(
    r"\b(?:attack\w*|strik\w*|struck|shell\w*|missiles?|drones?|bombs?|assaults?|advanc\w*|aimed|fir(?:ed|ing)|"
    r"captur\w*|occup\w*|liberat\w*|seiz\w*|withdr\w*|просун\w*|просуван\w*|захопи\w*|захопл\w*|окупува\w*|звільни\w*|"
    r"ракет\w*|дрон\w*|бпла|балістик\w*|авіабомб\w*|удар\w*|бив|б[’'ʼ]?є|обстр[іе]л\w*|штурм\w*|прорва\w*|наступ\w*|"
    r"атак\w*|операці\w*|резерв\w*|позиці\w*)\b",
    re.IGNORECASE,
)

_OPENING_QUOTES = "\"“«„'‘"

_AND_THAT = re.compile(r",\s+(?:and\s+that|і\s+що|та\s+що|а\s+також\s+що|и\s+что)\s+", re.IGNORECASE)
_SAID_BEFORE = re.compile(
    r",\s*[^,]{2,60}?\s+(?:said|says|reported|added|stated|повідомили|повідомив|повідомила|заявили|"
    r"заявив|заявила|додали|додав|додала)\s*$",
    re.IGNORECASE,
)
# The Air Force's second count after its first, in one sentence: "Сили ППО збили 14 ракет …, у восьми локаціях
# зафіксовано влучання", "…, while hits were recorded at nine locations", "adding that hits had been recorded at 14
# locations": two things counted.
_HITS_RECORDED = re.compile(
    r",\s+(?:(?:while|and|adding\s+that)\s+)?(?=hits\s+(?:were|had\s+been|have\s+been)\s+recorded\b|"
    r"(?:а\s+|ще\s+|також\s+)*(?:у|в)\s+\S+\s+(?:локаціях|місцях|точках)\s+(?:зафіксовано|зафіксували)\s+влучання|"
    r"влучання\s+(?:зафіксовано|зафіксували)|"
    # "… атакував Україну 86 ударними дронами, 61 з них збили …", "…, 58 of them were shot down".
    r"\d[\d\s]*\s+(?:з\s+них|із\s+них|of\s+them|of\s+which)\s+(?:\w+\s+)?(?:збил\w*|знешкодж\w*|подавил\w*|were|had\s+been)|"
    # A total since the invasion, then the day's part: "…since February 2022, including 1,240 over the past day",
    # "…, з них 1 240 — за минулу добу".
    r"including\s+[\d,. ]+\s+(?:\w+\s+)?(?:over|in|during)\s+the\s+(?:past|last)\s+(?:day|24)|"
    r"з\s+них\s+[\d\s]+\s*[—–-]?\s*(?:за|протягом)\s+(?:минулу\s+|останню\s+)?добу)"
    # Two reports of a summary, the speaker between them: "…, the report said, while in the Lyman direction …".
    r"|,\s*(?:the\s+)?[^,]{2,40}?\s+(?:said|reported|added),\s+(?:while|whereas)\s+",
    re.IGNORECASE,
)

_COUNT_START = re.compile(r"(?:since|з|від|с)\s+(?:the\s+)?(?:beginning|start|початку|начала)\b", re.IGNORECASE)

_SAID_DATES = (DAY, WEEK, MONTH)


class ClaimSpans:
    """The span readers of the claim finder (see the module's docstring)."""

    def _places(self, start: int, end: int) -> tuple[int, ...]:
        """The most specific places named between two offsets."""
        if self._mention_spans is not None:  # in text order: those inside are one slice
            return self.regions.in_span(inside(self.mentions, self._mention_spans, start, end), start, end)
        return self.regions.in_span(self.mentions, start, end)

    def _dates(self, start: int, end: int) -> list[Occurrence]:
        return inside(self.occurrences, self._occurrence_spans, start, end)

    def _quantity(self, start: int, end: int) -> Quantity | None:
        return best_quantity(inside(self.quantities, self._quantity_spans, start, end))

    def _checkable(self, start: int, end: int) -> bool:
        return bool(
            self._dates(start, end)
            or self._quantity(start, end)
            or self._places(start, end)
            or _COUNT.search(self.body, start, end)
            or _HARM.search(self.body, start, end)
        )

    def _words_between(self, start: int, end: int) -> tuple[int, int] | None:
        """The range of the body's words that lie between two offsets: the words of self.body[start:end] read on its
        own. None when a word crosses either offset, and would be read otherwise on its own."""
        starts, words = self.tokens.starts, self.tokens.words
        first, stop = bisect_left(starts, start), bisect_left(starts, end)
        if (first and starts[first - 1] + len(words[first - 1]) > start) or (
            stop > first and starts[stop - 1] + len(words[stop - 1]) > end
        ):
            return None
        return first, stop

    def _speech_levels(self, start: int, end: int) -> tuple[int, int]:
        """The highest speech_level() of the words of the sentence start:end, and of those after its last comma."""
        words = self._words_between(start, end)
        if words is None:
            return SAYING, SAYING
        first, stop = words
        after_comma = bisect_left(self.tokens.starts, self.body.rfind(",", start, end), first, stop)
        return max(self._speech[first:stop], default=ANY), max(self._speech[after_comma:stop], default=ANY)

    def _says_more(self, start: int, end: int) -> bool:
        """Whether a verb of saying follows the quoted words ("назвав цю заяву «вигадкою» і наголосив, що …")."""
        closing = max(self.body.rfind(mark, start, end) for mark in '»”"')
        return closing > 0 and any(speech_level(word) == SAYING for word in tokenize(self.body[closing:end]).words)

    def _suggest(self, start, end, claimant, said_on: Occurrence | None, *, explicit: bool, period=None) -> None:
        start, end = trim(self.body, start, end)
        sentences = line_sentences(self.body, start, end) if ". " in self.body[start:end] else [(start, end)]
        if len(sentences) > 2:
            # A quotation of several sentences ("«Ракетний удар по Металургійному району. Попередньо — четверо
            # поранених. … Всі служби на місцях», — написав він."): each sentence that states something is a claim.
            # (Two sentences are one quote: "«Уночі ворог атакував Харків дронами. Пошкоджено три будинки»".)
            spans = []
            for index, (sentence_start, sentence_end) in enumerate(sentences):
                if index == 0 or self._checkable(sentence_start, sentence_end):
                    spans += self._suggest(sentence_start, sentence_end, claimant, said_on, explicit=explicit, period=period)
            return spans
        if end - start < 12 or " " not in self.body[start:end] or reports_nothing(self.body[start:end]):
            return []  # a word alone, a question, an appeal, a state that remains
        if (
            (_NAMED.search(self.body, max(0, start - 24), start) or _NAMING.match(self.body, start, end))
            and _QUOTED_WORDS.search(self.body, start, end)
            and not self._says_more(start, end)
        ):
            # "Пєсков назвав атаки «терористичними»", "назвавши її «черговим фейком»", "called the strike "a war crime"":
            # what someone calls a thing, in their words, states nothing checkable.
            return []
        if (
            start
            and self.body[start - 1] in _OPENING_QUOTES
            and not self._checkable(start, end)
            and not _WAR_WORDS.search(self.body, start, end)
        ):
            # Words in quotation marks that name no place, number, date or harm: an opinion ("This is yet another
            # attempt to disrupt our grain corridor", "We need more Patriot systems"), no claim.
            return []
        spans = []
        for clause_start, clause_end in self._clauses(start, end):
            span = (clause_start, clause_end)
            if span in self.claims and not explicit:
                continue
            self.claims[span] = self._claim(clause_start, clause_end, start, end, claimant, said_on, period)
            spans.append(span)
        for index in range(1, len(spans)):  # "…, and that 61 of the drones were downed": the night said before
            self._date_from(spans[:index], spans[index : index + 1])
        return spans

    def _clauses(self, start: int, end: int) -> list[tuple[int, int]]:
        # "… said Russia launched 88 drones during the night, and that 61 of the drones were downed": two things said.
        that = _AND_THAT.search(self.body, start, end) or _HITS_RECORDED.search(self.body, start, end)
        if that is not None:
            # "…, the Air Force said, adding that …": the first part without the words naming who said it.
            said = _SAID_BEFORE.search(self.body, start, that.start())
            first_end = said.start() if said else that.start()
            return [*self._clauses(*trim(self.body, start, first_end)), *self._clauses(*trim(self.body, that.end(), end))]
        # A break begins with a comma or a semicolon: without one the sentence is one clause, and breaks are looked
        # for from the first one on.
        marks = [place for place in (self.body.find(",", start, end), self.body.find(";", start, end)) if place >= 0]
        if not marks:
            return [(start, end)]
        cuts = [start]
        for match in CLAUSE_BREAK.finditer(self.body, min(marks), end):
            cuts.extend([match.start(), match.end()])
        if len(cuts) == 1:
            return [(start, end)]
        cuts.append(end)
        pieces = [trim(self.body, cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]
        dated = [bool(self._dates(s, e)) for s, e in pieces]
        if sum(dated) < 2:
            return [(start, end)]
        # Each clause runs up to and including one dated piece; what follows the last date joins the last clause.
        clauses, clause_start = [], pieces[0][0]
        for index, (_piece_start, piece_end) in enumerate(pieces):
            if index == len(pieces) - 1:
                clauses.append((clause_start, piece_end))
            elif dated[index] and any(dated[index + 1 :]):
                clauses.append((clause_start, piece_end))
                clause_start = pieces[index + 1][0]
        return clauses

    def _claim(self, start, end, sentence_start, sentence_end, claimant, said_on, period=None) -> SuggestedClaim:
        quote = self.body[start:end]
        occurred = self._dates(start, end)
        if occurred and LASTING.search(quote):  # "тривають з літа 2024 року": how long, not when
            occurred = [date for date in occurred if not is_since(self.body, date)]
        # "the eleventh blackout since February 2022", "lost 781,260 troops since the beginning of the full-scale invasion
        # on Feb. 24, 2022": a count's start years before, not when the event happened.
        occurred = [date for date in occurred if not ((self.published_on - date.end).days > 365 and self._counted_from(date))]
        # "Since April 1, 412 people have been evacuated": from that day to the article's.
        occurred = [
            date._replace(end=self.published_on)
            if date.precision == DAY and date.start == date.end < self.published_on and is_since(self.body, date)
            else date
            for date in occurred
        ]
        asserted_on = said_on.start if said_on and said_on.precision == DAY else self.published_on
        # Said on a day, or in a week or a month the words name with the speaker ("Last week, local authorities
        # announced …", "Моніторингова місія зафіксувала у серпні 168 загиблих").
        when = occurred[0] if occurred else period or (said_on if said_on and said_on.precision in _SAID_DATES else None)
        places = self._places(start, end) or self._places(sentence_start, sentence_end)
        return SuggestedClaim(
            statement=statement(quote),
            quote=quote,
            start=start,
            end=end,
            claimant=claimant,
            asserted_on=asserted_on,
            occurred=when,
            topic=topic_between(self.topic_words, start, end),
            quantity=self._quantity(start, end),
            regions=places,
        )

    def _date_from(self, first: list[tuple[int, int]], then: list[tuple[int, int]]) -> None:
        """Date the undated claims of the second part of a sentence by the first part's date ("Russia launched 93 drones
        overnight, the Air Force reported; 62 of them were shot down": the same night)."""
        dated = next((self.claims[span].occurred for span in reversed(first) if self.claims[span].occurred), None)
        for span in then:
            if dated is not None and self.claims[span].occurred is None:
                self.claims[span] = self.claims[span]._replace(occurred=dated)

    @staticmethod
    def _date_undated(said, period: Occurrence) -> None:
        for finder, span in said:  # the lead's finder, for a lead the body's first sentence speaks of
            if span in finder.claims and finder.claims[span].occurred is None:
                finder.claims[span] = finder.claims[span]._replace(occurred=period)

    def _counted_from(self, date: Occurrence) -> bool:
        """Whether a date is where a count starts: "since February 2022", "since the beginning of the invasion on …"."""
        return is_since(self.body, date) or _COUNT_START.search(self.body, max(0, date.span[0] - 60), date.span[0]) is not None
