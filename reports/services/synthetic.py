"""A synthetic archive for scale work: realistic in shape, reproducible from a seed, and always marked.

Every article and source it writes has is_synthetic set, a "synthetic-" slug and an address under
https://synthetic.invalid/, so that exports of real data can leave it out and `replace` can remove it. Rows
go in through PostgreSQL COPY in committed batches, so that a quarter of a million articles and a million
claims load in minutes with flat memory. No history is written for them: nobody ever edited them.

Content depends only on the seed, the number of articles and the regions and real sources in the archive
(taken in slug order), never on database ids or on the global random generator.
"""

import bisect
import datetime
import hashlib
import math
import random
import time
from calendar import monthrange
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from itertools import accumulate

from django.db import connection, transaction
from django.utils.text import slugify

from reports.caching import data_version_bump
from reports.models import Article, Claim, ClaimLink, Region, Source

BATCH_ARTICLES = 5000
WRITERS = 2
FIRST_DAY, LAST_DAY = datetime.date(2022, 2, 24), datetime.date(2026, 10, 31)
SYNTHETIC_PUBLISHERS = 60
SOURCES_AT_FULL_SCALE, FULL_SCALE_ARTICLES = 1000, 250_000
FIRST_LEVEL_KINDS = {"oblast", "autonomous_republic", "special_city", "krai"}
# The five front-line oblasts carry most of the reporting; Sumy and Russia's border oblasts some of it.
FIRST_LEVEL_WEIGHTS = {
    "UA-14": 26, "UA-23": 14, "UA-63": 14, "UA-09": 10, "UA-65": 10,
    "UA-59": 4, "UA-12": 3, "UA-30": 3, "UA-51": 3, "UA-48": 2, "UA-74": 2, "UA-43": 2, "RU-KRS": 3, "RU-BEL": 3,
}  # fmt: skip
KIND_WEIGHTS = {"settlement": 5, "area": 4, "raion": 2, "hromada": 1.5}
ARTICLE_COLUMNS = (
    "id, title, slug, url, published_on, published_time, dateline, language, lead, body, status, sha256, "
    "is_synthetic, created_at, updated_at, publisher_id"
)
CLAIM_COLUMNS = (
    "id, article_id, statement, quote, quote_start, quote_end, claimant_id, asserted_on, occurred_start, occurred_end, "
    "occurred_precision, topic, quantity_value, quantity_unit, status, created_at, updated_at"
)

# ---- Vocabulary. Claim sentences: (statement in English, then the quoted sentence in en, uk, ru). ----
# Slots: {who} the claimant, {place} a region with its preposition, {when} a date phrase, {qty} a number.
LANGUAGE_INDEX = {"en": 1, "uk": 2, "ru": 3}
CLAIM_TEMPLATES = {
    "territorial_control": [
        ("Russian forces advanced {place}", "{who} assessed that Russian forces advanced {place}{when}{qty}.",
         "За оцінкою {who}, російські війська просунулися {place}{when}{qty}.",
         "По оценке {who}, российские войска продвинулись {place}{when}{qty}."),
        ("Ukrainian forces regained positions {place}",
         "According to {who}, Ukrainian forces regained positions {place}{when}{qty}.",
         "За даними {who}, українські сили відновили позиції {place}{when}{qty}.",
         "По данным {who}, украинские силы восстановили позиции {place}{when}{qty}."),
    ],
    "ground_combat": [
        ("Russian forces assaulted Ukrainian positions {place}",
         "{who} said Russian forces assaulted positions {place}{when}{qty}.",
         "{who} повідомляє, що російські війська штурмували позиції {place}{when}{qty}.",
         "{who} сообщает, что российские войска штурмовали позиции {place}{when}{qty}."),
        ("Ukrainian forces repelled attacks {place}", "Ukrainian defenders repelled attacks {place}{when}{qty}, {who} said.",
         "Українські захисники відбили атаки {place}{when}{qty}, повідомляє {who}.",
         "Украинские защитники отбили атаки {place}{when}{qty}, сообщает {who}."),
    ],
    "strikes": [
        ("Russia struck targets {place} with drones and missiles", "{who} reported drone and missile strikes {place}{when}{qty}.",
         "{who} повідомляє про удари дронів і ракет {place}{when}{qty}.",
         "{who} сообщает об ударах беспилотников и ракет {place}{when}{qty}."),
        ("Air defence intercepted attack drones {place}",
         "Air defence intercepted attack drones {place}{when}{qty}, according to {who}.",
         "Сили ППО збили ударні дрони {place}{when}{qty}, за даними {who}.",
         "Силы ПВО сбили ударные беспилотники {place}{when}{qty}, по данным {who}."),
    ],
    "casualties": [
        ("Civilians were killed or wounded {place}", "{who} said civilians were killed or wounded {place}{when}{qty}.",
         "{who} повідомляє про загиблих і поранених цивільних {place}{when}{qty}.",
         "{who} сообщает о погибших и раненых мирных жителях {place}{when}{qty}."),
        ("Russian forces suffered heavy losses {place}",
         "Russian forces suffered heavy losses {place}{when}{qty}, {who} claimed.",
         "Російські війська зазнали значних втрат {place}{when}{qty}, стверджує {who}.",
         "Российские войска понесли значительные потери {place}{when}{qty}, утверждает {who}."),
    ],
    "diplomacy": [
        ("Russia stalls ceasefire talks to gain ground {place}",
         "{who} assessed that Russia stalls ceasefire talks to gain ground {place}{when}{qty}.",
         "За оцінкою {who}, Росія затягує переговори про припинення вогню, щоб захопити більше територій {place}{when}{qty}.",
         "По оценке {who}, Россия затягивает переговоры о прекращении огня, чтобы захватить больше территорий "
         "{place}{when}{qty}."),
        ("Talks on security guarantees addressed the situation {place}",
         "{who} said talks on security guarantees addressed the situation {place}{when}{qty}.",
         "{who} заявляє, що переговори про гарантії безпеки стосувалися ситуації {place}{when}{qty}.",
         "{who} заявляет, что переговоры о гарантиях безопасности касались ситуации {place}{when}{qty}."),
    ],
    "mobilisation": [
        ("Occupation authorities forcibly mobilised residents {place}",
         "{who} reported forced mobilisation of residents {place}{when}{qty}.",
         "{who} повідомляє про примусову мобілізацію мешканців {place}{when}{qty}.",
         "{who} сообщает о принудительной мобилизации жителей {place}{when}{qty}."),
        ("Russia redeployed reserves {place}", "According to {who}, Russia redeployed reserves {place}{when}{qty}.",
         "За даними {who}, Росія перекинула резерви {place}{when}{qty}.",
         "По данным {who}, Россия перебросила резервы {place}{when}{qty}."),
    ],
    "occupation": [
        ("Occupying forces deported civilians {place}", "{who} documented the deportation of civilians {place}{when}{qty}.",
         "За даними {who}, окупанти депортували цивільних {place}{when}{qty}.",
         "По данным {who}, оккупанты депортировали мирных жителей {place}{when}{qty}."),
        ("Occupation authorities seized homes {place}", "{who} said occupation authorities seized homes {place}{when}{qty}.",
         "{who} заявляє, що окупаційна влада відбирає житло {place}{when}{qty}.",
         "{who} заявляет, что оккупационные власти отбирают жильё {place}{when}{qty}."),
    ],
    "infrastructure": [
        ("Energy infrastructure was damaged {place}", "{who} reported damage to energy infrastructure {place}{when}{qty}.",
         "{who} повідомляє про пошкодження енергетичної інфраструктури {place}{when}{qty}.",
         "{who} сообщает о повреждении энергетической инфраструктуры {place}{when}{qty}."),
        ("Power and water supply were restored {place}", "Power and water supply were restored {place}{when}{qty}, {who} said.",
         "Електро- та водопостачання відновлено {place}{when}{qty}, повідомляє {who}.",
         "Электро- и водоснабжение восстановлено {place}{when}{qty}, сообщает {who}."),
    ],
    "other": [
        ("The situation {place} remains tense", "{who} described the situation {place} as tense{when}{qty}.",
         "{who} характеризує ситуацію {place} як напружену{when}{qty}.",
         "{who} характеризует ситуацию {place} как напряжённую{when}{qty}."),
    ],
}  # fmt: skip
QUANTITY_PHRASES = {
    "km²": ("about {n} km²", "близько {n} км²", "около {n} км²"),
    "%": ("about {n} % of the area", "близько {n} % території", "около {n} % территории"),
    "people": ("{n} people", "осіб: {n}", "человек: {n}"),
    "assaults": ("{n} assaults", "штурмів: {n}", "штурмов: {n}"),
    "drones": ("{n} drones", "дронів: {n}", "беспилотников: {n}"),
}
UNITS_BY_TOPIC = {
    "territorial_control": ("km²", "km²", "%"), "ground_combat": ("assaults",), "strikes": ("drones",),
    "casualties": ("people",), "diplomacy": ("%",), "mobilisation": ("people",), "occupation": ("people",),
    "infrastructure": ("drones", "people"), "other": ("people",),
}  # fmt: skip
FILLERS = {
    "en": ["Fighting {place} has continued for several weeks.", "The claims could not be independently verified.",
           "Local officials urged residents {place} to take air raid alerts seriously.", "{who} did not give further details.",
           "Analysts caution that the situation {place} can change within hours.",
           "About {num} residents remain {place}, according to local authorities.",
           "Satellite images dated {date} show fresh damage {place}.",
           "Volunteers keep delivering water, food and medicine {place}.",
           "Both sides use drones extensively {place}, which makes any movement dangerous.",
           "The evacuation of families with children {place} continues.",
           "Earlier reports by {who} described a similar picture {place}.",
           "The next update is expected once new imagery is available.",
           "Residents {place} report power outages after overnight shelling.",
           "Military observers expect heavier fighting {place} in the coming days.",
           "Photos shared on {date} show destroyed vehicles {place}.",
           "Humanitarian convoys are still operating {place} despite shelling.", "Schools {place} have moved to remote learning.",
           "{who} published a map of the situation {place}."],
    "uk": ["Бої {place} тривають уже кілька тижнів.", "Ці дані неможливо незалежно перевірити.",
           "Місцева влада закликає мешканців {place} не нехтувати повітряними тривогами.", "{who} не наводить подробиць.",
           "Аналітики застерігають, що ситуація {place} може змінитися за лічені години.",
           "За даними місцевої влади, {place} залишається близько {num} мешканців.",
           "Супутникові знімки від {date} фіксують нові руйнування {place}.",
           "Волонтери й далі доставляють воду, їжу та ліки {place}.",
           "Обидві сторони активно застосовують дрони {place}, тож будь-яке пересування небезпечне.",
           "Евакуація родин з дітьми {place} триває.",
           "У попередніх зведеннях {who} описано подібну картину {place}.",
           "Наступне оновлення очікується після появи нових знімків.",
           "Мешканці {place} повідомляють про знеструмлення після нічних обстрілів.",
           "Військові спостерігачі очікують посилення боїв {place} найближчими днями.",
           "На фото від {date} видно знищену техніку {place}.", "Гуманітарні конвої й далі працюють {place}, попри обстріли.",
           "Школи {place} перейшли на дистанційне навчання.", "{who} оприлюднює мапу ситуації {place}."],
    "ru": ["Бои {place} продолжаются уже несколько недель.", "Эти данные невозможно независимо проверить.",
           "Местные власти призывают жителей {place} не игнорировать воздушные тревоги.", "{who} не приводит подробностей.",
           "Аналитики предупреждают, что ситуация {place} может измениться за считанные часы.",
           "По данным местных властей, {place} остаётся около {num} жителей.",
           "Спутниковые снимки от {date} фиксируют новые разрушения {place}.",
           "Волонтёры продолжают доставлять воду, еду и лекарства {place}.",
           "Обе стороны активно применяют беспилотники {place}, поэтому любое передвижение опасно.",
           "Эвакуация семей с детьми {place} продолжается.",
           "В предыдущих сводках {who} описана похожая картина {place}.",
           "Следующее обновление ожидается после появления новых снимков.",
           "Жители {place} сообщают об отключениях света после ночных обстрелов.",
           "Военные наблюдатели ожидают усиления боёв {place} в ближайшие дни.",
           "На фото от {date} видна уничтоженная техника {place}.",
           "Гуманитарные конвои продолжают работать {place}, несмотря на обстрелы.",
           "Школы {place} перешли на дистанционное обучение.", "{who} публикует карту ситуации {place}."],
}  # fmt: skip
TITLES = {
    "en": ["{who}: fighting continues {place}", "Situation {place} as of {date}", "{who} reports new attacks {place}",
           "Strikes {place}: what is known", "Front-line update: the situation {place}",
           "What {who} says about the situation {place}"],
    "uk": ["{who}: бої {place} тривають", "Ситуація {place} станом на {date}", "{who} повідомляє про нові атаки {place}",
           "Удари {place}: що відомо", "Зведення з фронту: ситуація {place}", "Що {who} каже про ситуацію {place}"],
    "ru": ["{who}: бои {place} продолжаются", "Ситуация {place} на {date}", "{who} сообщает о новых атаках {place}",
           "Удары {place}: что известно", "Сводка с фронта: ситуация {place}", "Что {who} говорит о ситуации {place}"],
}  # fmt: skip
LEADS = {
    "en": "{who} assesses the situation {place} as of {date}.",
    "uk": "{who} оцінює ситуацію {place} станом на {date}.",
    "ru": "{who} оценивает ситуацию {place} на {date}.",
}
DATELINES = {
    "en": ["Kyiv", "Kyiv", "Kharkiv", "Dnipro", "Zaporizhzhia", "Odesa", "London", "Washington", "Brussels"],
    "uk": ["Київ", "Київ", "Харків", "Дніпро", "Запоріжжя", "Одеса", "Краматорськ", "Суми"],
    "ru": ["Киев", "Рига", "Вильнюс", "Таллин", "Харьков"],
}
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
           "December"],
    "uk": ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада",
           "грудня"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
           "декабря"],
}  # fmt: skip
MONTHS_IN = {
    "uk": ["січні", "лютому", "березні", "квітні", "травні", "червні", "липні", "серпні", "вересні", "жовтні", "листопаді",
           "грудні"],
    "ru": ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре", "ноябре", "декабре"],
}  # fmt: skip
SEASONS = {  # winter, spring, summer, autumn
    "en": ("in the winter of", "in the spring of", "in the summer of", "in the autumn of"),
    "uk": ("взимку", "навесні", "влітку", "восени"),
    "ru": ("зимой", "весной", "летом", "осенью"),
}
# Parts of a month for approximate dates ("since late November"): first day, last day, phrase per language.
MONTH_PARTS = [
    (1, 10, "in early {month}", "на початку {month}", "в начале {month}"),
    (11, 20, "in mid-{month}", "у середині {month}", "в середине {month}"),
    (21, 31, "since late {month}", "з кінця {month}", "с конца {month}"),
]
# Ukrainian and Russian place phrases: the head noun in the locative, and how the adjectives before it change.
LOCATIVE_NOUNS = {
    "uk": {
        "область": "області", "громада": "громаді", "республіка": "республіці", "район": "районі", "край": "краї",
        "напрямок": "напрямку", "прикордоння": "прикордонні",
    },
    "ru": {
        "область": "области", "республика": "республике", "район": "районе", "край": "крае", "направление": "направлении",
        "приграничье": "приграничье",
    },
}  # fmt: skip
LOCATIVE_ADJECTIVES = {
    "uk": (("а", "ій"), ("ий", "ому"), ("е", "ому")),
    "ru": (("ая", "ой"), ("ий", "ом"), ("ый", "ом"), ("ое", "ом")),
}
# Russian texts name first-level units and countries in Russian; the gazetteer has no Russian name field.
RUSSIAN_NAMES = {
    "UA-05": "Винницкая область", "UA-07": "Волынская область", "UA-12": "Днепропетровская область",
    "UA-14": "Донецкая область", "UA-18": "Житомирская область", "UA-21": "Закарпатская область",
    "UA-23": "Запорожская область", "UA-26": "Ивано-Франковская область", "UA-32": "Киевская область",
    "UA-35": "Кировоградская область", "UA-09": "Луганская область", "UA-46": "Львовская область",
    "UA-48": "Николаевская область", "UA-51": "Одесская область", "UA-53": "Полтавская область",
    "UA-56": "Ровенская область", "UA-59": "Сумская область", "UA-61": "Тернопольская область",
    "UA-63": "Харьковская область", "UA-65": "Херсонская область", "UA-68": "Хмельницкая область",
    "UA-71": "Черкасская область", "UA-77": "Черновицкая область", "UA-74": "Черниговская область",
    "UA-43": "Автономная Республика Крым", "UA-30": "Киев", "UA-40": "Севастополь", "RU-KRS": "Курская область",
    "RU-BEL": "Белгородская область", "RU-BRY": "Брянская область", "RU-VOR": "Воронежская область",
    "RU-ROS": "Ростовская область", "RU-KDA": "Краснодарский край", "UA": "Украина", "RU": "Россия", "BY": "Беларусь",
}  # fmt: skip
UKRAINIAN_ONLY = set("іїєґІЇЄҐ'’ʼ")

# Synthetic source names: parts combined in a fixed order, so every run names them alike.
PUBLISHER_NAMES = {
    "en": (["Atlantic", "Northern", "Capital", "Continental", "Meridian", "Harbour", "Summit", "Coastal", "Liberty", "Union"],
           ["Herald", "Ledger", "Dispatch", "Chronicle", "Courier", "Wire", "Observer", "Gazette"],
           ["US", "GB", "CA", "DE", "PL"]),
    "uk": (["Dnipro", "Podillia", "Polissia", "Slobozhanshchyna", "Tavria", "Volyn", "Siver", "Prychornomoria"],
           ["Novyny", "Holos", "Visnyk", "Kurier", "Ekspres", "Dzerkalo"], ["UA"]),
    "ru": (["Baltic", "Riga", "Narva", "Daugava", "Neman"], ["Vedomosti", "Vestnik", "Obozrevatel", "Reporter"],
           ["LV", "LT", "EE"]),
}  # fmt: skip
PUBLISHER_SHARE = {"en": 28, "uk": 20, "ru": 12}
PUBLISHER_KINDS = ("newspaper", "news_agency", "broadcaster")
CLAIMANT_REGIONS = ["Eastern", "Southern", "Black Sea", "Azov", "Dnipro", "Donbas", "Baltic", "Transatlantic", "Carpathian",
                    "Steppe", "Northern", "Central European", "Nordic", "Danube", "Polissia", "Pontic", "Tavrian", "Siverian",
                    "Western", "Caucasus"]  # fmt: skip
CLAIMANT_FIELDS = ["Security", "Defence", "Conflict", "Strategy", "Policy", "Human Rights", "Frontline", "Open Source",
                   "Geospatial", "Civil Protection"]  # fmt: skip
CLAIMANT_BODIES = [("Institute", "think_tank", "US GB UA PL EE DE"), ("Monitor", "osint", "UA GB NL FI"),
                   ("Centre", "think_tank", "GB UA LT CZ"), ("Watch", "ngo", "UA CH US"), ("Command", "military", "UA RU"),
                   ("Office", "government", "UA RU US PL"), ("Mission", "international", "CH AT BE"),
                   ("Group", "osint", "UA EE US"), ("Council", "government", "UA GB FR"),
                   ("Foundation", "ngo", "UA DE SE")]  # fmt: skip
RELIABILITY_CYCLE = "BCCDFCBDEFACCF"

LANGUAGES = ["en", "uk", "ru"]
LANGUAGE_WEIGHTS = [50, 35, 15]
CLAIM_COUNTS = (range(2, 9), [20, 27, 21, 13, 9, 6, 4])  # mean ≈ 4 claims per article
TOPIC_WEIGHTS = dict(zip(CLAIM_TEMPLATES, [20, 22, 18, 9, 8, 6, 7, 7, 3], strict=True))
STATUS_WEIGHTS = {"unverified": 62, "suggested": 20, "corroborated": 9, "disputed": 6, "refuted": 3}
PRECISION_WEIGHTS = {"day": 40, "week": 14, "month": 16, "season": 8, "year": 7, "approximate": 15}


class SyntheticArchiveError(Exception):
    """The synthetic archive cannot be generated as asked; the message says what to do."""


@dataclass(frozen=True)
class GenerateResult:
    articles: int
    claims: int
    article_regions: int
    claim_regions: int
    cited_sources: int
    sources_created: int
    deleted_articles: int
    deleted_sources: int
    seconds: float

    @property
    def rows(self) -> int:
        return self.articles + self.claims + self.article_regions + self.claim_regions + self.cited_sources


class Weighted:
    """Items drawn by weight in O(log n), from cumulative weights computed once."""

    __slots__ = ("items", "cumulative", "total")

    def __init__(self, items, weights):
        self.items, self.cumulative = list(items), list(accumulate(weights))
        self.total = self.cumulative[-1]

    def draw(self, rng: random.Random):
        return self.items[min(bisect.bisect(self.cumulative, rng.random() * self.total), len(self.items) - 1)]


def zipf(items, exponent: float) -> Weighted:
    return Weighted(items, [1 / (rank + 1) ** exponent for rank in range(len(items))])


def _locative(phrase: str, language: str) -> str | None:
    """'Донецька область' → 'на' or 'у' + 'Донецькій області'; None when no head noun known here is in it."""
    words, nouns = phrase.split(" "), LOCATIVE_NOUNS[language]
    head = next((i for i, word in enumerate(words) if word.lower() in nouns), None)
    if head is None:
        return None
    declined = nouns[words[head].lower()]
    words[head] = declined[0].upper() + declined[1:] if words[head][0].isupper() else declined
    for i in range(head):
        ending = next((pair for pair in LOCATIVE_ADJECTIVES[language] if words[i].endswith(pair[0])), None)
        if ending is None:
            return None
        words[i] = words[i][: -len(ending[0])] + ending[1]
    if declined in ("напрямку", "направлении"):
        return "на " + " ".join(words)
    return _with_preposition(" ".join(words), language)


def _with_preposition(phrase: str, language: str) -> str:
    if language == "ru":
        return "в " + phrase
    return ("в " if phrase[0].lower() in "аеєиіїоуюя" else "у ") + phrase


def _country_locative(name: str, language: str) -> str:
    # Україна → в Україні, Білорусь → у Білорусі; Украина → в Украине, Беларусь → в Беларуси.
    endings = (("ія", "ії"), ("а", "і"), ("ь", "і")) if language == "uk" else (("ия", "ии"), ("а", "е"), ("ь", "и"))
    for ending, locative in endings:
        if name.endswith(ending):
            return _with_preposition(name[: -len(ending)] + locative, language)
    return _with_preposition(name, language)


class Place:
    """A region as texts name it in each language, and where it lies (for picking its neighbours)."""

    __slots__ = ("id", "name", "name_uk", "kind", "code", "ancestor_ids", "aliases", "_phrases")

    def __init__(self, id, name, name_uk, kind, code, path, aliases):  # noqa: A002 (the column's name)
        self.id, self.name, self.name_uk, self.kind, self.code, self.aliases = id, name, name_uk or name, kind, code, aliases
        self.ancestor_ids = [int(segment) for segment in path.split("/")[:-2]]
        self._phrases = None

    def at(self, language: str) -> str:
        """The region with the preposition a sentence needs: 'near Lyman', 'у Донецькій області'."""
        if self._phrases is None:
            self._phrases = {"en": self._english(), "uk": self._ukrainian(), "ru": self._russian()}
        return self._phrases[language]

    def _english(self) -> str:
        suffix = {"raion": " Raion", "hromada": " Hromada", "city_district": " District"}.get(self.kind, "")
        name = self.name if suffix.strip().lower() in self.name.lower() else self.name + suffix
        if self.kind == "settlement":
            return f"near {name}"
        if self.kind == "area" and name.split(" ")[-1].lower() in {"direction", "axis", "front", "area"}:
            return f"in the {name}"
        return f"in {name}"

    def _ukrainian(self) -> str:
        if self.kind == "settlement":
            return f"у районі н. п. {self.name_uk}"
        if self.kind == "special_city":
            return f"у місті {self.name_uk}"
        if self.kind == "country":
            return _country_locative(self.name_uk, "uk")
        name = self._ukrainian_full_name()
        return _locative(name, "uk") or f"на території «{name}»"

    def _ukrainian_full_name(self) -> str:
        # The codifier writes "Бахмутський" for the raion; a sentence needs "Бахмутський район".
        noun = {"raion": "район", "hromada": "громада", "city_district": "район"}.get(self.kind)
        return self.name_uk if not noun or noun in self.name_uk.lower() else f"{self.name_uk} {noun}"

    def _russian(self) -> str:
        # Russian spellings: the table for first-level units, else an alias that looks Russian, else the Ukrainian.
        russian = [a for a in self.aliases if not UKRAINIAN_ONLY.intersection(a) and any("а" <= c <= "я" for c in a.lower())]
        name = RUSSIAN_NAMES.get(self.code)
        if self.kind == "settlement":
            plain = self.name_uk.replace("ь", "")  # Покровськ → Покровск, when the aliases have it
            if plain in russian or UKRAINIAN_ONLY.intersection(self.name_uk):
                name = plain if plain in russian else min(russian, key=len, default=self.name_uk)
            return f"в районе н. п. {name or self.name_uk}"
        if self.kind == "special_city":
            return f"в городе {name or self.name_uk}"
        if self.kind == "country":
            return _country_locative(name or self.name_uk, "ru")
        declined = next((d for d in (_locative(a, "ru") for a in ([name] if name else sorted(russian, key=len))) if d), None)
        return declined or f"на территории «{name or self._ukrainian_full_name()}»"


@dataclass(frozen=True)
class Voice:
    """A source as generated text names it."""

    id: int
    slug: str
    label: str
    languages: tuple


@dataclass(frozen=True)
class SourceSpec:
    name: str
    short_name: str
    kind: str
    country: str
    reliability: str
    languages: tuple  # the languages it publishes in; empty for a claimant

    @property
    def slug(self) -> str:
        return "synthetic-" + slugify(self.name)


def _spread(index: int, combinations: int) -> int:
    """The index-th of `combinations` name combinations, each visited once and neighbours far apart."""
    # 7919 is prime and divides none of the counts used here, so the walk is a permutation.
    return index * 7919 % combinations


def _publisher_specs() -> list[SourceSpec]:
    specs = []
    for language, count in PUBLISHER_SHARE.items():
        prefixes, nouns, countries = PUBLISHER_NAMES[language]
        for i in range(count):
            prefix, noun = divmod(_spread(i, len(prefixes) * len(nouns)), len(nouns))
            name = f"{prefixes[prefix]} {nouns[noun]}"
            kind, country = PUBLISHER_KINDS[i % 3], countries[i % len(countries)]
            specs.append(SourceSpec(name, "", kind, country, RELIABILITY_CYCLE[i % 14], (language,)))
    return specs


def _claimant_specs(count: int) -> list[SourceSpec]:
    specs, combinations = [], len(CLAIMANT_REGIONS) * len(CLAIMANT_FIELDS) * len(CLAIMANT_BODIES)
    for i in range(count):
        region, rest = divmod(_spread(i, combinations), len(CLAIMANT_FIELDS) * len(CLAIMANT_BODIES))
        field, body = divmod(rest, len(CLAIMANT_BODIES))
        noun, kind, countries = CLAIMANT_BODIES[body]
        name = f"{CLAIMANT_REGIONS[region]} {CLAIMANT_FIELDS[field]} {noun}"
        # Only some organisations go by initials; texts name the others in full.
        short = "".join(word[0] for word in name.split()) if i % 2 == 0 else ""
        countries = countries.split()
        specs.append(SourceSpec(name, short, kind, countries[i % len(countries)], RELIABILITY_CYCLE[i % 14], ()))
    return specs


def _languages_of(country: str) -> tuple:
    return {"UA": ("uk", "en"), "RU": ("ru",), "BY": ("ru",)}.get(country, ("en",))


def _number(value, language: str) -> str:
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.1f}".removesuffix(".0")
    # 12,345.5 in English; 12 345,5 in Ukrainian and Russian.
    return text if language == "en" else text.replace(",", " ").replace(".", ",")


def _date(day: datetime.date, language: str) -> str:
    if language == "en":
        return f"{MONTHS['en'][day.month - 1]} {day.day}, {day.year}"
    return f"{day.day} {MONTHS[language][day.month - 1]} {day.year} {'року' if language == 'uk' else 'года'}"


def _month(day: datetime.date, language: str) -> str:
    if language == "en":
        return f"{MONTHS['en'][day.month - 1]} {day.year}"
    return f"{MONTHS[language][day.month - 1]} {day.year} {'року' if language == 'uk' else 'года'}"


def _occurred(rng: random.Random, asserted: datetime.date, language: str):
    """A period the claim speaks of, on or before the day it was asserted: (start, end, precision, phrase)."""
    roll = rng.random()
    lag = rng.randint(0, 2) if roll < 0.5 else rng.randint(3, 30) if roll < 0.85 else rng.randint(31, 900)
    anchor = max(asserted - datetime.timedelta(days=lag), datetime.date(2022, 1, 1))
    precision = _PRECISIONS.draw(rng)
    year, month = anchor.year, anchor.month
    last_of_month = monthrange(year, month)[1]
    if precision == "day":
        start = end = anchor
        phrase = (f"on {_date(anchor, 'en')}", _date(anchor, "uk"), _date(anchor, "ru"))
    elif precision == "week":
        start = anchor - datetime.timedelta(days=anchor.weekday())
        end = start + datetime.timedelta(days=6)
        phrase = (f"in the week of {_date(start, 'en')}", f"протягом тижня від {_date(start, 'uk')}",
                  f"на неделе с {_date(start, 'ru')}")  # fmt: skip
    elif precision == "month":
        start, end = anchor.replace(day=1), anchor.replace(day=last_of_month)
        phrase = (f"in {_month(anchor, 'en')}", f"у {MONTHS_IN['uk'][month - 1]} {year} року",
                  f"в {MONTHS_IN['ru'][month - 1]} {year} года")  # fmt: skip
    elif precision == "season":
        season = month % 12 // 3  # December, January and February are winter, spanning two years
        first_year = year - 1 if month < 3 else year
        start = datetime.date(first_year, (season * 3 or 12), 1)
        end_month = season * 3 + 2 if season else 2
        end_year = first_year + 1 if season == 0 else first_year
        end = datetime.date(end_year, end_month, monthrange(end_year, end_month)[1])
        years = f"{first_year}–{first_year + 1}" if season == 0 else str(first_year)
        plural = season == 0
        phrase = (f"{SEASONS['en'][season]} {years}", f"{SEASONS['uk'][season]} {years} {'років' if plural else 'року'}",
                  f"{SEASONS['ru'][season]} {years} {'годов' if plural else 'года'}")  # fmt: skip
    elif precision == "year":
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        phrase = (f"in {year}", f"у {year} році", f"в {year} году")
    else:
        first, last, *templates = MONTH_PARTS[min((anchor.day - 1) // 10, 2)]
        start, end = anchor.replace(day=first), anchor.replace(day=min(last, last_of_month))
        month_names = (_month(anchor, "en"), _month(anchor, "uk"), _month(anchor, "ru"))
        phrase = tuple(template.format(month=name) for template, name in zip(templates, month_names, strict=True))
    return start, end, precision, phrase[LANGUAGE_INDEX[language] - 1]


def _quantity(rng: random.Random, unit: str):
    if unit == "km²":
        value = max(0.5, round(rng.lognormvariate(2.3, 1.1), 1))
    elif unit == "%":
        value = rng.choice([0.5, 1, 1.5, 2, 3, 5, 7, 10, 15, 20, 25, 30])
    elif unit == "people":
        value = int(rng.lognormvariate(3.0, 1.4)) + 1
    else:
        value = rng.randint(2, 160)
    value = int(value) if float(value).is_integer() else value
    return Decimal(str(value)), value


_LANGUAGES = Weighted(LANGUAGES, LANGUAGE_WEIGHTS)
_CLAIM_COUNTS = Weighted(*CLAIM_COUNTS)
_TOPICS = Weighted(TOPIC_WEIGHTS, TOPIC_WEIGHTS.values())
_STATUSES = Weighted(STATUS_WEIGHTS, STATUS_WEIGHTS.values())
_PRECISIONS = Weighted(PRECISION_WEIGHTS, PRECISION_WEIGHTS.values())
_FIRST_DAY_ORDINAL, _DAYS = FIRST_DAY.toordinal(), (LAST_DAY - FIRST_DAY).days + 1


class Composer:
    """Writes synthetic articles, all drawn from one random generator: the same seed, the same articles."""

    def __init__(self, rng: random.Random, places: list[Place], publishers: list[Voice], claimants: list[Voice]):
        self.rng, self.places = rng, {place.id: place for place in places}
        heads = [place for place in places if place.kind in FIRST_LEVEL_KINDS]
        # Without first-level units (an unusual gazetteer) every region stands for itself.
        head_ids = {place.id for place in heads}
        members = {place.id: [] for place in heads}
        self.head_of = {place.id: place for place in heads or places}
        for place in places:
            head_id = next((ancestor for ancestor in place.ancestor_ids if ancestor in head_ids), None)
            if head_id is not None:
                members[head_id].append(place)
                self.head_of[place.id] = self.places[head_id]
        default = {True: 1.0, False: 0.5}
        self.first_level = Weighted(
            heads or places, [FIRST_LEVEL_WEIGHTS.get(p.code, default[p.code.startswith("UA")]) for p in heads or places]
        )
        self.inside = {head: (self._weighted(inside, notable=True), self._weighted(inside)) for head, inside in members.items()}
        self.publishers = {lang: zipf([v for v in publishers if lang in v.languages], 0.9) for lang in LANGUAGES}
        self.claimants = zipf(claimants, 1.1)

    @staticmethod
    def _weighted(places: list[Place], notable: bool = False) -> Weighted | None:
        # Regions the gazetteer names (with aliases), and named areas, are the ones reports mention most.
        chosen = [place for place in places if not notable or place.aliases or place.kind == "area"]
        return Weighted(chosen, [KIND_WEIGHTS.get(place.kind, 1) for place in chosen]) if chosen else None

    def _inside(self, head: Place) -> Place:
        notable, every = self.inside.get(head.id, (None, None))
        roll = self.rng.random()
        if every is None or roll < 0.3:
            return head
        return notable.draw(self.rng) if notable and roll < 0.72 else every.draw(self.rng)

    def article(self, number: int):
        """One article: (COPY row after the id, created_at, region ids, cited source ids, claims)."""
        rng = self.rng
        language = _LANGUAGES.draw(rng)
        publisher = self.publishers[language].draw(rng)
        # Reporting grows over time: the density of days rises linearly, threefold from first day to last.
        day = min(int((math.sqrt(1 + 8 * rng.random()) - 1) / 2 * _DAYS), _DAYS - 1)
        published = datetime.date.fromordinal(_FIRST_DAY_ORDINAL + day)
        head = self.first_level.draw(rng)
        places = [self._inside(head)]
        for _ in range(rng.choices((0, 1, 2), (55, 30, 15))[0]):
            place = self._inside(head if rng.random() < 0.6 else self.first_level.draw(rng))
            if place not in places:
                places.append(place)
        voices = []
        for _ in range(rng.choices((1, 2, 3), (45, 35, 20))[0]):
            voice = self.claimants.draw(rng)
            if voice not in voices:
                voices.append(voice)
        drafts = [self._claim(language, published, places, voices, publisher) for _ in range(_CLAIM_COUNTS.draw(rng))]
        body, offsets = self._body(language, published, [draft[0] for draft in drafts], places, voices + [publisher])
        claims = [
            ((statement, body[start:end], start, end, *rest), region_ids)
            for (_, statement, rest, region_ids), (start, end) in zip(drafts, offsets, strict=True)
        ]
        cited = list(dict.fromkeys(row[4] for row, _ in claims if row[4] is not None and row[4] != publisher.id))
        words = {"who": voices[0].label, "place": places[0].at(language), "date": _date(published, language)}
        title, lead = rng.choice(TITLES[language]).format(**words), LEADS[language].format(**words)
        published_time = datetime.time(rng.randint(6, 22), rng.randint(0, 59)) if rng.random() < 0.8 else None
        created_at = datetime.datetime.combine(published, published_time or datetime.time(12), datetime.UTC)
        created_at += datetime.timedelta(minutes=rng.randint(3, 720))
        row = (
            title, f"synthetic-{number:06d}",
            f"https://synthetic.invalid/{publisher.slug.removeprefix('synthetic-')}/{published:%Y/%m/%d}/{number}",
            published, published_time, rng.choice(DATELINES[language]), language, lead if rng.random() < 0.6 else "",
            body, "draft" if rng.random() < 0.05 else "published", hashlib.sha256(body.encode()).hexdigest(), True,
            created_at, created_at, publisher.id,
        )  # fmt: skip
        return row, created_at, [place.id for place in places], cited, claims

    def _claim(self, language, published, places, voices, publisher):
        rng, index = self.rng, LANGUAGE_INDEX[language]
        topic = _TOPICS.draw(rng)
        template = rng.choice(CLAIM_TEMPLATES[topic])
        place = rng.choice(places) if rng.random() < 0.65 else self._inside(self.head_of[places[0].id])
        regions = [place]
        if rng.random() < 0.3:
            wider = self.head_of[place.id]
            if topic == "diplomacy" and place.ancestor_ids:
                wider = self.places.get(place.ancestor_ids[0], wider)  # the country
            regions += [wider] if wider is not place else []
        # About one claim in twelve is the publisher's own statement: the publisher is its claimant.
        claimant = publisher if rng.random() < 0.08 else voices[0] if rng.random() < 0.5 else rng.choice(voices)
        asserted = published if rng.random() < 0.85 else max(published - datetime.timedelta(days=rng.randint(1, 3)), FIRST_DAY)
        start = end = None
        precision = when = ""
        if rng.random() < 0.7:
            start, end, precision, when = _occurred(rng, asserted, language)
            when = " " + when
        value, unit, qty, qty_en = None, "", "", ""
        if rng.random() < 0.2:
            unit = rng.choice(UNITS_BY_TOPIC[topic])
            value, shown = _quantity(rng, unit)
            qty = f" ({QUANTITY_PHRASES[unit][index - 1].format(n=_number(shown, language))})"
            qty_en = f" ({QUANTITY_PHRASES[unit][0].format(n=_number(shown, 'en'))})"
        sentence = template[index].format(who=claimant.label, place=place.at(language), when=when, qty=qty)
        statement = template[0].format(place=place.at("en")) + qty_en
        rest = (claimant.id, asserted, start, end, precision, topic, value, unit, _STATUSES.draw(rng))
        return sentence, statement, rest, [region.id for region in regions]

    def _body(self, language, published, sentences, places, voices):
        """Paragraphs of claim sentences among context sentences; returns the text and each claim's offsets."""
        rng = self.rng
        items = [(sentence, index) for index, sentence in enumerate(sentences)]
        length, target = sum(len(sentence) + 1 for sentence in sentences), rng.randint(1000, 3000)
        fillers = []
        while length < target:
            # Each context sentence once before any comes back, as a writer would avoid repeating themselves.
            fillers = fillers or rng.sample(FILLERS[language], len(FILLERS[language]))
            filler = fillers.pop().format(
                place=rng.choice(places).at(language), who=rng.choice(voices).label,
                num=_number(rng.randint(200, 20000), language), date=_date(published, language),
            )  # fmt: skip
            items.append((filler, -1))
            length += len(filler) + 1
        rest = items[1:]
        rng.shuffle(rest)
        items = items[:1] + rest  # reports open with their main claim
        paragraphs, offsets, position = [], [None] * len(sentences), -2
        while items:
            size = rng.randint(2, 5)
            paragraph_items, items = items[:size], items[size:]
            position += 2
            for number, (sentence, index) in enumerate(paragraph_items):
                position += 1 if number else 0
                if index >= 0:
                    offsets[index] = (position, position + len(sentence))
                position += len(sentence)
            paragraphs.append(" ".join(sentence for sentence, _ in paragraph_items))
        return "\n\n".join(paragraphs), offsets


def archive_generate(
    *, articles: int, seed: int, replace: bool = False, progress: Callable[[int], None] | None = None
) -> GenerateResult:
    """Generate `articles` synthetic articles with their claims, regions and cited sources.

    The same seed and number give the same titles, texts, quotes and choices on an archive without synthetic
    data (ids may differ). `replace` first deletes every synthetic article (with its claims) and source;
    otherwise the new articles follow the existing synthetic ones. Publishers and claimants are synthetic
    sources (created once, reused by later runs) and the real sources already in the archive; regions come
    from the gazetteer, which must be loaded. Each batch of articles is committed on its own (outside a
    transaction, by two connections at once), and `progress(n)` is called after it with its number of articles.
    """
    if articles <= 0:
        raise SyntheticArchiveError("the number of articles must be positive")
    started = time.monotonic()
    places = [Place(*row) for row in Region.objects.order_by("slug").values_list(*Place.__slots__[:5], "path", "aliases")]
    if not places:
        raise SyntheticArchiveError("the archive has no regions: run load_gazetteer first")
    deleted_articles, deleted_sources = _delete_synthetic() if replace else (0, 0)
    publishers, claimants, sources_created = _sources(articles)
    composer = Composer(random.Random(seed), places, publishers, claimants)
    batches = _compose(composer, _last_article_number(), articles)
    totals = [0] * 5

    def written(size: int, counts: tuple) -> None:
        totals[:] = [total + count for total, count in zip(totals, counts, strict=True)]
        if progress:
            progress(size)

    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Region._meta.db_table}, {Source._meta.db_table}")
    first = next(batches)
    written(len(first), _write(first, refresh_statistics=True))
    if connection.in_atomic_block:
        # Inside the caller's transaction only this connection sees its rows (the regions, the sources).
        for batch in batches:
            written(len(batch), _write(batch))
    else:
        _write_concurrently(batches, written)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(_tables())}")
    data_version_bump()
    return GenerateResult(*totals, sources_created, deleted_articles, deleted_sources, time.monotonic() - started)


def _compose(composer: Composer, last_number: int, articles: int) -> Iterator[list]:
    """Batches of articles, composed one after the other so that the seed alone decides their content."""
    for start in range(0, articles, BATCH_ARTICLES):
        yield [composer.article(last_number + start + i + 1) for i in range(min(BATCH_ARTICLES, articles - start))]


def _write_concurrently(batches: Iterator[list], written: Callable[[int, tuple], None]) -> None:
    """Write batches on WRITERS connections at once, while this thread composes the next batch.

    PostgreSQL does most of the work (search vectors, triggers, indexes) and a connection uses one core:
    two of them keep two cores busy. At most WRITERS batches wait in memory.
    """
    pending = deque()
    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        for batch in batches:
            pending.append((len(batch), pool.submit(_write_on_own_connection, batch)))
            if len(pending) >= WRITERS:
                size, future = pending.popleft()
                written(size, future.result())
        while pending:
            size, future = pending.popleft()
            written(size, future.result())


def _write_on_own_connection(batch: list) -> tuple:
    try:
        return _write(batch)
    finally:
        connection.close()  # this worker thread's own connection; the next batch opens a fresh one


def _tables() -> list[str]:
    return [
        Source._meta.db_table, Article._meta.db_table, Article.regions.through._meta.db_table,
        Article.cited_sources.through._meta.db_table, Claim._meta.db_table, Claim.regions.through._meta.db_table,
    ]  # fmt: skip


def _delete_synthetic() -> tuple[int, int]:
    """Delete synthetic articles with their claims and links, then the synthetic sources nothing real uses.

    Parents and their link rows go in one statement each (foreign keys are checked at commit): the link
    tables' triggers then find no article or claim left to refresh, instead of rewriting every row first.
    """
    source, article, _, cited, claim, claim_regions = _tables()
    synthetic_claims = f"SELECT c.id FROM {claim} c JOIN {article} a ON a.id = c.article_id WHERE a.is_synthetic"
    article_links = [(field.remote_field.through._meta.db_table, field.m2m_column_name()) for field in Article._meta.many_to_many]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"WITH doomed AS ({synthetic_claims}),"
            f" links AS (DELETE FROM {ClaimLink._meta.db_table}"
            f" WHERE from_claim_id IN (SELECT id FROM doomed) OR to_claim_id IN (SELECT id FROM doomed)),"
            f" regions AS (DELETE FROM {claim_regions} WHERE claim_id IN (SELECT id FROM doomed))"
            f" DELETE FROM {claim} WHERE id IN (SELECT id FROM doomed)"
        )
        links = ", ".join(
            f"links_{number} AS (DELETE FROM {table} m USING {article} a WHERE a.id = m.{column} AND a.is_synthetic)"
            for number, (table, column) in enumerate(article_links)
        )
        cursor.execute(f"WITH {links} DELETE FROM {article} WHERE is_synthetic")
        deleted_articles = cursor.rowcount
        # A synthetic source that real data refers to (an editor's slip) stays rather than failing the run.
        cursor.execute(
            f"DELETE FROM {source} s WHERE s.is_synthetic"
            f" AND NOT EXISTS (SELECT 1 FROM {article} WHERE publisher_id = s.id)"
            f" AND NOT EXISTS (SELECT 1 FROM {cited} WHERE source_id = s.id)"
            f" AND NOT EXISTS (SELECT 1 FROM {claim} WHERE claimant_id = s.id)"
        )
        return deleted_articles, cursor.rowcount


def _sources(articles: int) -> tuple[list[Voice], list[Voice], int]:
    """Publishers and claimants, most prominent first; the synthetic ones are created when missing."""
    real = list(Source.objects.filter(is_synthetic=False).order_by("slug"))
    # The long tail of rarely quoted claimants grows with the archive, up to ~1,000 sources in all.
    wanted = 200 + (SOURCES_AT_FULL_SCALE - 200) * min(1, articles / FULL_SCALE_ARTICLES)
    specs = _publisher_specs() + _claimant_specs(max(140, round(wanted) - SYNTHETIC_PUBLISHERS - len(real)))
    real_names = {source.name for source in real}
    with transaction.atomic():
        existing = {s.slug: s for s in Source.objects.filter(is_synthetic=True, slug__in=[spec.slug for spec in specs])}
        missing = [
            Source(
                name=spec.name + (" (synthetic)" if spec.name in real_names else ""),
                short_name=spec.short_name,
                slug=spec.slug,
                kind=spec.kind,
                country=spec.country,
                website=f"https://synthetic.invalid/sources/{spec.slug}/",
                description="Synthetic source generated for scale tests; not a real organisation.",
                reliability=spec.reliability,
                is_synthetic=True,
            )
            for spec in specs
            if spec.slug not in existing
        ]
        # bulk_create writes no history rows, as befits data nobody edited.
        existing.update({source.slug: source for source in Source.objects.bulk_create(missing)})

    def voice(source, languages):
        return Voice(source.pk, source.slug, source.short_name or source.name, languages)

    publishers = [voice(source, _languages_of(source.country)) for source in real]
    publishers += [voice(existing[spec.slug], spec.languages) for spec in specs if spec.languages]
    claimants = [voice(source, ()) for source in real] + [voice(existing[spec.slug], ()) for spec in specs if not spec.languages]
    return publishers, claimants, len(missing)


def _last_article_number() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(max(substring(slug FROM '^synthetic-([0-9]+)$')::bigint), 0)"
            f" FROM {Article._meta.db_table} WHERE is_synthetic"
        )
        return cursor.fetchone()[0]


def _reserve_ids(cursor, table: str, count: int) -> list[int]:
    cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, count])
    return [row[0] for row in cursor.fetchall()]


def _write(batch: list, *, refresh_statistics: bool = False) -> tuple[int, int, int, int, int]:
    """COPY one batch of composed articles in one transaction; return the rows written per table.

    Links go in before the articles and claims they belong to (foreign keys are checked at commit): the
    archive's triggers copy an article's or claim's links onto its row, and a row inserted after its links
    reads them once, while links added later make the triggers rewrite every row of the batch (and recompute
    its search vector). PostgreSQL plans those triggers' queries and the foreign-key checks once per
    connection, from the tables' statistics; on a nearly empty archive they choose sequential scans that grow
    with the table, so `refresh_statistics` (the first batch) analyzes each table as soon as it is written.
    """
    _, article, article_regions, cited, claim, claim_regions = _tables()
    with transaction.atomic(), connection.cursor() as cursor:
        # Losing the last batches of synthetic data in a crash costs nothing; waiting for each flush costs time.
        cursor.execute("SET LOCAL synchronous_commit TO off")
        article_ids = _reserve_ids(cursor, article, len(batch))
        claim_ids = iter(_reserve_ids(cursor, claim, sum(len(claims) for *_, claims in batch)))
        article_rows, claim_rows, article_region_rows, cited_rows, claim_region_rows = [], [], [], [], []
        for article_id, (row, created_at, region_ids, cited_ids, claims) in zip(article_ids, batch, strict=True):
            article_rows.append((article_id, *row))
            article_region_rows += [(article_id, region_id) for region_id in region_ids]
            cited_rows += [(article_id, source_id) for source_id in cited_ids]
            for claim_row, claim_region_ids in claims:
                claim_id = next(claim_ids)
                claim_rows.append((claim_id, article_id, *claim_row, created_at, created_at))
                claim_region_rows += [(claim_id, region_id) for region_id in claim_region_ids]
        for table, columns, rows in (
            (article_regions, "article_id, region_id", article_region_rows),
            (cited, "article_id, source_id", cited_rows),
            (article, ARTICLE_COLUMNS, article_rows),
            (claim_regions, "claim_id, region_id", claim_region_rows),
            (claim, CLAIM_COLUMNS, claim_rows),
        ):
            with cursor.connection.cursor() as raw, raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            if refresh_statistics:
                cursor.execute(f"ANALYZE {table}")
    return len(batch), len(claim_rows), len(article_region_rows), len(claim_region_rows), len(cited_rows)
