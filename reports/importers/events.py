"""Whether words report anything: a claim reports an event or a state someone can check, and some sentences that stand
where claims stand report none. A question ("Чи вдасться ворогу прорвати оборону?"), an appeal or a call in the first
person or the imperative ("Закликаємо мешканців не ігнорувати тривоги", "We urge all partners to …", "Бережіть себе",
"Please stay in shelters"), the newsroom speaking of its own work ("Ми продовжуємо стежити за розвитком подій") and a
state that only "remains" as it was, with no number ("Ситуація залишається складною", "The situation remains tense")
are not claims, whoever says them. A sentence that speaks of attacks that happen again and again ("Нікополь щодня
потерпає від ударів", "Russia has repeatedly targeted …", "… has been a frequent target of Russian attacks") and gives
no date and no number is the publisher's background, not the report of the speaker before it, so it does not continue
that report (what a speaker is said to have done again and again, "have repeatedly demanded …", still does).

Each test is a plain substring or first-word check before any pattern: most sentences hold none of the cues."""

import re

from reports.importers.patterns import grouped

# An appeal, a call or the newsroom's own work, as the words open: the first person plural or singular of a verb of
# asking or of keeping the reader informed, or an imperative addressed to the reader.
_APPEAL_EN = (
    r"(?:we|i)\s+(?:(?:would\s+)?(?:strongly\s+)?(?:urge|call\s+(?:on|upon)|ask|appeal|encourage|invite|remind|"
    r"continue\s+to\s+(?:monitor|follow|update|report)|will\s+(?:keep|update|continue|report|provide))|are\s+(?:monitoring|"
    r"following|working\s+to\s+(?:confirm|verify)))\b|"
    r"please\b|stay\s+(?:safe|in|away|tuned)\b|do\s+not\b|don(?:'|’)t\b|take\s+shelter\b|keep\s+(?:safe|away)\b|"
    r"help\s+us\b|become\s+a\s+(?:member|subscriber|patron)\b|subscribe\b|join\s+(?:us|our)\b|donate\b|"
    r"support\s+(?:us|our|independent)\b|follow\s+the\s+(?:alerts|instructions)\b"
)
_APPEAL_UK = (
    r"(?:ми\s+)?(?:закликаємо|просимо|звертаємося|наголошуємо|нагадуємо\s+(?:про|мешканцям|громадянам|людям)|"
    r"продовжуємо\s+(?:стежити|слідкувати|моніторити|інформувати)|будемо\s+(?:інформувати|стежити|повідомляти)|"
    r"стежимо\s+за)\b|(?:я\s+)?(?:закликаю|прошу)\b|"
    # The imperative of the second person plural, or the first person plural's: "Бережіть", "Не ігноруйте",
    # "Залишайтеся", "Підтримаймо".
    r"(?:не\s+)?[а-яіїєґ’'ʼ]{2,}(?:іть|йте|ийте|ітьс[яь]|йтес[яь]|імо|ймо)(?=[\s,.!]|$)|"
    r"будь\s+ласка\b|прохання\b"
)
_APPEAL_RU = r"(?:мы\s+)?(?:призываем|просим|продолжаем\s+следить)\b|пожалуйста\b|берегите\b"
_APPEAL = re.compile(rf"[\"“«„]?\s*{grouped([_APPEAL_EN, _APPEAL_UK, _APPEAL_RU])}", re.IGNORECASE)
# A state that only remains as it was, with nothing to check: "Ситуація залишається складною", "The situation on the
# front remains tense", "Обстановка на Покровському напрямку залишається напруженою".
_REMAINS = re.compile(
    r"\b(?:remains?|remained|stays?|continues\s+to\s+be|залишається|залишалася|залишаються|лишається|лишаються|"
    r"залишалась|остается|остаются)\s+(?:\w+\s+){0,2}?(?:tense|difficult|complicated|complex|challenging|dire|volatile|"
    r"calm|stable|unchanged|under\s+control(?!\s+of)|critical|hard|складн\w*|напружен\w*|важк\w*|стабільн\w*|спокійн\w*|"
    r"контрольован\w*|під\s+контролем(?!\s+[\w«])|критичн\w*|незмінн\w*|сложн\w*|напряженн\w*|стабильн\w*)\b",
    re.IGNORECASE,
)
_REMAINS_CUE = re.compile(r"remain|stay|continues\s+to\s+be|лиша|оста")  # one search in C, before the pattern
_DIGIT = re.compile(r"\d")
# What happens again and again: a frequency word ("щодня", "regularly", "a frequent target").
_HABITUAL = re.compile(
    r"\b(?:щодня|щоночі|щодоби|щотижня|регулярно|постійно|неодноразово|систематично|раз\s+у\s+раз|раз\s+за\s+разом|"
    r"щоденн\w+|постійн\w+|регулярн\w+|систематичн\w+|"
    r"ежедневно|регулярно|постоянно|неоднократно|"
    r"daily|every\s+(?:day|night|morning|evening)|regularly|repeatedly|frequently|constantly|routinely|often|щоранку|щовечора|"
    r"(?:a\s+)?(?:frequent|regular|constant|common)\s+targets?)\b",
    re.IGNORECASE,
)
# The cues of a frequency word, looked for in one search before the pattern (most sentences hold none).
_HABITUAL_CUE = re.compile(
    r"щод|щон|щот|регуляр|постій|неодноразов|систематич|раз |ежеднев|постоян|неоднократ|daily|every |regular|repeated|"
    r"frequent|constant|routine|often|common|щоран|щовеч",
    re.IGNORECASE,
)


def is_question(words: str) -> bool:
    """Whether the words ask rather than tell ("Чи вдасться ворогу прорвати оборону міста?")."""
    return words.rstrip(" \"'”»").endswith("?")


# The first words an appeal may open with, and the endings of an imperative's: most quotes open otherwise, and are
# told so by a set lookup before the pattern is tried.
_APPEAL_FIRST = frozenset(
    ["we", "i", "please", "stay", "do", "don't", "don’t", "take", "keep", "support", "follow", "help", "become", "subscribe",
     "join", "donate", "ми", "я", "закликаємо",
     "просимо", "звертаємося", "наголошуємо", "нагадуємо", "продовжуємо", "будемо", "стежимо", "закликаю", "прошу", "не",
     "будь", "прохання", "мы", "призываем", "просим", "продолжаем", "пожалуйста", "берегите"]
)  # fmt: skip
_IMPERATIVE_ENDINGS = ("іть", "йте", "ться", "теся", "тесь", "імо", "ймо", "ітьсь")


def is_appeal(words: str) -> bool:
    """Whether the words open as an appeal, a call in the first person, an imperative or the newsroom's own work."""
    opening = words.lstrip()
    space = opening.find(" ")
    first = (opening if space < 0 else opening[:space]).strip('"“«„!,.').lower()
    if first not in _APPEAL_FIRST and not first.endswith(_IMPERATIVE_ENDINGS):
        return False
    return _APPEAL.match(words.lstrip()) is not None


def only_remains(words: str) -> bool:
    """Whether the words say only that a state remains as it was ("Ситуація залишається складною"), with no number."""
    # The verb stands inside the sentence, in lower case: the cues are looked for in the words as written.
    if _REMAINS_CUE.search(words) is None or _DIGIT.search(words) is not None:
        return False
    return _REMAINS.search(words) is not None


# The publisher saying what it could not check or was not told, as the sentence opens after its subject: "The Kyiv
# Independent has not been able to verify these reports independently", "Reuters could not immediately verify …", "The
# Kremlin did not respond to a request for comment", "УНН не може незалежно перевірити цю інформацію". A denial ("did
# not confirm the capture") is a claim, and so is a report the note only trails ("…, a claim the AP could not verify").
_UNVERIFIED = re.compile(
    r"^\W*(?:\S+\s+){0,5}?(?:(?:(?:has|have|had|was|were)\s+not\s+been\s+able\s+to|(?:could|can)\s*(?:not|n[o’']t)|cannot|"
    r"(?:is|was|were)\s+(?:not\s+able|unable)\s+to)\s+(?:immediately\s+|independently\s+)*(?:verify|confirm)\b|"
    r"did\s+not\s+(?:immediately\s+)?(?:respond|reply)\s+to\s+(?:a\s+)?requests?\s+for\s+comment|"
    r"(?:did|has|have)\s+not\s+(?:yet\s+|immediately\s+|officially\s+|publicly\s+)?comment(?:ed)?\b|"
    r"(?:не\s+(?:може|можуть|змогли|змогла|зміг|вдалося|має\s+змоги)|не\s+мо(?:жет|гут))\s+(?:незалежно\s+|самостійно\s+|"
    r"оперативно\s+)?(?:перевірити|верифікувати|підтвердити|проверить|подтвердить))",
    re.IGNORECASE,
)
_NEGATION_CUES = (" not ", "n't ", "n’t ", "cannot ", "unable ", "не ", "Не ")


def says_unverified(words: str) -> bool:
    """Whether a sentence says that the publisher could not verify a report or was not answered: a note on the page,
    not a claim, though "reports" or "повідомлення" stand in it."""
    # Plain substring tests first: nearly every sentence holds no negation of these, and is told so in a microsecond.
    return any(cue in words for cue in _NEGATION_CUES) and _UNVERIFIED.search(words) is not None


# Where a place lies, with no number: "Both villages lie on the approaches to Lyman", "Станція розташована на лівому березі
# Дніпра", "Степногірськ розташований на березі …". Geography the publisher adds, not an event ("lies in ruins" is one).
_LIES = re.compile(
    r"\b(?:lies|lie|lay|is\s+located|are\s+located|is\s+situated|are\s+situated)\s+(?:on|along|near|at|across|between|"
    r"about|some|just|north|south|east|west|opposite|upstream|downstream)\b|"
    r"\b(?:розташован(?:ий|а|е|і)|розміщен(?:ий|а|е|і)|лежить|лежать|знаходиться|знаходяться|расположен(?:а|о|ы)?)\s+"
    r"(?:на|у|в|за|біля|поблизу|навпроти|між|неподалік|приблизно|в\s+районі)\b",
    re.IGNORECASE,
)
_LIES_CUE = (
    " lie",
    " lay ",
    "locat",
    "situat",
    "розташ",
    "розміщ",
    "лежит",
    "лежат",
    "знаход",
    "располож",
    "hometown",
    "birthplace",
)
_HOMETOWN = re.compile(r"\bis\s+(?:the\s+)?(?:hometown|birthplace)\s+of\b", re.IGNORECASE)


def says_where_it_lies(words: str) -> bool:
    """Whether the words only say where a place lies, with no number."""
    if _DIGIT.search(words) is not None or not any(cue in words for cue in _LIES_CUE):
        return False
    return _LIES.search(words) is not None or _HOMETOWN.search(words) is not None


# That nothing more is known yet: "Інформації про інших постраждалих наразі немає", "Information on casualties is
# being clarified", "Details are not yet available".
_NO_INFORMATION = re.compile(
    r"^\s*(?:Інформаці\w+|Даних|Відомостей|Информаци\w+|Данных|(?:No\s+)?(?:information|details)\b)[^.]{0,60}?"
    r"(?:\bнемає|\bнема|\bне\s+надходило|уточню\w+|\bнет\b|уточня\w+|not\s+(?:yet\s+)?(?:available|known)|"
    r"being\s+clarified|\bunknown|\bso\s+far)",
    re.IGNORECASE,
)
# What a source does not disclose: "ДТЕК не розкриває, які станції постраждали", "It declined to say how many …".
_WITHHELD = re.compile(
    r"^[^.]{0,60}?\b(?:не\s+(?:розкрива\w*|розголошу\w*|уточню\w*|коментую\w*)|did\s+not\s+disclose|does\s+not\s+disclose|"
    r"declined\s+to\s+(?:say|comment|disclose|specify))\b",
    re.IGNORECASE,
)


# A pointer to more reading inside a line: "Що відомо про ситуацію на Донеччині — читайте в нашому матеріалі".
_READ_MORE = re.compile(r"(?:читайте|read\s+more)\s+(?:в|у|на|in|on|at)\b", re.IGNORECASE)


def withheld(words: str) -> bool:
    """Whether a sentence says what a source does not disclose: nothing is claimed."""
    return ("не " in words or "decline" in words or "disclose" in words) and _WITHHELD.match(words) is not None


# Emergency work going on, with no result and no number: "На місці працюють рятувальники", "Тривають аварійно-рятувальні
# роботи", "Emergency crews are still at the scene", "Енергетики працюють над відновленням живлення".
_WORK_GOES_ON = re.compile(
    r"(?:\b(?:продовжують|продовжує)\s+(?:розбирати|гасити)\b|\bрозбирають\s+завали\b|"
    r"\b(?:тривають|триває|продовжуються|ведуться|проводяться)\s+(?:аварійно-|пошуково-)?(?:рятувальн\w+|відновлювальн\w+|"
    r"ремонтн\w+)\s+робот\w*|\b(?:працюють|працює)\s+(?:над\s+|на\s+місці|усі\s+екстрені|всі\s+служби|рятувальник\w*|"
    r"екстрені\s+служби)|\b(?:are|is|remain|remains)\s+(?:still\s+)?(?:at\s+the\s+scene|on\s+(?:the\s+)?site|working\s+to\b|"
    r"working\s+at\s+the\s+scene))",
    re.IGNORECASE,
)
_WORK_CUE = re.compile(r"робот|працю|scene|site|working|розбира|гасити", re.IGNORECASE)


def work_goes_on(words: str) -> bool:
    """Whether the words say only that emergency or repair work is going on, with no number and no result."""
    return _WORK_CUE.search(words) is not None and _DIGIT.search(words) is None and _WORK_GOES_ON.search(words) is not None


def reports_nothing(words: str) -> bool:
    """Whether words that stand where a claim would stand report nothing: a question, an appeal, a state that remains,
    where a place lies, that nothing more is known yet, work that goes on."""
    return (
        is_question(words)
        or work_goes_on(words)
        or habitual_attacks(words)
        or is_appeal(words)
        or only_remains(words)
        or says_where_it_lies(words)
        or _NO_INFORMATION.match(words) is not None
        or withheld(words)
        or ("читайте" in words or "read more" in words.lower())
        and _READ_MORE.search(words) is not None
    )


# Words of attack, in the forms such background uses: "target", "attacks", "shelling", "ударів", "обстрілів".
_ATTACKS = re.compile(
    r"\b(?:target\w*|attack\w*|strik\w*|struck|shell\w*|bomb\w*|hit|fly|flies|удар\w*|обстр[іе]л\w*|атак\w*|бомб\w*|"
    r"потерпа\w*|зазна\w*|літа\w*)",
    re.IGNORECASE,
)


# Shelling spoken of in the present, as what goes on ("Нікополь обстрілюють з лівого берега Дніпра", "Обстріли
# правобережжя ведуться з окупованих Олешок"), not as an event on a day.
_ONGOING = re.compile(
    r"\b(?:обстрілюють|обстрілює|обстрілюються|обстрілюється|ведуться|ведеться|гатять|shells|are\s+shelling|"
    r"(?:залишається|залишаються|перебуває|перебувають)\s+під\s+(?:\w+\s+)?обстрілами|remains?\s+under\s+(?:\w+\s+)?(?:fire|shelling))\b"
)


def habitual_attacks(words: str) -> bool:
    """Whether the words speak of attacks that happen again and again ("щодня потерпає від ударів", "has repeatedly
    targeted", "a frequent target of Russian attacks", "Нікополь обстрілюють з лівого берега") with no date and no
    number: background, not an event."""
    if _DIGIT.search(words) is not None:
        return False
    if _HABITUAL_CUE.search(words) is not None and _HABITUAL.search(words) is not None and _ATTACKS.search(words) is not None:
        return True
    cue = "ють" in words or "ться" in words or "shell" in words or "під" in words or "under" in words
    return cue and _ONGOING.search(words) is not None
