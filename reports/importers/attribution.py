"""Who a sentence says asserts it: "ISW concludes", "analysts point out that", "according to the General Staff",
"This is stated in the statement of the Ministry of Foreign Affairs of Ukraine", and their Ukrainian and Russian
counterparts. Patterns give the words that name the claimant and the words that carry the claim; the caller
decides who those words name.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from reports.importers.patterns import branches, grouped
from reports.importers.speakers import ADVERBIAL, CALL_SIGN, may_name_a_call_sign

LEAD, TRAIL, NEXT = "lead", "trail", "next"  # the claim follows, precedes, or is the sentence before
# What a reading needs among the sentence's words: nothing, a word that may begin a verb of saying, or one that may
# begin any phrase of a trailing attribution (a verb of saying, "according to"). The readings that need one cost
# the most, and most sentences have none: checking the words first spares them.
ANY, CITING, SAYING = 0, 1, 2

_SAY_EN = (
    # No base forms that are also nouns (report, state, note, claim): "In the report, …" attributes nothing.
    r"said|says|say|reported|reports|stated|states|noted|notes|concluded|concludes|conclude|"
    r"assessed|assesses|assess|believes|believe|believed|point(?:s|ed)?\s+out|recall(?:s|ed)?|remind(?:s|ed)?|"
    r"warned|warns|warn|claimed|claims|added|adds|announced|announces|confirmed|confirms|confirm|"
    r"wrote|writes|write|indicated|indicates|emphasi[sz]ed|emphasi[sz]es|stressed|stresses|estimated|estimates|"
    r"observed|observes|suggested|suggests|explained|explains|insisted|insists|alleged|alleges|argued|argues|"
    r"declared|declares|acknowledged|acknowledges|admitted|admits|denied|denies|asserts|asserted|"
    r"informs|informed|told|tells|specified|specifies|clarified|clarifies|calculated|counted|refuted|recorded|registered|"
    r"blamed|blames|accused|accuses|complained"
)
_SAY_UK = (
    r"повідомляє|повідомляють|повідомив|повідомила|повідомили|заявив|заявила|заявили|заявляє|заявляють|зазначає|"
    r"зазначають|зазначив|зазначила|зазначили|вважає|вважають|наголошує|наголошують|наголосив|наголосили|"
    r"підкреслює|підкреслюють|підкреслили|нагадують|нагадує|нагадали|стверджує|стверджують|оцінює|оцінюють|"
    r"пише|пишуть|писав|писала|писало|писали|поскаржився|поскаржилася|поскаржилися|оцінила|оцінив|оцінили|оцінило|інформує|інформують|констатує|констатують|додали|додав|додала|звітує|звітують|зафіксували|"
    r"вказує|вказують|припускають|прогнозують|визнає|визнали|заперечує|повідомило|заявило|зазначило|повідомляло|"
    r"підтвердили|підтвердив|підтвердила|підтвердило|підтверджують|написав|написала|написали|написало|"
    r"розповів|розповіла|розповіли|розповідає|сказав|сказала|сказали|уточнив|уточнила|уточнили|підрахували|підрахував|"
    r"підрахувала|порахували|спростували|спростував|спростувала|спростовують|спростовує|стверджував|стверджувала|"
    r"стверджували|заявляв|заявляла|заявляли|відзвітувало|відзвітував|відзвітувала|відзвітували|звітувало|звітував|"
    r"зафіксував|зафіксувала|зафіксувало|назвав|назвала|назвали|зауважив|зауважила|зауважили|зауважує|повідомляв|"
    r"повідомляла|повідомляли|підтверджувала|підтверджував|підтверджували|підтверджувало|підтверджує|заперечив|заперечила|заперечили|заперечило|звинуватив|звинуватила|звинуватили|звинуватило"
)
_SAY_RU = (
    r"сообщает|сообщают|сообщил|сообщила|сообщили|заявил|заявила|заявили|заявляет|заявляют|отмечает|отмечают|"
    r"отметил|отметила|отметили|считает|считают|подчеркивает|подчеркивают|подчеркнул|подчеркнули|напоминают|"
    r"напомнили|утверждает|утверждают|оценивает|оценивают|пишет|пишут|информирует|констатирует|констатируют|"
    r"добавили|добавил|добавила|указывает|указывают|признает|признали|отрицает|сообщило|заявило|отметило|сообщало"
)
_SAY = grouped(branches(_SAY_EN) + branches(_SAY_UK) + branches(_SAY_RU))
# Who: up to a dozen words ("the head of the Zaporizhzhia Regional Military Administration Ivan Fedorov"). Each word
# and each run of spaces is taken whole (++): a space or a comma must follow a word, and a word must follow spaces,
# so giving back part of either could never lead to a match, and trying it cost most of the time spent here.
# A word may end in a full stop: inside a sentence, that is an abbreviation's ("Odesa Gov. Oleh Kiper").
# An abbreviation with full stops inside it ("the U.N. nuclear watchdog") is one word.
# A word in angle quotes is a name ("Голова правління «Нафтогазу» Сергій Корецький").
_WHO = (
    r"(?P<who>(?:[^\s.,;:\"“”«»„]++\.?\s++|(?:(?-i:[A-Z])\.){2,}\s++|«[^«».,;:]{1,40}»\s++|\d{1,2}:\d\d\s++){0,11}?"
    r"(?:[^\s.,;:\"“”«»„]++|«[^«».,;:]{1,40}»|\d{1,2}:\d\d))"
)
# A month abbreviated with a full stop before its day ("said on Sept. 15") stays in the date.
_WHEN_TAIL = (
    r"(?P<tail>\s+(?:on|in|at|last|this|late|early|у|в|во)\s+(?:[^,.]|\.(?=\s?\d)){1,30}?|\s+(?:yesterday|today|вчора|вчера|earlier|previously|раніше|ранее)|"
    # A weekday with no "on", as agency copy writes it ("…, the company said Friday").
    r"\s+(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|evening|night))?|"
    r"\s+(?:станом\s+на|as\s+of|по\s+состоянию\s+на)\s+[^,.]{1,20}?)?"
)

# Between the verb and the claim: "that" after more words of where or when it was said ("said on the telethon on Tuesday
# that …", looked for first, as the date said lies in them), or a comma, a colon or a space.
_THAT = (
    r"(?:(?P<more>\s+(?:on|in|at|during|after|via|through|by|у|в|на|під\s+час)\s+[^,.]{1,50}?)?\s+(?:that|що)\s+|"
    # Not after a date said that stops short of a "that" soon after it ("said on the | telethon on Tuesday that").
    r"(?(tail)(?![^,.\"“«]{0,50}?\s(?:that|що)\s))(?:\s*,\s*|\s+|\s*:\s*)(?:that\s+|що\s+|что\s+)?)"
)
# A tail after the speaker's words that says where they are, not when they spoke: "у Харківській області".
_WHERE_NOT_WHEN = re.compile(
    r"\s+(?:у|в)\s+(?![^,]*(?:\d|січн|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд|понеділ|вівтор|серед|"
    r"четвер|п.ятниц|субот|неділ|ранк|вечор|ноч|доб|тижн|місяц|рок))[А-ЯІЇЄҐ]",
    re.IGNORECASE,
)
# The words that open an office named in apposition after a name ("head of …", "who heads …", "голова …").
_OFFICE = (
    r"(?:head|heads|chief|spokes(?:man|woman|person)|governor|mayor|commander|director|minister|deputy|secretary|acting|"
    r"adviser|advisor|press|official|representative|голов[аи]|начальни\w*|очільни\w*|речни\w*|керівни\w*|командир\w*|"
    r"міністр\w*|мер\w*|заступни\w*|секретар\w*|радни\w*|спікер\w*|представни\w*|очолює)"
)
# An office, with what it is of before it in English ("the governor", "the Odesa region's governor", "the city's mayor").
_AN_OFFICE = rf"(?:the\s+|a\s+|an\s+)?(?:(?:[\w-]+\s+){{0,2}}?[\w-]+['’]s\s+)?{_OFFICE}"
_APPOSITION = re.compile(rf",\s+(?:who|which|який|яка|яке|які|{_AN_OFFICE})\b", re.IGNORECASE)
_TOLD = r"(?:told|tells)\s+(?:[^\s,.]++\s+){0,2}?[^\s,.]++"
_ACCORDING_TO = (
    r"According\s+to|As\s+reported\s+by|As\s+noted\s+by|Citing|In\s+the\s+words\s+of|За\s+даними|"
    r"За\s+словами|За\s+інформацією|За\s+оцінкою|За\s+оцінками|Як\s+повідомляє|Як\s+повідомляють|"
    r"Як\s+повідомили\s+(?:в|у)|Як\s+повідомляв|Як\s+повідомляла|Як\s+повідомляли|Як\s+зазначає|Як\s+зазначають|"
    r"Як\s+(?:писав|писала|писали|писало|повідомляло|зазначав|зазначала|As\s+reported\s+by)|"
    r"Як\s+(?:уточнив|уточнила|уточнили|зазначив|зазначила|зазначили|заявив|заявила|заявили|розповів|розповіла|розповіли|"
    r"повідомив|повідомила|наголосив|наголосила|сказав|сказала|написав|написала)|За\s+підрахунками|Згідно\s+з|Відповідно\s+до|По\s+данным|"
    r"По\s+словам|По\s+информации|По\s+оценке|По\s+оценкам|Как\s+сообщает|Как\s+сообщают|Как\s+сообщили\s+в|Как\s+сообщал|Как\s+сообщала|Как\s+сообщали|"
    r"Как\s+отмечает|Как\s+отмечают|Согласно"
)  # fmt: skip


# What a sentence must hold for a reading to be tried at all (most sentences hold none of these): checked with str's
# own search, far faster than trying the pattern.
def _URGED(sentence: str) -> bool:  # noqa: N802
    return "urged" in sentence or "called on" in sentence or "заклика" in sentence


def _NOT(sentence: str) -> bool:  # noqa: N802 (named like the constants it stands beside)
    return " not " in sentence or " не " in sentence


def _AS(sentence: str) -> bool:  # noqa: N802
    return ", як " in sentence or ", как " in sentence or ", as " in sentence


def _TWO_COMMAS(sentence: str) -> bool:  # noqa: N802
    return sentence.count(",") >= 2


_ADDING_UK = r"додавши|зазначивши|наголосивши|уточнивши|отметив|добавив"
_ADDING_WORDS = re.compile(rf", (?:adding|noting|saying|stressing|warning|{_ADDING_UK})\b")


def _SUCH(sentence: str) -> bool:  # noqa: N802 ("Таку оцінку оприлюднило …")
    return sentence.startswith(("Таку ", "Такі ", "Цю ", "Ці ", "Такую ", "Такие ", "Эти "))


def _APPOSED(sentence: str) -> bool:  # noqa: N802 (a name, then its office after a comma: "…, said X, head of …")
    return sentence.count(",") >= 2 and _APPOSITION.search(sentence) is not None


def _TWO_MARKS(sentence: str) -> bool:  # noqa: N802 (two commas, or a colon and a comma)
    return sentence.count(",") + sentence.count(":") >= 2


def _ADDING(sentence: str) -> bool:  # noqa: N802 (", adding that", ", додавши, що")
    return ", " in sentence and _ADDING_WORDS.search(sentence) is not None


def _PUBLISHED(sentence: str) -> bool:  # noqa: N802
    return ", published" in sentence or ", released" in sentence or ", опубл" in sentence or ", оприлюд" in sentence


def _THIS(sentence: str) -> bool:  # noqa: N802 ("reported this")
    return " this" in sentence


def _ABOUT(sentence: str) -> bool:  # noqa: N802 ("Про втрату живлення … повідомив …")
    return sentence.startswith(("Про ", "Об ", "О "))


def _TOLD_THAT(sentence: str) -> bool:  # noqa: N802
    return " told " in sentence or " tells " in sentence


def _THREE_COMMAS(sentence: str) -> bool:  # noqa: N802
    return sentence.count(",") >= 3


def _AGE(sentence: str) -> bool:  # noqa: N802 (a number between two commas: "Mykola Hnatiuk, 54, said")
    return sentence.count(",") >= 2 and re.search(r",\s\d{1,3}(?:\s\w+)?,", sentence) is not None


PATTERNS = [
    # According to analysts, the Kremlin is likely to …
    (LEAD, ANY, rf"^{grouped(branches(_ACCORDING_TO))}\s+(?P<who>[^,]{{2,160}}?),\s*(?P<quote>.+)$"),
    # За його словами, …; По его словам, …: the speaker named before.
    (LEAD, ANY, r"^(?:За|По)\s+(?P<who>його|її|їх|їхніми|его|ее|их)\s+(?:словами|словам|даними|данным)\s*,\s*(?P<quote>.+)$"),
    # This is stated in the report of the Institute for the Study of War (ISW). Про це йдеться у звіті ISW.
    (NEXT, ANY, r"^(?:This|That|It|Such\s+(?:data|information))\s+(?:is|was|has\s+been|had\s+been|are|were)\s+"
           r"(?:stated|said|reported|noted|written|indicated|announced|mentioned|claimed|provided|published)\s+"
           r"(?:in|by|on)\s+(?P<who>.+?)\s*[.!]?$"),
    # (A few words of when or where may stand before the verb: "Про це в четвер зранку повідомив …".)
    (NEXT, ANY, r"^(?:Про\s+це|Об\s+этом)\s+(?:[^\s,.]+\s+){0,4}?(?:йдеться|говориться|сказано|ідеться|идет\s+речь|говорится|"
           rf"{_SAY_UK}|{_SAY_RU})\s+(?P<who>.+?)\s*[.!]?$"),
    # "Таку оцінку оприлюднило Міністерство оборони Великої Британії": the sentence before is what was published.
    (NEXT, ANY, r"^(?:Таку|Такі|Цю|Ці|Такую|Такие|Эти)\s+"
           r"(?:оцінку|оцінки|інформацію|дані|цифри|оценку|информацию|данные|цифры)\s+"
           r"(?:оприлюдни\w*|нав(?:ів|ела|ело|ели)|наводить|наводять|поширил\w*|опубліку\w*|опублікува\w*|озвучи\w*|привел\w*|опубликова\w*)\s+"
           r"(?P<who>.+?)\s*[.!]?$", _SUCH),
    # "Ivan Fedorov, head of …, reported this on Telegram": the sentence before is what was reported.
    (NEXT, SAYING, r"^(?P<who>.+?)\s+(?:reported|announced|stated|said|wrote|confirmed)\s+this\b"
           r"(?:\s+(?:on|in|at)\s+[^,.]{1,40})?(?:\s*,\s*according\s+to\s+[^,.]{1,60})?\s*[.!]?$", _THIS),
    # "Про повну втрату живлення … повідомив генеральний директор МАГАТЕ Рафаель Гроссі": what was said, then who said it.
    (LEAD, SAYING, rf"^(?:Про|Об?)\s+(?!це\b|цьому\b|этом\b)(?P<quote>.+?)\s+(?:{_SAY})\s+(?P<who>[^,]{{2,160}}?)\s*[.!]?$",
           _ABOUT),
    # "Kremlin spokesman Dmitry Peskov told reporters in Moscow that …": whom it was told goes with the speaker.
    (LEAD, SAYING, rf"^{_WHO}\s+(?:told|tells)(?P<more>\s+(?:[^\s,.]++\s+){{1,5}}?)that\s+(?P<quote>.+)$", _TOLD_THAT),
    # A call is itself the claim, its verb with it: "У МЗС закликали партнерів …".
    (LEAD, ANY, r"^(?:У|В)\s+(?P<who>[^,]{2,60}?)\s+(?P<quote>(?:закликали|закликає|закликав|закликала)\b.+)$"),
    # So is one whose subject names the caller: "Fedorov urged the remaining residents to leave", "ОВА закликала мешканців
    # …", "He urged Western partners to …".
    (LEAD, ANY, rf"^(?=(?P<quote>.+$)){_WHO}\s+(?:urged|has\s+urged|called\s+on|закликав|закликала|закликало|закликали)\s",
     _URGED),
    # A denial quotes the whole sentence, its "not" with it: "The General Staff did not confirm the capture of …",
    # "У Генштабі цю інформацію не підтвердили", "Генштаб не підтвердив …".
    (LEAD, SAYING, rf"^(?=(?P<quote>.+$)){_WHO}\s+(?:did|does|has|have|had)\s+not\s+(?:yet\s+)?(?:{_SAY})\b", _NOT),
    (LEAD, SAYING, rf"^(?=(?P<quote>.+$))(?:У|В)\s+(?P<who>[^,]{{2,60}}?)\s+(?:[^,]{{0,60}}?\s+)?не\s+(?:{_SAY})\b", _NOT),
    (LEAD, SAYING, rf"^(?=(?P<quote>.+$)){_WHO}\s+не\s+(?:{_SAY})\b", _NOT),
    # A name with an age after it, and what it says of the person: "Mykola Hnatiuk, 54, who lives near the plant, told
    # Reuters by phone that …", "Ганна Коваль, 67 років, розповіла, що …".
    (LEAD, SAYING, rf"^(?P<who>(?-i:[A-ZА-ЯІЇЄҐ])[^,]{{2,60}}?,\s+\d{{1,3}}(?:\s+(?:років|роки|рік))?,(?:\s+[^,]{{2,80}},)?)\s+"
           rf"(?:{_TOLD}|{_SAY})(?:\s+(?:by\s+(?:phone|telephone)|over\s+the\s+phone|телефоном|по\s+телефону))?{_WHEN_TAIL}"
           rf"(?:\s*,\s*|\s+|\s*:\s*)(?:that\s+|що\s+|что\s+)?(?P<quote>.+)$", _AGE),
    (TRAIL, SAYING, rf"^(?P<quote>.+?),\s*(?P<who>(?-i:[A-ZА-ЯІЇЄҐ])[^,]{{2,60}}?,\s+\d{{1,3}}(?:\s+(?:років|роки|рік))?"
            rf"(?:,\s+[^,]{{2,80}}?)?),\s+(?:{_TOLD}|{_SAY})\b[^,]{{0,40}}?\s*[.!]?$", _AGE),
    # A soldier named by a call sign: "Командир роти з позивним «Тур» розповів, що …", "A drone operator with the call
    # sign "Tur" told …" (the quotation marks around it stand inside the words naming the speaker).
    (LEAD, SAYING, rf"^(?P<who>[^,.;:]{{0,80}}?{CALL_SIGN})"
           rf"(?:\s*,\s*[^,]{{2,80}},)?\s+(?:{_TOLD}|{_SAY})(?:\s+(?:by\s+phone|телефоном))?{_WHEN_TAIL}(?:\s*,\s*|\s+|\s*:\s*)"
           rf"(?:that\s+|що\s+|что\s+)?(?P<quote>.+)$", may_name_a_call_sign),
    # An adverbial before the speaker: "In its evening update, the Air Force said that …", "On Sunday, the ministry
    # said …" (the words naming the speaker include it, so that the date it gives is when it was said).
    (LEAD, SAYING, rf"^(?P<who>{ADVERBIAL}\b[^,]{{0,60}},\s*"
           rf"(?:[^\s.,;:\"“”«»„]++\s++){{0,8}}?[^\s.,;:\"“”«»„]++)"
           rf"(?:\s+(?:also|further|також|также))?\s+(?:{_SAY}){_WHEN_TAIL}{_THAT}(?P<quote>.+)$"),
    # The same with a name and its office in apposition: "Separately, the spokesperson for the Southern Defense Forces,
    # Vladyslav Voloshyn, said …", "Speaking on national television on Tuesday, Viktor Trehubov, spokesperson for …, said".
    (LEAD, SAYING, rf"^(?P<who>{ADVERBIAL}\b[^,]{{0,60}},\s*[^,]{{2,120}},\s+[^,]{{2,120}}?),\s+(?:also\s+)?(?:{_SAY})"
           rf"{_WHEN_TAIL}{_THAT}(?P<quote>.+)$", _THREE_COMMAS),
    # The head of the Donetsk Regional Military Administration, Vadym Filashkin, said that …
    # "Andriy Kovtun, a spokesman for Ukraine's 9th Army Corps, told Reuters that …"
    (LEAD, SAYING, rf"^(?P<who>[^,]{{2,120}},\s+[^,]{{2,120}}),\s+{_TOLD}\s+that\s+(?P<quote>.+)$", _TWO_COMMAS),
    (LEAD, SAYING, rf"^(?P<who>[^,]{{2,120}},\s+[^,]{{2,120}}),\s+(?:also\s+)?(?:{_SAY}){_WHEN_TAIL}{_THAT}(?P<quote>.+)$",
           _TWO_COMMAS),
    # Speech with more said after it: "Russia launched 94 drones overnight, the Air Force said, adding that …",
    # "…, повідомили в ОВА, додавши, що …" quote the whole sentence, both parts the speaker's.
    (LEAD, SAYING, rf"^(?=(?P<quote>.+$))(?:[^,]{{2,160}},\s*){{1,3}}?{_WHO}\s+(?:{_SAY}){_WHEN_TAIL},\s*"
           rf"(?:adding|noting|saying|stressing|warning|{_ADDING_UK})\b", _ADDING),
    (LEAD, SAYING, rf"^(?=(?P<quote>.+$))(?:[^,]{{2,160}},\s*){{1,3}}?(?:{_SAY})\s+{_WHO},\s*(?:{_ADDING_UK})\b", _ADDING),
    # Speech in the middle: "Ворог, як повідомили у Генштабі, атакував …", "Russian forces, the General Staff said,
    # attacked …" quote the whole sentence.
    (LEAD, SAYING, rf"^(?=(?P<quote>.+$))[^,]{{2,80}},\s*(?:як|как|as)\s+(?:{_SAY})\s+(?:у|в|во|by\s+)?\s*"
           rf"(?P<who>[^,]{{2,80}}?),\s*\w", _AS),
    (LEAD, SAYING, rf"^(?=(?P<quote>.+$))[^,]{{2,80}},\s*(?P<who>(?:the\s+)?[^,]{{2,60}}?)\s+(?:{_SAY}),\s*\w", _TWO_COMMAS),
    # "Основною ціллю, за словами речника Повітряних сил Юрія Ігната, була енергетика", "Ще одного мешканця, за даними
    # поліції, поранено": the source named between two commas, the whole sentence its words.
    (LEAD, CITING, rf"^(?=(?P<quote>.+$))[^,:]{{2,80}}[,:]\s*(?:за\s+словами|за\s+даними|за\s+інформацією|за\s+оцінкою|"
           rf"according\s+to|по\s+словам|по\s+данным)\s+"
           rf"(?P<who>[^,]{{2,80}}?),\s*(?!(?:who\s+|який\s+|яка\s+)?(?:the\s+|a\s+|an\s+)?{_OFFICE}\b)\w", _TWO_MARKS),
    # When the words were published, set off by commas after the verb: "said in its monthly update, published on
    # Thursday, that …" (the day it was said, not that of the claim).
    (LEAD, SAYING, rf"^{_WHO}\s+(?:{_SAY})(?P<published>(?:\s+in\s+[^,]{{1,60}})?,\s*(?:published|released|issued|"
           rf"опублікован\w*|оприлюднен\w*)\s+[^,]{{1,40}}),\s*(?:that\s+|що\s+|что\s+)?(?P<quote>.+)$", _PUBLISHED),
    # Analysts, in particular, point out that …; ISW assessed that …; Генштаб повідомляє, що … No comma between the
    # speaker and the verb: "Ворог накопичує сили, заявив речник …" is a trailing attribution with the verb first.
    (LEAD, SAYING, rf"^{_WHO}(?:\s*,\s*in\s+particular\s*,)?\s+"
           rf"(?:also\s+|further\s+|previously\s+|reportedly\s+|have\s+|has\s+|had\s+|також\s+|также\s+)?"
           rf"(?:{_SAY})(?:\s*,\s*in\s+particular\s*,)?{_WHEN_TAIL}{_THAT}(?P<quote>.+)$"),
    # "… in Ukraine," ISW concludes.  … near Pokrovsk, the General Staff said on Sunday.  …, Tregubov told national
    # television (whom the words were told to, up to three words).
    (TRAIL, SAYING, rf"^(?P<quote>.+?)(?:,\s*[\"”»]|[\"”»]\s*,|,)\s*(?:[-–—]\s*)?{_WHO}\s+(?:{_TOLD}|{_SAY}){_WHEN_TAIL}"
            rf"\s*[.!]?$"),
    # …, повідомив станом на 22:00 Генштаб ЗСУ.
    (TRAIL, SAYING, rf"^(?P<quote>.+?),\s*(?:{_SAY})\s+(?:станом\s+на|as\s+of)\s+[^,]{{1,20}}?\s+"
            rf"(?P<who>[^,]{{2,80}}?)\s*[.!]?$"),
    # У МЗС закликали партнерів …; В Генштабі повідомили, що …
    (LEAD, SAYING, rf"^(?:У|В|Во)\s+(?P<who>[^,]{{2,60}}?)\s+(?:{_SAY}|закликали|закликає|наголосили|підтвердили)\s*,?\s+"
           rf"(?:що\s+|что\s+)?(?P<quote>.+)$"),
    # … near Lyman, Nazar Voloshyn, a spokesperson for the group, told Suspilne.
    (TRAIL, SAYING, rf"^(?P<quote>.+?),\s*(?P<who>[^,]{{2,60}}?,\s+(?:a|an|the|head\s+of|{_OFFICE})\s+[^,]{{2,120}}?),\s+"
            rf"(?:has\s+|have\s+)?(?:{_SAY})\b(?:{_WHEN_TAIL}\s*[.!]?$|(?P<more>[^,]{{0,40}}?)\s*[.!]?$)"),
    # … near Krynky, a spokesperson for the Southern Defense Forces, Dmytro Pletenchuk, said on Tuesday: the office (in
    # lower case) first, the name in apposition after it.
    # (The office must be one: "…, зокрема по Оріхову, Малій Токмачці та Степногірську, додав Федоров" lists places.)
    (TRAIL, SAYING, rf"^(?P<quote>.+?),\s*(?P<who>(?=[^,]{{0,80}}?\b{_OFFICE}\b)(?-i:[a-zа-яіїєґ])[^,]{{2,120}}?,\s+"
            rf"(?-i:[A-ZА-ЯІЇЄҐ])[^,]{{2,60}}?),\s+"
            rf"(?:{_SAY})\b(?:{_WHEN_TAIL}\s*[.!]?$|(?P<more>[^,]{{0,40}}?)\s*[.!]?$)", _TWO_COMMAS),
    # "…, according to Tymur Tkachenko, head of the Kyiv City Military Administration.", "…, said Tymur Tkachenko, head of
    # the city military administration.", "…, according to Roman Mrochko, who heads the city's military administration.":
    # a name, then its office in apposition.
    # (The words after its last comma name an office, no verb: what the reading needs stands before that comma.)
    (TRAIL, ANY, rf"^(?P<quote>.+?),\s*(?:according\s+to|{_SAY}|за\s+словами)\s+"
            rf"(?P<who>(?:the\s+)?(?-i:[A-ZА-ЯІЇЄҐ])[^,]{{2,60}}?,\s+"
            rf"(?:(?:who|which|який|яка|яке|які)\s+|{_AN_OFFICE}\b)[^,]{{0,120}}?)\s*[.!]?$", _APPOSED),
    # … near Pokrovsk, said the General Staff.  …, according to ISW.  …, – повідомили в Генштабі.
    (TRAIL, CITING, rf"^(?P<quote>.+?)(?:,\s*[\"”»]|[\"”»]\s*,|,)\s*(?:[-–—]\s*)?(?:according\s+to|{_SAY}|"
            rf"(?:й|і)деться\s+(?:у|в)|говорится\s+в|за\s+даними|по\s+данным|свідчать\s+дані|свидетельствуют\s+данные)\s+"
            rf"(?P<who>[^,]{{2,120}}?){_WHEN_TAIL}\s*[.!]?$"),
]  # fmt: skip
_COMPILED = [
    (kind, needs, re.compile(pattern, re.IGNORECASE | re.DOTALL), requires)
    for kind, needs, pattern, *more in PATTERNS
    for requires in [more[0] if more else None]
]
# The first word of each verb of saying ("point" of "point out"), and of the other phrases a trailing attribution may
# begin with. Each stands as a word of its own in a reading (a space, a comma or a quotation mark before it, a space
# or a punctuation mark after), so a reading that needs one needs one of the sentence's words to be one of these.
_SAY_WORD = re.compile(grouped(branch.split(r"\s")[0] for branch in branches(_SAY_EN + "|" + _SAY_UK + "|" + _SAY_RU)), re.I)
_CITE_WORD = re.compile(r"according|йдеться|ідеться|говорится|за|по|свідчать|свидетельствуют", re.IGNORECASE)


@lru_cache(maxsize=100_000)
def speech_level(word: str) -> int:
    """SAYING when a word (a WORD of reports.importers.text) may begin a verb of saying, CITING when it may begin
    only another phrase of a trailing attribution ("according to"), else ANY."""
    if _SAY_WORD.fullmatch(word):
        return SAYING
    return CITING if _CITE_WORD.fullmatch(word) else ANY


@dataclass(frozen=True)
class Attribution:
    kind: str
    who: tuple[int, int]  # offsets of the words naming the claimant (with any date said with them)
    quote: tuple[int, int]  # offsets of the words carrying the claim; the sentence before, for NEXT
    name: tuple[int, int] = (0, 0)  # the words naming the claimant alone, without the date said with them


# The words naming a speaker end with an auxiliary: the verb after it is passive, no verb of saying.
_PASSIVE = re.compile(r"\s(?:was|were|is|are|been|being|be|було|були)\s*$", re.IGNORECASE)


@lru_cache(maxsize=32)
def _readings_for(speech: int, speech_after_comma: int) -> tuple:
    """The readings a sentence may have, in order, given the speech levels of its words (see attributions();
    `speech_after_comma` -1 for a sentence with no comma, which no trailing attribution reads)."""
    return tuple(
        (kind, pattern, requires)
        for kind, needs, pattern, requires in _COMPILED
        if needs <= speech and (kind != TRAIL or needs <= speech_after_comma)
    )


def attributions(text: str, start: int, end: int, speech: int = SAYING, speech_after_comma: int = SAYING) -> list[Attribution]:
    """Every reading of the sentence text[start:end] as attributed speech, most likely first.

    `speech`, the highest speech_level() of the sentence's words when the caller knows it, rules out the readings
    that need more; `speech_after_comma`, that of the words after its last comma, those of trailing attributions,
    which follow the last comma (no comma can stand in what follows the quote).
    """
    sentence = text[start:end]
    found = []
    for kind, pattern, requires in _readings_for(speech, speech_after_comma if "," in sentence else -1):
        if requires is not None and not requires(sentence):
            continue
        match = pattern.match(sentence)
        if not match:
            continue
        who_start, who_end = match.span("who")
        name_end = who_end
        tail = match.group("tail") if "tail" in pattern.groupindex else None
        if tail and _WHERE_NOT_WHEN.match(tail):  # "повідомили в ГУНП у Харківській області": where, part of the name
            name_end = match.end("tail")
        for said in ("tail", "published", "more"):
            if said in pattern.groupindex and match.group(said):
                who_end = max(who_end, match.end(said))
        if kind != NEXT and _PASSIVE.search(sentence, 0, match.end("who")):
            continue  # "Hits were recorded at 17 locations": nobody records them there
        quote = match.span("quote") if kind != NEXT else (0, 0)
        who, name = (start + who_start, start + who_end), (start + who_start, start + name_end)
        found.append(Attribution(kind, who, (start + quote[0], start + quote[1]), name))
    return found


# Words that mark what follows as background the cited source did not say.
# Headings of the publisher's own ("Context", "Що відомо") are markers too: after "Context" the publisher writes its
# background, after "What we know" the report goes on.
BACKGROUND_MARKERS = frozenset(
    ["let us remind you", "recall", "reminder", "background", "as a reminder", "we remind you", "нагадаємо", "напомним",
     "context", "контекст", "передісторія", "довідка", "history", "справка", "предыстория"]
)  # fmt: skip
# "Деталі", "Details": the details of the report named before, which go on; "Що відомо", "What we know": the
# publisher's summary, which does not.
DETAIL_MARKERS = frozenset(["details", "addition", "update", "деталі", "доповнення", "подробности", "дополнение"])
SECTION_MARKERS = DETAIL_MARKERS | frozenset(
    ["what we know", "what we know so far", "key points", "що відомо", "що відомо зараз", "що відомо наразі", "головне",
     "что известно"]
)  # fmt: skip
_INLINE_BACKGROUND = re.compile(
    r"^(?:Let\s+us\s+remind\s+you|Recall|We\s+remind\s+you|As\s+a\s+reminder|Нагадаємо|Напомним)\b[,:]?\s*", re.IGNORECASE
)


def marker(line: str) -> str:
    """ "background", "details" or "section" when a line is a section marker of the publisher's, else ""."""
    words = line.strip().rstrip(":.").strip().lower()
    if words in BACKGROUND_MARKERS:
        return "background"
    if words in DETAIL_MARKERS:
        return "details"
    if words in SECTION_MARKERS:
        return "section"
    return ""


def opens_background(line: str) -> bool:
    """A paragraph that starts "Let us remind you that …" is background of its own."""
    return _INLINE_BACKGROUND.match(line.strip()) is not None
