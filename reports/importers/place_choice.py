"""Choosing among the places that share a name: the one whose line (country, oblast, raion …) meets the places the
article names for certain, the prominent one, or none. A part of the region matcher (reports/importers/regions.py),
which holds the gazetteer's entries (`_entries`), kinds (`_kinds`) and lines from the country down (`_lines`)."""

import os
from collections.abc import Iterable

from reports.importers.place_words import OBSCURE
from reports.importers.text import is_cyrillic_word, normalize

# A name a city (or another known place) shares with villages, written without evidence: the known place, unless the
# article itself names a unit above one of the villages and none above the known place (Золочів on Харківщина).
KNOWN_FIRST = 2


class PlaceChoice:
    _entries: dict
    _kinds: dict[int, str]
    _lines: dict[int, tuple[int, ...]]
    _by_oblast: dict[str, dict[int, list[int]]]

    def _settle_in_line(self, text: str, start: int, keys: tuple, weak, settled: list) -> int | None:
        """A name the article's places leave between candidates equally near them, settled by the places named on its
        own line ("Kherson, Bilozerka, Stanislav and Dniprovske", in an article that names Mykolaiv Oblast too)."""
        line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        near = {mention.region for mention in settled if line_start <= mention.start < line_end}
        if not near:
            return None
        region, _how = self._settle(keys, self._shared(near), weak is True, near)
        return region

    def _namesake(self, city: int, oblast: int) -> bool:
        """Whether the oblast is named after the city (Belgorod Oblast, Бєлгородська область after Бєлгород)."""
        city_names = {normalize(name) for name in self._entries[city].names if " " not in name and len(name) > 3}
        oblast_words = {normalize(name.split()[0]) for name in self._entries[oblast].names}
        return any(word.startswith(name) for word in oblast_words for name in city_names)

    def _shared(self, certain: set) -> set:
        """Each leading part of the line (ancestors, then itself) of each place named for certain: how much ancestry a
        candidate shares with those places is then how many leading parts of its own line are among them."""
        lines = [self._lines[region] for region in certain]
        return {line[:depth] for line in lines for depth in range(1, len(line) + 1)}

    def _settle(self, candidates: tuple, shared: set, weak: bool | int = False, certain=frozenset()) -> tuple[int | None, str]:
        if weak == KNOWN_FIRST:
            candidates, village = self._known_first(candidates, certain)
            if village is not None:
                return village, "context"
            if len(candidates) == 1:
                return candidates[0], ""
        elif weak:  # only a unit above it that the article names for sure makes it the place (deeper than the country)
            depth = {candidate: self._shared_depth(candidate, shared) for candidate in candidates}
            chosen = [candidate for candidate, value in depth.items() if value == max(depth.values()) and value > 1]
            return (chosen[0], "context") if len(chosen) == 1 else (None, "")
        if len(candidates) == 1:
            return candidates[0], ""
        # Context: the candidate sharing the deepest ancestry with a place the article names for certain.
        depth = {candidate: self._shared_depth(candidate, shared) for candidate in candidates}
        best = max(depth.values())
        chosen = [candidate for candidate, value in depth.items() if value == best]
        if best > 1 and len(chosen) == 1:  # deeper than the country alone
            # An oblast's centre a village shares its name with ("по Запоріжжю" beside Donetsk Oblast's villages, where a
            # village Запоріжжя lies): the city, unless the article names a unit above the village itself.
            centre = self._oblast_centre(candidates)
            village = self._kinds[chosen[0]] in OBSCURE and not self._named_above(chosen[0], certain)
            if centre is not None and village:
                return centre, "prominence"
            oblast = self.oblast(chosen[0])
            if village and best < 4 and sum(self.oblast(candidate) == oblast for candidate in candidates) > 1:
                # Villages of one name in the same oblast, the article near one of them only by its raion: which one is
                # meant is the editor's to say (the article names no hromada or raion above it).
                return None, ""
            return chosen[0], "context"
        prominent = [candidate for candidate in candidates if self._entries[candidate].prominent]
        if len(prominent) == 1:
            return prominent[0], "prominence"
        return None, ""

    def _oblast_centre(self, candidates: tuple) -> int | None:
        """The candidate that is a city its oblast is named after (Запоріжжя, Суми, Херсон), if one is."""
        for key in candidates:
            oblast = self.oblast(key)
            if self._entries[key].prominent and oblast not in (None, key) and self._namesake(key, oblast):
                return key
        return None

    def _named_above(self, key: int, certain) -> bool:
        return any(up in certain for up in self._lines[key][1:-1])

    def _known(self, key: int) -> bool:
        return self._entries[key].prominent or self._kinds[key] not in OBSCURE

    def _known_first(self, candidates: tuple, certain) -> tuple[tuple, int | None]:
        """The known places among the candidates, and the one obscure candidate that lies in a unit the article names
        for certain when no known one does (else None)."""
        known = tuple(key for key in candidates if self._known(key))

        if any(self._named_above(key, certain) for key in known):
            return known, None
        villages = [key for key in candidates if key not in known and self._named_above(key, certain)]
        return known, (villages[0] if len(villages) == 1 else None)

    def _shared_depth(self, candidate: int, shared: set) -> int:
        """How many leading places the candidate's line has in common with the line of some place named for certain."""
        line = self._lines[candidate]
        depth = 0
        while depth < len(line) and line[: depth + 1] in shared:
            depth += 1
        return depth

    def most_specific(self, regions: Iterable[int]) -> tuple[int, ...]:
        """The regions given, less those that contain another of them (implied by the hierarchy)."""
        regions = list(dict.fromkeys(regions))
        # A city named beside one of its districts ("Київський район Харкова") is named for itself.
        implied = {
            ancestor
            for region in regions
            for ancestor in self._entries[region].ancestors
            if self._kinds[region] != "city_district" or self._kinds[ancestor] not in ("settlement", "special_city")
        }
        # A raion or a hromada is named only with its kind word ("Синельниківський район", "Межівська громада"): a place
        # of its own, which a village or a hromada named inside it does not make implied.
        return tuple(region for region in regions if region not in implied or self._kinds[region] in ("raion", "hromada"))

    def _units_named_after(self, keys: tuple, kind: str) -> tuple:
        """The units of a kind above the places that bear their name's stem (Хотінська above Хотінь, Обухівський above
        Обухів, Синельниківський above Синельникове)."""
        units = []
        for key in keys:
            names = [normalize(name) for name in self._entries[key].names if " " not in name and is_cyrillic_word(name)]
            line = [up for up in self._lines[key][:-1] if self._kinds[up] == kind]
            if not line:  # a city the gazetteer places under its oblast alone: the oblast's units of that kind
                oblast = next((up for up in self._lines[key] if self._kinds[up] == "oblast"), None)
                line = self._units_of(kind).get(oblast, ())
            for up in line:
                if up not in units and any(_stem_of(name, unit) for name in names for unit in self._entries[up].names):
                    units.append(up)
        return tuple(units)

    def _units_of(self, kind: str) -> dict[int, list[int]]:
        """The units of a kind (raions, hromadas) in each oblast, gathered once."""
        if kind not in self._by_oblast:
            by_oblast: dict[int, list[int]] = {}
            for key, its_kind in self._kinds.items():
                if its_kind == kind:
                    oblast = next((up for up in self._lines[key] if self._kinds[up] == "oblast"), None)
                    by_oblast.setdefault(oblast, []).append(key)
            self._by_oblast[kind] = by_oblast
        return self._by_oblast[kind]


def _stem_of(name: str, unit: str) -> bool:
    """Whether a unit's adjective name is made from a place's name: they share all but its last three letters."""
    unit = normalize(unit)
    shared = len(os.path.commonprefix([name, unit]))
    return shared >= max(3, len(name) - 3)
