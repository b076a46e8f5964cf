"""Ukrainian to Latin script by the national standard (Cabinet of Ministers resolution No. 55 of 27 January 2010).

It is the system of Ukrainian passports and official maps, so the names it gives match what readers find
on road signs and in government releases: Kharkiv, Zaporizhzhia, Sievierodonetsk.
"""

_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ю": "iu", "я": "ia",
}  # fmt: skip

# At the start of a word these letters keep their Y: Yenakiieve, Yizhakevych, Yosypivka, Yuzhne, Yahotyn.
_WORD_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}

# The standard drops the apostrophe; the codifier and the press spell it several ways.
_APOSTROPHES = frozenset("'’ʼ‘`´")


def _is_letter(character: str) -> bool:
    return character.isalpha() or character in _APOSTROPHES


def transliterate(text: str) -> str:
    """Write a Ukrainian name in Latin letters: "Запоріжжя" → "Zaporizhzhia", "Згурівка" → "Zghurivka".

    Characters outside the Ukrainian alphabet (Latin letters, digits, hyphens) pass through unchanged.
    """
    result = []
    for position, character in enumerate(text):
        lower = character.lower()
        if character in _APOSTROPHES:
            continue
        if lower not in _LETTERS:
            result.append(character)
            continue
        previous = text[position - 1] if position else ""
        word_start = not _is_letter(previous)
        if lower == "г" and previous.lower() == "з":
            # "зг" becomes "zgh", so that Zghurivka is not read as "Zhurivka".
            latin = "gh"
        elif word_start and lower in _WORD_INITIAL:
            latin = _WORD_INITIAL[lower]
        else:
            latin = _LETTERS[lower]
        if character != lower and latin:
            following = text[position + 1 : position + 2]
            # A word in capitals stays in capitals (ЩАСТЯ → SHCHASTIA); a capital initial stays one (Shchastia).
            shouting = following.isupper() or (not following.isalpha() and previous.isupper())
            latin = latin.upper() if shouting else latin[0].upper() + latin[1:]
        result.append(latin)
    return "".join(result)
