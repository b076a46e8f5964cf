"""Long alternations of words, written so that Python's regular-expression engine runs them fast.

The engine tries the branches of an alternation one after another, and under re.IGNORECASE it cannot pass over a
branch by its first character: "said|says|reported|…" costs a step per branch each time it is tried, and the
readers try such lists at many places of every article. Grouped by first character ("s(?:aid|ays)|r(?:eported)"),
a list costs one step per group instead. The grouped pattern matches exactly what the flat one matches, with the
same branch winning: branches that begin with different characters never match at the same place, and within a
group the branches keep their order.
"""

from collections.abc import Iterable

_SPECIAL = set("\\.^$*+?{}[]|()")
_QUANTIFIERS = set("*+?{")


def branches(alternation: str) -> list[str]:
    """The top-level branches of an alternation: "a(?:b|c)|[|]d" gives ["a(?:b|c)", "[|]d"]."""
    found, depth, start, index = [], 0, 0, 0
    while index < len(alternation):
        character = alternation[index]
        if character == "\\":
            index += 2
            continue
        if character == "[":
            index = alternation.index("]", index + 2) + 1  # a "]" right after "[" belongs to the set
            continue
        if character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
        elif character == "|" and depth == 0:
            found.append(alternation[start:index])
            start = index + 1
        index += 1
    found.append(alternation[start:])
    return found


def _groupable(branch: str) -> bool:
    # A plain first character, Latin, Cyrillic or ASCII: no character matches two of these under re.IGNORECASE
    # unless they are the same letter in either case (unlike, say, "s" and "ſ", which this leaves out).
    first = branch[:1]
    plain = first.isascii() or "\u0400" <= first <= "\u04ff"
    return bool(first) and plain and first not in _SPECIAL and branch[1:2] not in _QUANTIFIERS


def grouped(alternatives: Iterable[str]) -> str:
    """The alternatives (regular expressions) as one non-capturing group, grouped by first character.

    For patterns compiled with re.IGNORECASE; a list with a branch that does not begin with a plain character is
    left as it is.
    """
    alternatives = list(alternatives)
    if not all(_groupable(branch) for branch in alternatives):
        return "(?:" + "|".join(alternatives) + ")"
    groups: dict[str, list[str]] = {}
    for branch in alternatives:
        groups.setdefault(branch[0].lower(), []).append(branch[1:])
    return "(?:" + "|".join(first + (f"(?:{'|'.join(rests)})" if rests != [""] else "") for first, rests in groups.items()) + ")"


# The only characters beyond ASCII and Cyrillic that re.IGNORECASE takes for a Latin or Cyrillic letter while
# str.lower() does not make them that letter: "ſeptember" matches a pattern for "september", and lowered it is no
# key of a table of month names. tests/importers/test_patterns.py checks the list against Python's Unicode tables.
LOOKALIKES = "İıſ\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87"


def has_lookalikes(text: str) -> bool:
    return any(character in text for character in LOOKALIKES)
