"""How synthetic texts name places in each language ("near Lyman", "у Донецькій області") and write numbers."""

from reports.models.regions import path_ids

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


def locative(phrase: str, language: str) -> str | None:
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
    return with_preposition(" ".join(words), language)


def with_preposition(phrase: str, language: str) -> str:
    if language == "ru":
        return "в " + phrase
    return ("в " if phrase[0].lower() in "аеєиіїоуюя" else "у ") + phrase


def country_locative(name: str, language: str) -> str:
    # Україна → в Україні, Білорусь → у Білорусі; Украина → в Украине, Беларусь → в Беларуси.
    endings = (("ія", "ії"), ("а", "і"), ("ь", "і")) if language == "uk" else (("ия", "ии"), ("а", "е"), ("ь", "и"))
    for ending, locative in endings:
        if name.endswith(ending):
            return with_preposition(name[: -len(ending)] + locative, language)
    return with_preposition(name, language)


class Place:
    """A region as texts name it in each language, and where it lies (for picking its neighbours)."""

    __slots__ = ("id", "name", "name_uk", "kind", "code", "ancestor_ids", "aliases", "_phrases")

    def __init__(self, id, name, name_uk, kind, code, path, aliases):  # noqa: A002 (the column's name)
        self.id, self.name, self.name_uk, self.kind, self.code, self.aliases = id, name, name_uk or name, kind, code, aliases
        self.ancestor_ids = path_ids(path)[:-1]
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
            return country_locative(self.name_uk, "uk")
        name = self._ukrainian_full_name()
        return locative(name, "uk") or f"на території «{name}»"

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
            return country_locative(name or self.name_uk, "ru")
        declined = next((d for d in (locative(a, "ru") for a in ([name] if name else sorted(russian, key=len))) if d), None)
        return declined or f"на территории «{name or self._ukrainian_full_name()}»"


def number_text(value, language: str) -> str:
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.1f}".removesuffix(".0")
    # 12,345.5 in English; 12 345,5 in Ukrainian and Russian.
    return text if language == "en" else text.replace(",", " ").replace(".", ",")
