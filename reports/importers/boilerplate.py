"""Lines of an article that are the page around the report, not the report: photo captions, "Read also" and link
lines (and the headlines listed under a "Читайте також:" line of its own), bylines, contributor lines and author bios,
the page's notes ("Інформація уточнюється", "This is a developing story", "Editor's note:", "Correction:"),
subscription prompts. They are never claims, and the places they name are not the article's."""

import re
from functools import lru_cache

# A line that opens as furniture does.
_BOILERPLATE = re.compile(
    r"^\s*[(\[]?\s*(?:"
    r"(?:read|see)\s+(?:also|more)\b|related\s*:|subscribe\b|sign\s+up\b|follow\s+(?:us\b|(?:\S+\s+){1,3}on\s+(?:telegram|x|twitter|facebook|instagram|whatsapp|youtube)\b)|join\s+(?:us|our)\b|"
    r"photo\s*(?::|by\b)|photo\s+illustrative|illustrative\s+(?:photo|image)|"
    r"by\s+[A-Z][\w’'-]+\s+[A-Z][\w’'-]+(?:\s*(?:,|and)\s+[A-Z][\w’'-]+\s+[A-Z][\w’'-]+)*\s*(?:[;,]|$)|"
    r"(?:additional\s+)?(?:editing|reporting|writing|edited|written|compiled)\s+by\b|"
    r"читайте\s+також|дивіться\s+також|також\s+читайте|читайте\s+більше|більше\s+новин|ілюстративне\s+фото|"
    r"фото\s*:|фото\s+ілюстративне|підпис(?:уйте(?:ся|сь)|атися|ніться)|стежте\s+за|слідкуйте\s+за|"
    r"приєднуйте(?:ся|сь)|автор(?:ка)?\s*:|редактор(?:ка)?\s*:|коментар\s+редакції|"
    r"читайте\s+также|смотрите\s+также|фото\s*иллюстративное|подписывайтесь|"
    # The page's source, tags, reuse notice, a bare link, an advertisement's label.
    r"(?:source|tags|джерело|теги|теґи|источник)\s*:|при\s+(?:цитуванні|використанні|цитировании|использовании)\b|"
    r"(?:https?://|www\.)\S+\s*$|(?:advertisement|реклама)\s*$"
    r")",
    re.IGNORECASE,
)
# The page's notes on the text itself: a video's label, an editor's note, a correction, an update, a story that is still
# being written, who worked on it; the rule of underscores or dashes before the contributors. Tried only on a line whose
# first word may open one (most lines open otherwise).
_NOTES = re.compile(
    r"\s*(?:"
    r"(?:video|відео|видео)\s*:|(?:editor(?:'|’)?s|editorial)\s+note\b|note\s+from\s+the\s+(?:author|editor)\b|"
    r"примітка\s+(?:редакції|автора)|від\s+редакції\s*:|correction\s*:|corrections?\s+appended|виправлення\s*:|"
    r"(?:updated?|оновлено|доповнено|обновлено)\b(?:[^:\n]|:\d\d){0,40}:\s*(?:added|adds|this|the\s+(?:story|article)|"
    r"додано|доповнено|додали|новину|матеріал)|"
    r"this\s+(?:is\s+a\s+)?(?:developing|breaking)\s+(?:news\s+)?story|this\s+story\s+(?:is\s+developing|has\s+been\s+updated|"
    r"will\s+be\s+updated)|check\s+back\b|become\s+a\s+member\b|support\s+(?:us|our|independent)\b|"
    r"інформація\s+(?:уточнюється|оновлюється|доповнюється)|новина\s+(?:оновлюється|доповнюється)|"
    r"над\s+(?:матеріалом|текстом)\s+працювал|[_—–-]{3,}\s*$"
    r")",
    re.IGNORECASE,
)
_NOTE_FIRST_WORDS = frozenset(
    ["video", "відео", "видео", "editor's", "editor’s", "editors", "editorial", "note", "примітка", "від", "correction",
     "corrections", "виправлення", "updated", "update", "оновлено", "доповнено", "обновлено", "this", "check", "become",
     "support", "інформація", "новина", "над"]
)  # fmt: skip
_FIRST_WORD = re.compile(r"\s*([^\s:]*)")
# A line that ends as a caption does, with the picture's credit ("… in Kyiv on Oct. 8. (Photo: State Emergency
# Service)", "Наслідки обстрілу. Ілюстративне фото: ДСНС"): a paragraph of the report never carries one.
_CREDIT_AT_END = re.compile(
    r"(?:^|[.!?…]\s+|\(\s*)(?:(?:illustrative\s+)?photo(?:\s+illustrative)?|(?:ілюстративне\s+)?фото(?:\s+ілюстративне)?|"
    r"фото\s+иллюстративное)\s*(?::|by\b)[^.!?\n]{0,80}\)?\s*$",
    re.IGNORECASE,
)
# A picture agency's name alone after a caption: "Rescuers search through the rubble in Kryvyi Rih. Getty Images".
_AGENCY_CREDIT_AT_END = re.compile(
    r"[.!?…]\s+(?:Getty\s+Images|AFP(?:\s+via\s+Getty\s+Images)?|EPA(?:-EFE)?|AP\s+Photo|Reuters|Shutterstock|"
    r"Anadolu(?:\s+Agency)?|Ukrinform|Укрінформ|УНІАН|Суспільне)(?:/[^.!?\n]{1,40})?\s*$"
)
# An author's bio: "Martin Fornusek is a reporter for …", "Олена Дорош — журналістка Суспільного …". Tried only on a
# line that holds " is " or a dash: most lines open with two capitalised words, and the pattern reads them.
_BIO = re.compile(
    r"\s*[A-ZА-ЯІЇЄҐ][\w’'-]+\s+[A-ZА-ЯІЇЄҐ][\w’'-]+\s+(?:is\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:reporter|journalist|correspondent|editor|writer|columnist|photographer|producer)|[—–-]\s+(?:\w+\s+){0,2}?"
    r"(?:журналіст(?:ка)?|кореспондент(?:ка)?|редактор(?:ка)?|оглядач(?:ка)?|автор(?:ка)?|фотограф(?:иня)?)\b)"
)
_CREDIT_WINDOW = 120  # the credit and the sentence end before it lie in the line's last characters
# A short line that asks the reader to do something on the site: report an error, go to its channel or newsletter.
_PROMPT = re.compile(r"(?:ctrl|ктрл)\s*\+\s*enter|\b(?:our|наш(?:ому|ий|ого)?|нашем)\s+(?:telegram|телеграм|newsletter)", re.I)
_PROMPT_LENGTH = _CREDIT_WINDOW
_LINE = re.compile(r"[^\n]+")
# "… contributed to this report", "… contributed reporting": a contributor line, anywhere in a short line.
_CONTRIBUTED = re.compile(
    r"\bcontributed\s+(?:to\s+this\s+(?:report|story|article)|reporting|from\s+[A-Z][\w’'-]+\.?$)", re.IGNORECASE
)
_CONTRIBUTOR_LENGTH = 200
# A line of its own that announces a list of links ("Читайте також:", "Read also:", "По темі:"): the lines after it
# are other stories' headlines while they look like headlines (short, with no full stop at the end).
_LIST_HEAD = re.compile(
    r"^\s*(?:(?:read|see)\s+(?:also|more)|related(?:\s+(?:news|stories|articles|coverage))?|more\s+on\s+(?:this|the\s+topic)|"
    r"читайте\s+(?:також|більше|также)|дивіться\s+також|також\s+читайте|(?:більше\s+)?(?:по|на)\s+тем[іуе]|смотрите\s+также)"
    r"\s*:\s*$",
    re.IGNORECASE,
)
_HEADLINE_LENGTH = 180


def is_boilerplate(line: str) -> bool:
    """Whether a whole line is the page's furniture rather than the report."""
    if _BOILERPLATE.match(line) is not None:
        return True
    first = _FIRST_WORD.match(line).group(1).lower()
    if (first in _NOTE_FIRST_WORDS or first[:3] in ("___", "---", "———", "–––")) and _NOTES.match(line) is not None:
        return True
    if len(line) <= _CONTRIBUTOR_LENGTH and "contributed" in line and _CONTRIBUTED.search(line) is not None:
        return True
    if (" is " in line[:60] or "— " in line[:60] or "– " in line[:60]) and _BIO.match(line) is not None:
        return True
    # Plain substring tests first: most lines hold no cue, and a pattern searched along the whole line costs more.
    tail = max(0, len(line) - _CREDIT_WINDOW)
    lowered = line[tail:].lower()
    if ("photo" in lowered or "фото" in lowered) and _CREDIT_AT_END.search(line, tail) is not None:
        return True
    if line.rstrip()[-1:].isalpha() and _AGENCY_CREDIT_AT_END.search(line, tail) is not None:  # a caption ends no sentence
        return True
    return (
        len(line) <= _PROMPT_LENGTH
        and ("enter" in lowered or "telegram" in lowered or "телеграм" in lowered or "newsletter" in lowered)
        and _PROMPT.search(line) is not None
    )


def _headline(line: str) -> bool:
    """Whether a line under a list's head reads as a linked story's headline: short, no full stop at its end."""
    return len(line) <= _HEADLINE_LENGTH and not line.rstrip().endswith((".", "!", "…", ":", ";"))


@lru_cache(maxsize=4)  # the places and the claims of one text (its lead, its body) both ask
def boilerplate_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each line of the text that is furniture, in order: a line furniture by itself, or a headline
    under a line of its own that heads a list of links."""
    spans, listing = [], False
    for line in _LINE.finditer(text):
        words = line.group()
        if listing and _headline(words):
            spans.append(line.span())
            continue
        listing = words.rstrip().endswith(":") and _LIST_HEAD.match(words) is not None
        if listing or is_boilerplate(words):
            spans.append(line.span())
    return tuple(spans)


# An agency's dateline opening its first paragraph: "KYIV, Jan 25 (Reuters) - ", "SLOVIANSK, Ukraine (AP) — ", "MOSCOW,
# May 26 (Reuters) - ". Where the story was filed and when, not a place or a date of the report.
_DATELINE = re.compile(
    r"[A-ZА-ЯІЇЄҐ][A-ZА-ЯІЇЄҐ'’. -]{1,40},?(?:\s+[^()\n]{1,40}?)?\s*\((?:[A-Za-zА-Яа-яІЇЄҐіїєґ&]+\.?\s?){1,3}\)\s*[—–-]+\s+"
)


def without_dateline(text: str) -> str:
    """The text with an agency's dateline at its start blanked out by spaces (offsets stay those of the text)."""
    if not text[:1].isupper() or "(" not in text[:80]:
        return text
    match = _DATELINE.match(text)
    return text if match is None else " " * match.end() + text[match.end() :]
