"""The words the claim finder reads attribution by, and the small text helpers it cuts quotes with."""

import re
from bisect import bisect_left, bisect_right

from reports.importers.text import normalize

# Words that name the cited source without naming it, and words that point back to the last claimant.
CITED_WORDS = frozenset(
    normalize(word)
    for word in ["analysts", "experts", "researchers", "institute", "report", "assessment", "аналітики", "експерти",
                 "інституті", "звіті", "аналитики", "эксперты", "институте", "докладе"]
)  # fmt: skip
BACK_WORDS = frozenset(
    normalize(word)
    for word in ["they", "it", "he", "she", "him", "her", "them", "він", "їх", "его", "ее", "вона", "його", "її",
                 "ministry", "agency", "department", "mission",
                 "вони", "воно", "відомство", "місія", "они", "їхніми", "їхніх", "їхні",
                 # "за словами посадовця": the official named before
                 "посадовця", "посадовець", "посадовиці", "посадовиця", "чиновника",
                 "ведомство", "миссия", "повідомленні", "повідомлення", "зведенні", "заяві", "statement",
                 # "according to the update", "the military said": the report or the body named before
                 "update", "summary", "briefing", "military", "оновленні", "оновлення",
                 # "уточнили там": where the last claimant spoke
                 "там"]
)  # fmt: skip
# Words for an organisation pointing back: the last organisation that spoke, not a person who spoke for it since
# ("IAEA Director General Rafael Grossi said …. The agency noted …").
BACK_TO_ORGANISATION = frozenset(
    normalize(word)
    for word in ["ministry", "agency", "department", "mission", "institute", "відомство", "місія", "ведомство", "миссия",
                 # "the think tank said": the institute named before; "the company added", "додали в компанії"
                 "tank", "think-tank", "company", "компанії", "компанія", "компанією", "service", "службі", "служба",
                 "authority", "міністерство", "міністерстві", "міністерства", "міністерству", "military"]
)  # fmt: skip
# Titles that name a person by office alone ("додав голова ОВА", "the governor said"): the speaker named before with
# that title in their role.
TITLE_WORDS = frozenset(
    normalize(word)
    for word in ["голова", "начальник", "очільник", "очільниця", "речник", "речниця", "губернатор", "мер", "governor",
                 "mayor", "spokesperson", "spokesman", "spokeswoman", "head", "chief", "глава", "губернатора"]
)  # fmt: skip
# A source the words leave unnamed ("джерела в Силах оборони", "a source in the Security Service of Ukraine", "two
# sources familiar with the matter", "за словами співрозмовника", "officials who spoke on condition of anonymity",
# "Ukrainian officials said", "local authorities announced", "місцева влада повідомила"): the
# publisher, whom the source told, is the claimant; the organisation named is where the source works, not who speaks.
UNNAMED = re.compile(
    r"^(?:[\w’'ʼ.-]+\s+){0,3}?(?:sources?|insiders?|interlocutors?|officials|authorities|media|ЗМІ|СМИ|джерел[оаіу]?|джерелам|"
    r"співрозмовни(?:к|ка|ки|ку|ків|ця|ці)|посадовц(?:і|ів|ям)|чиновник(?:и|ів)|влад(?:а|и|і)|"
    # Residents and witnesses unnamed ("розповіли Крим.Реаліям місцеві жителі", "residents said"): what the publisher heard.
    r"жителі|мешканці|очевидці|residents|witnesses|eyewitnesses|locals|"
    r"інсайдер\w*|источник\w*|собеседник\w*)\b|\bon\s+(?:the\s+)?condition\s+of\s+anonymity\b|\bна\s+умовах\s+анонімності\b",
    re.IGNORECASE,
)
# Looked for in the words as written, without their first letter, so that a capitalised word ("Sources said") is found.
_UNNAMED_CUE = re.compile(
    r"ource|nsider|nterlocutor|nonymity|fficials|uthorities|edia|ЗМІ|МИ|жерел|піврозмовни|осадовц|иновник|лад|нсайдер|нонімн|сточник|обеседник|"
    r"ителі|ешканці|чевидці|esidents|itnesses|ocals"
)


def unnamed(words: str) -> bool:
    """Whether the words naming a speaker leave the source unnamed (see UNNAMED)."""
    return _UNNAMED_CUE.search(words) is not None and UNNAMED.search(words) is not None


# "According to data for May 19": figures whose source the words do not name are the cited source's, else the
# publisher's; any other reading of the sentence that names a speaker goes first.
DATA_WORDS = frozenset(
    normalize(word) for word in ["data", "figures", "information", "даними", "дані", "інформацією", "данным", "данные"]
)
# A state said to last since a date ("бої за Торецьк тривають з літа 2024 року", "the fighting has continued since
# August"): the date says how long it has lasted, not when something happened.
LASTING = re.compile(
    r"\b(?:трива(?:є|ють|ла|ли|ло|ти)|продовжу(?:ється|ються|вався|валася|валися|валося)|last(?:s|ed|ing)|continu(?:es?|ed|ing)|"
    r"ongoing|going\s+on|дл(?:ится|ятся|илась|ились|илось)|продолжа(?:ется|ются|лась|лись|лось))\b",
    re.IGNORECASE,
)
# A sentence reporting two events, each with its date, gives two claims: "captured it on July 3, 2022, but later …".
CLAUSE_BREAK = re.compile(r",\s+(?:but|while|whereas|however|але|однак|проте|а|но|однако)\s+|;\s+", re.IGNORECASE)
LINE = re.compile(r"[^\n]+")
LEAD_WORDS = re.compile(r"[^\W\d_]+")
# A report's words naming the period it covers, just before the date: "report for", "зведення за", "data for".
# A daily report named with its day speaks of that day too: "in its morning report on July 29", "the ISW assessed on
# March 19", "у зведенні від 5 лютого".
REPORT_FOR = re.compile(
    r"(?:\bfor|\bза|\bдані\s+на|\bданные\s+за|\b(?:report|update|assessment|summary|зведенні|звіті|оновленні|сводке)\s+"
    r"(?:on|of|dated|від|от)|\bassessed\s+on)\s+$",
    re.IGNORECASE,
)
QUOTE_MARKS = "\"'“”«»„ "
TRAILING = ".,;:!—–- "


def starts_and_ends(items) -> tuple[list[int], list[int]]:
    return [item.span[0] for item in items], [item.span[1] for item in items]


def inside(items: list, spans: tuple[list[int], list[int]], start: int, end: int) -> list:
    """The items (in text order, not overlapping) that lie between two offsets."""
    starts, ends = spans
    return items[bisect_left(starts, start) : bisect_right(ends, end)]


INLINE_MARKER = re.compile(
    r"(?:Let\s+us\s+remind\s+you|We\s+remind\s+you|As\s+a\s+reminder|Recall|Нагадаємо|Напомним)"
    r"(?:\s*,\s*|\s+that\s+|\s*:\s*|\s+)(?:що\s+|что\s+)?",
    re.IGNORECASE,
)


def after_marker(body: str, start: int, end: int) -> int:
    """Where the words after an inline "Нагадаємо, …" / "Let us remind you that …" begin (the start, without one)."""
    marker = INLINE_MARKER.match(body, start, end)
    return marker.end() if marker else start


def trim(body: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding spaces, closing punctuation, and quotation marks that enclose it whole."""
    while start < end and body[start] in QUOTE_MARKS:
        start += 1
    while end > start and body[end - 1] in TRAILING + QUOTE_MARKS:
        end -= 1
    # A quotation mark left inside alone (opened, never closed) belongs to the words: keep the span as it is.
    return start, end


def statement(quote: str) -> str:
    text = " ".join(quote.split())
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


# The publisher relaying a sentence it attributes to another, at its end: ", передає УНН", ", UNN reports".
RELAYING = ("передає", "повідомляє", "пише", "інформує", "передают", "передает", "сообщает", "reports", "writes", "reported")
_RELAYING_VERBS = "|".join(RELAYING)
RELAYED = re.compile(
    rf",\s*(?:(?:{_RELAYING_VERBS})\s+(?P<who>[^,]{{2,40}}?)|(?P<named>[^,]{{2,40}}?)\s+(?:{_RELAYING_VERBS}))\s*[.!]?$"
)
