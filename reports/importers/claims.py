"""Suggested claims: the sentences of an article that carry an assertion attributed to someone.

A sentence is suggested when it says who asserts it ("ISW concludes", "according to the General Staff",
"This is stated in the report of …" for the sentence before), or when it goes on reporting what an attributed
sentence began ("They recall that …. The occupiers first captured …") and states something checkable: a date,
a number or a place. Background the publisher adds after "Let us remind you" is never continued: only words
attributed there in so many words become claims, and then of whoever is named.

Who says a sentence is chosen in reports/importers/claimant_choice.py; what a span said by someone makes (its claim,
clauses, places, dates, number) in reports/importers/claim_spans.py. This module reads the article line by line.
"""

import datetime
import re
from collections.abc import Hashable, Sequence
from itertools import pairwise

from reports.importers.attribution import ANY, LEAD, NEXT, TRAIL, attributions, marker, opens_background, speech_level
from reports.importers.boilerplate import boilerplate_spans
from reports.importers.claim_spans import ClaimSpans, SuggestedClaim
from reports.importers.claim_words import (
    LEAD_WORDS,
    LINE,
    RELAYED,
    RELAYING,
    REPORT_FOR,
    after_marker,
    starts_and_ends,
)
from reports.importers.claimant_choice import ClaimantChoice, Reading
from reports.importers.dates import DAY, find_occurrences, is_since
from reports.importers.events import habitual_attacks, says_unverified, withheld
from reports.importers.morphology import person_nominative
from reports.importers.phrases import PhraseMatcher
from reports.importers.quantities import find_quantities
from reports.importers.regions import RegionMatcher, RegionMention
from reports.importers.speakers import NewClaimant, speaker
from reports.importers.text import Tokens, line_sentences, lowered_words, tokenize
from reports.importers.topics import topic_words


def suggest_claims(
    *,
    body: str,
    published_on: datetime.date,
    language: str,
    sources: PhraseMatcher,
    publisher: Hashable | None,
    cited: Sequence[Hashable],
    regions: RegionMatcher,
    mentions: Sequence[RegionMention],
    words: Tokens | None = None,
    lead: str = "",
    lead_mentions: Sequence[RegionMention] = (),
) -> list[SuggestedClaim]:
    """The claims an editor would take from the article's body, each quoting it exactly. `words`, the body's
    tokens when the caller has them, saves reading it again.

    The lead is read first: its claims that the body does not repeat are quoted from it (in_lead), and who it says
    is speaking ("…, the governor Ivan Fedorov said") is who "he" and "according to Fedorov" in the body are.
    """
    reading = Reading()
    speakers: list[NewClaimant] = []
    before = None
    # A lead that quotes no one and names no year (the publisher's own background, "Ukrainian forces withdrew from
    # Avdiivka in February 2024", dates an event by one) has no claim to read.
    if lead and (
        max(map(speech_level, LEAD_WORDS.findall(lead)), default=ANY) > ANY
        or _YEAR.search(lead)
        or _REPORTED_BEFORE.search(body, 0, 400)  # "Ivan Fedorov … reported this on Telegram": the lead is the report
    ):
        before = _Finder(lead, published_on, language, sources, publisher, tuple(cited), regions, tuple(lead_mentions), None)
        before.run()
        reading.last = reading.chain = before.reading.last
        reading.said = before.reading.said
        if before.reading.previous:  # the lead's last sentence, attributed by none
            reading.lead_previous = (before, before.reading.previous)
        speakers = before.speakers
    finder = _Finder(body, published_on, language, sources, publisher, tuple(cited), regions, tuple(mentions), words)
    finder.speakers = speakers
    finder.interviewee = _interviewee(lead, body)
    if before is not None:
        finder.named_words = before.named_words
    from_body = finder.run(reading)
    if before is None:
        return from_body
    # Read after the body, whose first sentence may date the lead's ("This was stated in the report for May 2").
    from_lead = [before.claims[span]._replace(in_lead=True) for span in sorted(before.claims)]
    return [
        claim
        for claim in from_lead
        if claim.quote not in body and not _repeated(claim, from_body) and not _summed_up(claim, from_body)
    ] + from_body


# Places counted, not named: "near two villages", "на двох ділянках", "населеного пункту".
_UNNAMED_PLACES = re.compile(
    r"\b(?:(?:two|three|four|five|several|a\s+few)\s+(?:villages|settlements|towns|areas|sections)|"
    r"(?:двох|трьох|чотирьох|кількох|декількох|двома|трьома)\s+(?:сіл|селах|населених\s+пунктах|ділянках|ділянок|напрямках)|"
    r"населен(?:ого|ий)\s+пункт[уа]?\b)",
    re.IGNORECASE,
)


def _summed_up(lead: SuggestedClaim, body: list[SuggestedClaim]) -> bool:
    """Whether a lead's claim sums up what the body reports by the same claimant, counting places it does not name
    ("Russian troops have advanced near two villages on the Lyman direction", then "The enemy advanced near Yampil and
    near Drobysheve"): the body's claim is the one to record."""
    return _UNNAMED_PLACES.search(lead.quote) is not None and any(claim.claimant == lead.claimant for claim in body)


def _interviewee(lead: str, body: str) -> NewClaimant | None:
    """The person an interview's answers are by, when the text says whom the publisher spoke to and the answers are
    lines opening with a dash."""
    if "\n—" not in body and "\n–" not in body and "\n- " not in body:
        return None
    found = _INTERVIEW.search(lead) or _INTERVIEW.search(body, 0, 1500)
    person = speaker(found.group("who")) if found else None
    if found and found.group("who").strip().lower() in _HIM:
        # "Командир батальйону Олександр Стецюк … . Цензор.НЕТ поговорив із ним про те, …": the person named before.
        before = found.string[max(0, found.start() - 400) : found.start()]
        paragraph = before[before.rfind("\n") + 1 :]
        name = _NAME_PAIR.search(paragraph)
        person = speaker(paragraph[: name.end()]) if name else None
    if person is None or person.organisation:
        return None
    return person._replace(name=person_nominative(person.name))


def _repeated(lead: SuggestedClaim, body: list[SuggestedClaim]) -> bool:
    """Whether the body repeats a claim of the lead in other words: a claim of the same claimant whose count is the same
    ("At least 219 civilians were killed …" and "… that at least 219 civilians were killed and 1,187 injured")."""
    counted = lead.quantity
    return counted is not None and any(
        claim.claimant == lead.claimant and claim.quantity is not None and claim.quantity[:2] == counted[:2] for claim in body
    )


_HIM = frozenset({"ним", "нею", "him", "her"})
_NAME_PAIR = re.compile(r"[A-ZА-ЯІЇЄҐ][a-zа-яіїєґ’'ʼ-]+\s+[A-ZА-ЯІЇЄҐ][a-zа-яіїєґ’'ʼ-]+")
# An interview's lines: the question and the answer open with a dash.
_ANSWER = re.compile(r"\s*[—–-]\s")
# Who was interviewed: "Громадське поговорило з начальником … Сергієм Ковтуном про те, …", "The Kyiv Independent spoke
# to Kharkiv Mayor Ihor Terekhov about …".
_INTERVIEW = re.compile(
    r"(?:поговори(?:в|ла|ло|ли)|поспілкува(?:вся|лася|лося|лися)|розпита(?:в|ла|ло|ли)|spoke|talked)\s+(?:з|із|зі|to|with)\s+"
    r"(?P<who>[^.?!]{3,160}?)\s+(?:про|щодо|about|on\s+how)\b",
    re.IGNORECASE,
)
_TIME_STAMP = re.compile(
    r"(?:(?:Update|Updated|UPDATE|Оновлено|Оновлення|Обновлено)(?:,|\s+о|\s+at)?\s*)?(?:[01]?\d|2[0-3])[:.][0-5]\d"
    r"(?:\s*(?:GMT|UTC|CET|EET|EEST|за\s+київським\s+часом))?(?:\s*[—–:.-]\s+|\s+(?=(?-i:[A-ZА-ЯІЇЄҐ])))"
)
_EARLIER = re.compile(r"\b(?:earlier|previously|раніше|ранее)\b", re.IGNORECASE)
# A paragraph opened by the publisher's label of what it holds, as some outlets lay out every item ("Source: Serhii
# Lysak, Head of … on Telegram", "Quote: "…"", "Details: Lysak said …", "Background: …"; "Джерело:", "Цитата:",
# "Деталі:", "Передісторія:"): the source names who said the paragraph before and what follows; the rest are read
# without their label, the background as background.
_LABEL = re.compile(
    r"(?P<label>Source|Sources|Quote|Details|Background|Context|Джерело|Джерела|Цитата|Деталі|Подробиці|Передісторія|"
    r"Контекст|Довідка|Источник|Цитата|Подробности|Предыстория)\s*:\s+"
)
_SOURCE_LABELS = frozenset({"source", "sources", "джерело", "джерела", "источник"})
_BACKGROUND_LABELS = frozenset({"background", "context", "передісторія", "контекст", "довідка", "предыстория"})
_CAPTION_LENGTH = 160
_SENTENCE_ENDS = ".!?…»\"”)'’:;"
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_REPORTED_BEFORE = re.compile(
    r"\b(?:reported|announced|stated|said|wrote|confirmed)\s+this\b|(?:^|\n)(?:Про\s+це|Об\s+этом)\b|"
    # "This was reported by the General Staff …", "Таку оцінку оприлюднило …"
    r"(?:^|\n)(?:This|That|It|Such)\s+(?:\w+\s+){0,3}?(?:stated|said|reported|noted|written|announced|published)\b|"
    r"(?:^|\n)(?:Таку|Такі|Цю|Ці)\s+(?:оцінку|оцінки|інформацію|дані|цифри)\b"
)


class _Finder(ClaimSpans, ClaimantChoice):
    def __init__(self, body, published_on, language, sources, publisher, cited, regions, mentions, tokens):
        self.body, self.published_on, self.language = body, published_on, language
        self.sources, self.publisher, self.cited = sources, publisher, cited
        self.regions, self.mentions = regions, mentions
        self._by_data = False  # whether the last claimant found was only "data" (see DATA_WORDS)
        self.claims: dict[tuple[int, int], SuggestedClaim] = {}
        self.speakers: list[NewClaimant] = []
        self.named_words: dict[Hashable, set[str]] = {}  # the words each known source was named by so far
        self.interviewee: NewClaimant | None = None  # who answers an interview's questions (see _INTERVIEW)
        # Dates and numbers are read once over the whole text; sentences and clauses take those inside them. Both
        # come in text order without overlaps, so those inside a span are one slice, found by bisection.
        self.tokens = tokens if tokens is not None else tokenize(body)
        self._speech = list(map(speech_level, self.tokens.words))  # for each word of the body
        words = lowered_words(body, self.tokens)
        self.occurrences = find_occurrences(body, published_on, language, words=words)
        self.quantities = find_quantities(body, language, words=words)
        self.topic_words = topic_words(body, self.tokens)
        self._occurrence_spans = starts_and_ends(self.occurrences)
        in_order = all(one.end <= next_one.start for one, next_one in pairwise(mentions))
        self._mention_spans = ([m.start for m in mentions], [m.end for m in mentions]) if in_order else None
        self._quantity_spans = starts_and_ends(self.quantities)

    def run(self, reading: Reading | None = None) -> list[SuggestedClaim]:
        reading = self.reading = reading or Reading()
        background = False
        furniture = {start for start, _end in boilerplate_spans(self.body)}
        lines = list(LINE.finditer(self.body))
        # The last line that is no furniture: a "Source:" line after it credits the page, one before it names a speaker.
        last = max((index for index, line in enumerate(lines) if line.start() not in furniture), default=-1)
        for index, line in enumerate(lines):
            label = _LABEL.match(self.body, line.start(), line.end())
            name = label.group("label").lower() if label else ""
            if name in _SOURCE_LABELS and index < last:
                self._source_line(label.end(), line.end(), reading)
                continue
            if line.start() in furniture:
                continue  # a caption, a link, a byline, a headline listed under "Read also:": never a claim
            kind = marker(line.group())
            if kind:
                background = kind == "background"
                fresh = Reading()
                if not background:  # "Що відомо": who "the report" and "he" are stays; "йдеться у зведенні" is its own
                    fresh.last, fresh.organisation = reading.last, reading.organisation
                if kind == "details":  # "Деталі", "Details": the details of the report named before go on
                    fresh.chain = reading.last
                reading = self.reading = fresh
                continue
            answer = _ANSWER.match(line.group()) if self.interviewee is not None else None
            if answer is not None:
                if line.group().rstrip().endswith("?"):
                    continue  # the interviewer's question
                reading.chain = reading.last = self.interviewee  # the answer: the one interviewed speaks
            reading.pending = None  # an unattributed sentence waits for a speaker named in its own paragraph only
            in_background = background or opens_background(line.group()) or name in _BACKGROUND_LABELS
            # A short line that ends no sentence ("Рятувальники на місці влучання у Солом’янському районі") is a caption
            # or a heading: it carries a claim only where it names who says it.
            unfinished = line.end() - line.start() < _CAPTION_LENGTH and self.body[line.end() - 1] not in _SENTENCE_ENDS
            # A live page's time of the update opening the line ("13:05 — Mykolaiv Mayor … said"): not part of it.
            stamp = _TIME_STAMP.match(self.body, line.start(), line.end()) or answer
            opens = line.start() + stamp.end() if answer is not None else stamp.end() if stamp else line.start()
            opens = label.end() if label else opens
            for start, end in line_sentences(self.body, opens, line.end()):
                self._read(start, end, reading, in_background, unfinished)
        return [self.claims[span] for span in sorted(self.claims)]

    def _source_line(self, start: int, end: int, reading: Reading) -> None:
        """A "Source: …" line: its speaker said the sentence before it, if no one was named there, and what follows."""
        claimant = self._claimant((start, end), reading, start, end)
        if claimant is None:
            return
        if reading.previous and not reading.said:
            self._suggest(*reading.previous, claimant, None, explicit=True)
        reading.chain = reading.last = claimant
        reading.previous, reading.said, reading.pending = None, (), None

    def _read(self, start: int, end: int, reading: Reading, in_background: bool, unfinished: bool = False) -> None:
        if says_unverified(self.body[start:end]):  # "… has not been able to verify these reports": a note, no claim
            reading.previous, reading.said = (start, end), ()
            reading.chain = None  # what follows the note is the publisher's again, no more the speaker's
            return
        if withheld(self.body[start:end]):  # "It declined to say how many people were hurt": nothing is claimed
            reading.previous, reading.said = (start, end), ()
            return
        # "Нагадаємо, 25 жовтня Генштаб повідомив про …": the reminder's marker is not part of who speaks.
        read_from = after_marker(self.body, start, end) if in_background else start
        # "…, йдеться у зведенні Генштабу, передає УНН", "…," DeepState wrote, UNN reports": the publisher relaying what
        # the sentence attributes to another; read without the relaying words first.
        relayed = self._relayed_until(start, end)
        readings = attributions(self.body, read_from, relayed, *self._speech_levels(start, relayed)) if relayed else []
        readings = readings or attributions(self.body, read_from, end, *self._speech_levels(start, end))
        # "X, повідомили в Генштабі станом на 16:00" also reads as X saying "станом на 16:00": a leading reading that
        # leaves a few words for the claim comes after the others.
        # So does one whose words for the claim are a trailing reading's speaker ("…, поранено водія, уточнив начальник
        # міської військової адміністрації Роман Мрочко": not a claim by "У Дніпровському районі …" of "начальник …").
        leading = any(reading.kind == LEAD for reading in readings)
        trailing = [
            reading.who for reading in readings if leading and reading.kind == TRAIL and self._names_someone(*reading.who)
        ]
        readings.sort(
            key=lambda reading: (
                reading.kind == LEAD
                and (
                    reading.quote[1] - reading.quote[0] < 25
                    or any(reading.quote[0] <= who[0] and who[1] <= reading.quote[1] + 1 for who in trailing)
                )
            )
        )
        chosen = None
        for attribution in readings:
            self._by_data = False
            claimant = self._claimant(attribution.name, reading, start, end)
            if claimant is not None and (chosen is None or not self._by_data):
                chosen = (attribution, claimant)
                if not self._by_data:
                    break
        if chosen is not None:
            attribution, claimant = chosen
            if attribution.kind == TRAIL and claimant == self.publisher and not _EARLIER.search(self.body, *attribution.who):
                # "X rejected …, UNN reports": X's words; not "…, NV reported earlier", "Раніше Мілітарний писав, що …",
                # the publisher's own reporting.
                claimant = self._subject_of(*attribution.quote) or claimant
            # (With the preposition the words naming the speaker leave out: "У середу Федоров закликав …".)
            who_start = (
                attribution.who[0] - 2
                if self.body[attribution.who[0] - 2 : attribution.who[0]] in ("У ", "В ")
                else attribution.who[0]
            )
            said_on = next(iter(self._dates(who_start, attribution.who[1])), None)
            # "the report for March 26", "у зведенні за 5 лютого": the period the words speak of, when they name none.
            period = said_on if said_on and REPORT_FOR.search(self.body, max(0, said_on.span[0] - 24), said_on.span[0]) else None
            said, by = (), self
            if attribution.kind == NEXT:
                if reading.previous:
                    said = self._suggest(*reading.previous, claimant, said_on, explicit=True, period=period)
                elif reading.lead_previous:  # the body opens by saying who reported the lead
                    by, span = reading.lead_previous
                    said = by._suggest(*span, claimant, said_on, explicit=True, period=period)
                elif period:  # "… regrouping. This was stated in the ISW report for February 2."
                    self._date_undated(reading.said, period)
            else:
                said = self._suggest(*attribution.quote, claimant, said_on, explicit=True, period=period)
                if reading.pending is not None and not in_background:
                    self._suggest(*reading.pending, claimant, None, explicit=False)
            reading.pending = None
            reading.chain = None if in_background else claimant
            reading.last, reading.previous, reading.lead_previous = claimant, None, None
            reading.said = tuple((by, span) for span in said)
            return
        if not readings and "; " in self.body[start:end]:
            # "…, the Air Force reported; 62 of them were shot down": the attribution ends the first part, the second
            # goes on with the same report.
            semicolon = self.body.index("; ", start, end)
            if attributions(self.body, read_from, semicolon):
                before = set(self.claims)
                self._read(start, semicolon, reading, in_background, unfinished)
                first = set(self.claims) - before
                self._read(semicolon + 2, end, reading, in_background, unfinished)
                self._date_from(sorted(first), sorted(set(self.claims) - before - first))
                return
        if any(r.kind != NEXT for r in readings):
            reading.chain = None  # someone the archive does not know is speaking: their words are not the source's
        elif unfinished:
            pass
        elif reading.chain is not None and not in_background and self._checkable(start, end) and not self._years_ago(start, end):
            if not habitual_attacks(self.body[start:end]):  # "Нікополь щодня потерпає від ударів": background
                # "Аналітики DeepState станом на ранок 15 липня позначають …": a source the sentence opens with, as
                # its subject, speaks it, not the one before.
                subject = self._opening_source(start, end)
                if subject is not None:
                    reading.chain = reading.last = subject
                self._suggest(start, end, reading.chain, None, explicit=False)
        elif not readings and self.publisher is not None and self._background_dated(start, end, in_background):
            # The publisher's own background, dated: "Let us remind you … occupied Bakhmut in May 2023".
            self._suggest(after_marker(self.body, start, end), end, self.publisher, None, explicit=False)
            if reading.chain is not None and not in_background and self._years_ago(start, end):
                reading.chain = self.publisher  # the paragraph it opens goes on with the publisher's background
        elif not readings and reading.chain is None and not in_background and self._checkable(start, end):
            # "У ніч на 14 січня Росія атакувала Україну 112 дронами. Сили ППО знешкодили 94 дрони, повідомили в
            # Повітряних силах.": the paragraph's speaker, named in the sentence after, if it is.
            reading.pending = (start, end)
            reading.previous, reading.said = (start, end), ()
            return
        reading.previous, reading.said = (start, end), ()
        reading.pending = None

    def _names_someone(self, start: int, end: int) -> bool:
        """Whether the words name a speaker by name: a known source, a person or a body (not "it", "they")."""
        words = tokenize(self.body[start:end])
        return next(iter(self.sources.find(words, 0, len(words))), None) is not None or speaker(self.body[start:end]) is not None

    def _background_dated(self, start: int, end: int, in_background: bool) -> bool:
        """Whether an unattributed sentence is the publisher's own dated background: any dated sentence after a
        reminder; elsewhere, one that dates an event to an earlier month than the article's ("in February 2024")."""
        dates = self._dates(start, end)
        if in_background:
            return bool(dates)
        first_of_month = self.published_on.replace(day=1)
        return any(date.end < first_of_month and date.precision != DAY for date in dates) or any(
            date.precision == DAY and (self.published_on - date.end).days > 31 for date in dates
        )

    def _relayed_until(self, start: int, end: int) -> int | None:
        """Where the words by which the publisher relays the sentence begin (", передає УНН", ", UNN reports"), if it
        ends with them."""
        tail = self.body[max(start, end - 48) : end]
        if self.publisher is None or "," not in tail or not any(verb in tail for verb in RELAYING):
            return None
        match = RELAYED.search(self.body, start, end)
        if match is None:
            return None
        named = tokenize(match.group("who") or match.group("named"))
        if not any(found.keys[0] == self.publisher for found in self.sources.find(named, 0, len(named))):
            return None
        return match.start()

    def _years_ago(self, start: int, end: int) -> bool:
        """Whether a paragraph opens with a sentence whose every date lies more than a year before the article ("Russian
        forces seized the plant in March 2022", in an article of 2026), none of them a state's start ("since February
        2022"): the publisher's background, not the speaker before it going on (who may recall the past in the
        paragraph of their words: "They recall that …. The occupiers first captured … on July 3, 2022")."""
        if self.body.rfind("\n", 0, start) + 1 != start:
            return False
        dates = self._dates(start, end)
        return bool(dates) and all((self.published_on - date.end).days > 365 and not is_since(self.body, date) for date in dates)
