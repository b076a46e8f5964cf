"""Lines of an article that are the page around the report, not the report: photo captions, "Read also" and link
lines, bylines, subscription prompts. They are never claims, and the places they name are not the article's."""

import re

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
# A line that ends as a caption does, with the picture's credit ("… in Kyiv on Oct. 8. (Photo: State Emergency
# Service)", "Наслідки обстрілу. Ілюстративне фото: ДСНС"): a paragraph of the report never carries one.
_CREDIT_AT_END = re.compile(
    r"(?:^|[.!?…]\s+|\(\s*)(?:(?:illustrative\s+)?photo(?:\s+illustrative)?|(?:ілюстративне\s+)?фото(?:\s+ілюстративне)?|"
    r"фото\s+иллюстративное)\s*(?::|by\b)[^.!?\n]{0,80}\)?\s*$",
    re.IGNORECASE,
)
_CREDIT_WINDOW = 120  # the credit and the sentence end before it lie in the line's last characters
# A short line that asks the reader to do something on the site: report an error, go to its channel or newsletter.
_PROMPT = re.compile(r"(?:ctrl|ктрл)\s*\+\s*enter|\b(?:our|наш(?:ому|ий|ого)?|нашем)\s+(?:telegram|телеграм|newsletter)", re.I)
_PROMPT_LENGTH = _CREDIT_WINDOW
_LINE = re.compile(r"[^\n]+")


def is_boilerplate(line: str) -> bool:
    """Whether a whole line is the page's furniture rather than the report."""
    if _BOILERPLATE.match(line) is not None:
        return True
    # Plain substring tests first: most lines hold no cue, and a pattern searched along the whole line costs more.
    tail = max(0, len(line) - _CREDIT_WINDOW)
    lowered = line[tail:].lower()
    if ("photo" in lowered or "фото" in lowered) and _CREDIT_AT_END.search(line, tail) is not None:
        return True
    return (
        len(line) <= _PROMPT_LENGTH
        and ("enter" in lowered or "telegram" in lowered or "телеграм" in lowered or "newsletter" in lowered)
        and _PROMPT.search(line) is not None
    )


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of the text that is furniture, in order."""
    return [(line.start(), line.end()) for line in _LINE.finditer(text) if is_boilerplate(line.group())]
