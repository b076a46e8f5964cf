"""The words around a place name that tell whether it names the place: prepositions, kind words, features named
after a place, organisations, capitals speaking for governments, rivers, people's titles. Lookup forms (normalised)
only; the region matcher asks these of the few words that begin a name."""

from reports.importers import morphology
from reports.importers.text import Tokens, is_cyrillic_word, normalize


def _norms(words: list[str]) -> frozenset[str]:
    return frozenset(normalize(word) for word in words)


# A country's name is mostly an actor ("Russia is delaying talks"); it names a place after these words.
LOCATIVE = _norms([
    "in", "into", "inside", "across", "throughout", "within", "over", "from", "to",
    "в", "у", "на", "по", "до", "з", "із", "зі", "над", "через", "во", "из",
])  # fmt: skip
# "Kyiv protested", "Kyiv denied": the government, not the city.
ACTOR_VERBS = _norms([
    "said", "says", "stated", "insists", "insisted", "protested", "demands", "demanded", "accused", "accuses", "wants",
    "hopes", "expects", "believes", "warned", "warns", "announced", "rejected", "rejects", "responded", "denied", "did",
    "disputes", "disputed", "dismissed", "dismisses",
    "denies", "blamed", "blames", "заявив", "заявила", "заявляє", "вимагає", "наполягає", "звинуватив", "звинувачує",
    "заявил", "заявляет", "требует", "настаивает", "обвинил", "обвиняет",
    # "Kyiv has stepped up …", "Kyiv will not …", "can Kyiv get through the winter", "force Kyiv to spend"
    "has", "have", "had", "will", "would", "can", "could", "must", "should", "to", "needs", "get", "wanted", "agreed",
    "заперечує", "заперечив", "погодився", "відмовився",
])  # fmt: skip
# The words before a capital that make it the government: "controlled by Kyiv", "accused Kyiv", "звинуватив Київ",
# "showed Kyiv was …".
_GOVERNED_BY = _norms(
    [
        "accused",
        "accuses",
        "blamed",
        "blames",
        "urged",
        "urges",
        "forced",
        "force",
        "pressed",
        "pressing",
        "showed",
        "звинуватив",
        "звинуватила",
        "звинуватили",
        "звинувачує",
        "закликав",
        "закликала",
    ]
)
# "Donetsk and Luhansk regions": one generic word after a list of names makes each name that unit.
DIRECTION_WORDS = _norms(["direction", "directions", "axis", "axes", "напрямок", "напрямку", "напрямках", "напрямки", "напрямі"])
GENERIC = DIRECTION_WORDS | _norms([
    "region", "regions", "oblast", "oblasts", "raion", "raions", "district", "districts", "область", "району",
    "район", "край", "краю",
])  # fmt: skip
CONNECTORS = _norms(["and", "or", "&", "та", "і", "й", "и", "або", "или"])
# "Kerch Strait", "Zaporizhzhia Nuclear Power Plant", "Dnipro River": a feature named after a place, not the place.
FEATURES = _norms([
    "strait", "river", "bay", "reservoir", "nuclear", "npp", "hpp", "dam", "canal", "lake", "sea", "spit", "island", "islands",
    "salient", "pocket", "bulge", "direction", "axis", "grouping", "front", "sector", "delta", "estuary", "floodplains",
    "regional",
    "дельта", "дельті", "дельти", "гирло", "гирлі", "море", "моря", "морі", "морем",
    "протока", "річка", "річки", "водосховище", "аес", "гес", "затока", "пролив", "река", "водохранилище",
    "напрямок", "напрямку", "напрямі", "напрямках", "угруповання", "направление", "направлении",
    # "Антонівського мосту", "the Antonivskyi Bridge": a bridge named after a place.
    "міст", "мосту", "мості", "мостом", "bridge", "мост", "моста",
])  # fmt: skip
# "Kyiv Independent", "Kharkiv Independent Monitoring Group", "Kyiv Post": a name that goes on as an organisation's.
ORGANISATION_WORDS = _norms([
    "independent", "post", "times", "pravda", "university", "school", "group", "institute",
    # "Donetsk Regional Military Administration", "Kharkiv City Council": an office, not where anything happened.
    "regional", "city", "military", "state", "council", "administration",
    # "Дніпропетровська ОВА", "Сумська МВА": an office's abbreviation after the oblast's or the city's adjective.
    "ова", "мва", "ода", "цва",
])  # fmt: skip
# "Kyiv and Moscow agreed": a capital beside another capital speaks for a government.
CAPITALS = _norms(["moscow", "washington", "minsk", "москва", "москви", "вашингтон", "мінськ", "москва"])
# A place the reader would not otherwise know (one of the codifier's 28,000 villages, named like a word, a person or
# a front) needs evidence: a preposition or a kind word before it, or a unit above it the article names for sure.
EVIDENCE = LOCATIVE | _norms([
    "near", "outside", "around", "toward", "towards", "of", "at", "village", "town", "city", "settlement", "hromada",
    "біля", "поблизу", "під", "за", "від", "околиці", "околицях", "район", "районі", "напрямку", "село", "селі", "села",
    "селище", "селищі", "селища", "місто", "місті", "міста", "смт", "громада", "громаді", "громади",
    "около", "под", "возле", "село", "поселок", "город",
])  # fmt: skip
HROMADA_WORDS = _norms(["громада", "громади", "громаді", "громаду", "громадою", "громадах", "hromada", "hromadas", "community",
                        "communities"])  # fmt: skip
RAION_WORDS = _norms(["район", "району", "районі", "районом", "районах", "raion", "raions", "district", "districts", "район",
                      "районе"])  # fmt: skip
OBSCURE = frozenset({"settlement", "hromada", "city_district"})
_LIST_KIND_WORDS = HROMADA_WORDS | RAION_WORDS
# Units named by an adjective (Покровська громада, Покровський район, Київський район Харкова): their case forms are the
# adjective's.
ADJECTIVE_NAMED_KINDS = frozenset({"hromada", "raion", "city_district"})
# Units named by a stem and a generic word ("Donetsk Oblast", "Bakhmut Raion"), which texts also name by the stem
# alone when a generic word follows a list ("Donetsk and Luhansk regions").
STEM_NAMED_KINDS = frozenset({"oblast", "autonomous_republic", "krai", "raion", "area"})

# "the east bank of the Dnipro", "з лівого берега річки Дніпро", "across the river from Kherson": a river, not the city
# that shares its name. The words between the river word and the name may only be these.
RIVER_WORDS = _norms([
    "river", "rivers", "bank", "banks", "riverbank", "shore", "річка", "річки", "річці", "річку", "ріка", "ріки", "берег",
    "берега", "березі", "берегом", "береги", "правобережжя", "лівобережжя", "река", "реки", "реке", "берегу", "delta",
    "дельта", "дельті", "дельти", "гирло", "гирлі", "море", "моря", "морі", "морем", "гирла",
    # "переправи через Оскіл", "переправу через Дніпро": what is crossed is a river; "над акваторією Дніпра": its waters.
    "переправа", "переправи", "переправу", "переправі", "переправ", "переправах", "переправами", "акваторія", "акваторією",
    "акваторії", "акваторію",
])  # fmt: skip
_RIVER_LINKS = _norms(["of", "the", "через"])
# Titles before a first name: "President Volodymyr Zelensky", "Mayor Ihor Terekhov".
PERSON_TITLES = _norms([
    "president", "minister", "governor", "mayor", "spokesman", "spokeswoman", "spokesperson", "general", "colonel",
    "commander", "mr", "mrs", "ms", "dr", "prime", "chief", "director", "ambassador", "secretary", "head", "gov", "gen",
    "sen", "rep",
])  # fmt: skip
_WITH = _norms(["з", "із", "зі", "с", "со"])
# Instrumental endings (the case "with" takes): "з Києвом", "с Москвой".
_INSTRUMENTAL = ("ом", "ем", "єм", "ою", "ею", "єю", "ой", "ей")
# Regions named by collective nouns in -жжя, -лля, -ття, -сся (Запоріжжя, Поділля, Закарпаття) take "на" in the
# locative: "на Запоріжжі" is the region, "у Запоріжжі" the city.
_ON = normalize("на")
_COLLECTIVE_LOCATIVE = ("жжі", "ллі", "тті", "ссі", "ччі", "нні", "ззі")


# A city takes no article in English; a river does, and these words go with rivers: "across the Dnipro".
_ACROSS_THE = _norms(["across", "along", "cross", "crossed", "crossing", "over", "up", "down", "beyond"])


def by_a_river_word(tokens: Tokens, first: int) -> bool:
    """Whether the name at word `first` follows a word for a river or its bank, across "of the" at most, or "across
    the"."""
    if first > 1 and tokens.norms[first - 1] == "the" and tokens.norms[first - 2] in _ACROSS_THE:
        return True
    index = first - 1
    while index >= 0 and first - index <= 3 and tokens.norms[index] in _RIVER_LINKS:
        index -= 1
    return index >= 0 and first - index <= 3 and tokens.norms[index] in RIVER_WORDS


# "Kyiv's forces", "Moscow's troops": a capital's army or government, not the city.
_HELD_BY_A_CAPITAL = _norms(["forces", "troops", "military", "army", "government", "allies", "partners", "officials",
                             "counteroffensive", "offensive", "position", "response", "leadership"])  # fmt: skip


def means_the_government(tokens: Tokens, first: int) -> bool:
    """Whether a capital at word `first` is a party to something: "talks with Kyiv", "переговори з Києвом", "Kyiv's
    forces"."""
    word = tokens.words[first]
    if word.endswith(("'s", "’s")) and first + 1 < len(tokens) and tokens.norms[first + 1] in _HELD_BY_A_CAPITAL:
        return True
    if not first:
        return False
    previous = tokens.norms[first - 1]
    if previous == "by" and first > 1 and tokens.norms[first - 2] in ("controlled", "held", "occupied", "accused"):
        return True  # "territory controlled by Kyiv"
    return previous == "with" or previous in _GOVERNED_BY or (previous in _WITH and word.lower().endswith(_INSTRUMENTAL))


def names_a_person_by_title(tokens: Tokens, first: int, last: int) -> bool:
    """Whether a one-word name stands between a title and another capitalised word: "President Volodymyr Zelensky"."""
    return (
        last - first == 1
        and first > 0
        and tokens.norms[first - 1] in PERSON_TITLES
        and last < len(tokens)
        and tokens.joined(last)
        and tokens.capital(last)
    )


def region_by_collective(tokens: Tokens, first: int, last: int) -> bool:
    """Whether the name is a collective region noun in the locative after "на" ("на Запоріжжі")."""
    return (
        last - first == 1
        and first > 0
        and tokens.norms[first - 1] == _ON
        and tokens.words[first].lower().endswith(_COLLECTIVE_LOCATIVE)
    )


def kind_word_closing(tokens: Tokens, last: int, limit: int = 8, kinds: frozenset = _LIST_KIND_WORDS) -> str:
    """The kind word that closes a list of one-word names going on after the name ending before word `last`: "громади"
    of "Білопільська, Краснопільська та Хотінська громади", "hromadas" of "Bilopilska and Krasnopilska hromadas"; ""
    when the words after the name are no such list."""
    count = len(tokens)
    position = last
    for _ in range(limit):
        if position >= count:
            return ""
        if tokens.comma(position):
            position += tokens.norms[position] in CONNECTORS
        elif tokens.joined(position) and tokens.norms[position] in CONNECTORS:
            position += 1
        else:
            return ""
        if position >= count or not tokens.capital(position):
            return ""
        position += 1  # the next name of the list
        if position < count and tokens.joined(position) and tokens.norms[position] in kinds:
            return tokens.norms[position]
    return ""


# Ukrainian and Russian first names as English copy spells them, some of which villages share ("Oleh": Олег in Odesa
# Oblast, "Roman", "Bohdan", "Taras").
_LATIN_FIRST_NAMES = frozenset(
    ["oleh", "oleg", "ivan", "serhii", "serhiy", "sergei", "sergey", "oleksandr", "alexander", "aleksandr", "vadym", "vadim",
     "vitalii", "vitaliy", "vitali", "andrii", "andriy", "andrei", "andrey", "dmytro", "dmitry", "dmitri", "mykola",
     "nikolai", "volodymyr", "vladimir", "yurii", "yuriy", "yuri", "viktor", "vladyslav", "vladislav", "nazar", "roman",
     "ihor", "igor", "ruslan", "maksym", "maxim", "artem", "vyacheslav", "viacheslav", "oleksii", "oleksiy", "alexei",
     "tymur", "pavlo", "pavel", "yevhen", "yevgeny", "denys", "denis", "petro", "taras", "bohdan", "kyrylo", "anton",
     "mykhailo", "mikhail", "hennadii", "valerii", "valery", "stepan", "vasyl", "yaroslav", "yulia", "yuliia", "olena",
     "iryna", "natalia", "nataliia", "svitlana", "anna", "mariia", "maria", "valentyna", "hanna", "tetiana", "liudmyla",
     "oksana", "kateryna", "olha", "daria", "danielle", "rafael"]
)  # fmt: skip


def names_a_person(tokens: Tokens, first: int, last: int) -> bool:
    """Whether a one-word Ukrainian name is a person's: a first name or a surname followed by another capitalised
    word (Володимир Зеленський, Олег Синєгубов), a word after a first name (Олександр Промінь), or a word the
    dictionary knows only as a person's name."""
    if last - first != 1:
        return False
    word = tokens.words[first]
    if not is_cyrillic_word(word):
        # "Oleh Kiper", "Roman Mrochko": a first name as English copy writes it, a capitalised word after it.
        return word.casefold() in _LATIN_FIRST_NAMES and last < len(tokens) and tokens.joined(last) and tokens.capital(last)
    if morphology.is_personal_name(word):
        return True
    following = last < len(tokens) and tokens.joined(last) and tokens.capital(last)
    if following and morphology.is_first_name(word):
        return True
    # A surname after a first name ("Олександр Промінь"): the first name only, not any person's noun.
    return first > 0 and tokens.joined(first) and tokens.capital(first - 1) and morphology.is_given_name(tokens.words[first - 1])


def a_surname(tokens: Tokens, first: int, last: int, surnames: list[str]) -> bool:
    """Whether a one-word Ukrainian name is a person's surname: after a first name (noted in `surnames`), or one
    noted before met again with no preposition before it."""
    word = tokens.words[first]
    if last - first != 1 or not is_cyrillic_word(word):
        return False
    if first and tokens.joined(first) and tokens.capital(first - 1) and morphology.is_given_name(tokens.words[first - 1]):
        surnames.append(word.casefold())
        return True
    if first and tokens.norms[first - 1] in EVIDENCE:
        return False
    folded = word.casefold()
    return any(folded.startswith(name[: max(4, len(name) - 1)]) and len(folded) - len(name) <= 3 for name in surnames)
