"""Lines of an article that are the page around the report, not the report: photo captions, "Read also" and link
lines, bylines, subscription prompts. They are never claims, and the places they name are not the article's."""

import re

_BOILERPLATE = re.compile(
    r"^\s*(?:"
    r"(?:read|see)\s+(?:also|more)\b|related\s*:|subscribe\b|follow\s+us\b|photo\s*(?::|by\b)|photo\s+illustrative|"
    r"illustrative\s+(?:photo|image)|by\s+[A-Z][\w’'-]+\s+[A-Z][\w’'-]+\s*(?:[;,]|$)|editing\s+by\b|reporting\s+by\b|"
    r"читайте\s+також|дивіться\s+також|також\s+читайте|читайте\s+більше|ілюстративне\s+фото|фото\s*:|фото\s+ілюстративне|"
    r"підписуйтеся|підписатися|підпишіться|автор\s*:|коментар\s+редакції|"
    r"читайте\s+также|смотрите\s+также|фото\s*иллюстративное|подписывайтесь"
    r")",
    re.IGNORECASE,
)
_LINE = re.compile(r"[^\n]+")


def is_boilerplate(line: str) -> bool:
    """Whether a whole line is the page's furniture rather than the report."""
    return _BOILERPLATE.match(line) is not None


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of the text that is furniture, in order."""
    return [(line.start(), line.end()) for line in _LINE.finditer(text) if is_boilerplate(line.group())]
