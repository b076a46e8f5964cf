"""Loading of the gazetteer the archive ships: countries, first-level units, the most reported settlements, fronts."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from reports.models import Region
from reports.services.seeding import LoadResult

GAZETTEER_FILE = Path(__file__).resolve().parent.parent / "data" / "gazetteer.json"

# Every field an entry may carry besides slug and parent; an entry that leaves one out gets the empty value.
DEFAULTS = {
    "name": "",
    "name_uk": "",
    "kind": "",
    "code": "",
    "katottg": "",
    "katottg_category": "",
    "latitude": None,
    "longitude": None,
    "area_km2": None,
    "aliases": [],
}
KNOWN_KEYS = {"slug", "parent", *DEFAULTS}
CHANGE_REASON = "Loaded from the gazetteer"


class GazetteerError(ValueError):
    """The gazetteer file cannot be loaded; the message names the file and the entry at fault."""


@transaction.atomic
def gazetteer_load(*, path: Path | str | None = None) -> LoadResult:
    """Create or update the regions listed in the gazetteer file, matched by slug; safe to run again.

    Entries come parents first; `parent` is a slug, of an earlier entry or of a region already in the archive.
    A region whose fields all match its entry is not saved again, so a second load writes no history. A region
    that already lies deeper inside its listed parent (Lyman under its hromada, once the KATOTTG codifier is
    loaded) keeps that finer place. Any malformed entry raises GazetteerError naming it, and nothing is saved.
    """
    path = Path(path) if path is not None else GAZETTEER_FILE
    entries = _read(path)
    placed: dict[str, Region] = {}
    result = LoadResult()
    for number, entry in enumerate(entries, start=1):
        slug = entry["slug"]
        label = f"{path.name}: entry {number} ({slug})"
        parent = _parent(entry.get("parent"), placed, label)
        values = {field: entry.get(field, default) for field, default in DEFAULTS.items()}
        values["aliases"] = list(values["aliases"])  # never the shared default itself
        if values["latitude"] is None and values["longitude"] is None:
            # The file gives no point: the one the archive has (typed in, or placed by load_geodata) stays.
            del values["latitude"], values["longitude"]
        elif values["latitude"] is not None and values["longitude"] is not None:
            values["location_precision"] = Region.Precision.OWN
        # Read one by one rather than all at once: saving a region rewrites the paths below it.
        region = Region.objects.filter(slug=slug).first()
        if region is None:
            region = Region(slug=slug)
            result.created += 1
        elif _matches(region, values, parent):
            placed[slug] = region
            result.unchanged += 1
            continue
        else:
            result.updated += 1
        for field, value in values.items():
            setattr(region, field, value)
        if not _lies_inside(region, parent):
            region.parent = parent
        _save(region, label)
        placed[slug] = region
    return result


def _read(path: Path) -> list[dict]:
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise GazetteerError(f"{path}: cannot be read ({error.strerror or error})") from error
    except ValueError as error:
        raise GazetteerError(f"{path}: not valid JSON ({error})") from error
    if not isinstance(entries, list):
        raise GazetteerError(f"{path}: expected a JSON list of regions")
    seen = set()
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("slug"), str) or not entry["slug"]:
            raise GazetteerError(f"{path.name}: entry {number} is not an object with a slug")
        label = f"{path.name}: entry {number} ({entry['slug']})"
        if entry["slug"] in seen:
            raise GazetteerError(f"{label}: slug listed twice")
        seen.add(entry["slug"])
        unknown = sorted(set(entry) - KNOWN_KEYS)
        if unknown:
            raise GazetteerError(f"{label}: unknown field {', '.join(unknown)}")
        if entry.get("kind") not in Region.Kind.values:
            raise GazetteerError(f"{label}: unknown kind {entry.get('kind')!r}; expected one of {', '.join(Region.Kind.values)}")
        if not isinstance(entry.get("aliases", []), list):
            raise GazetteerError(f"{label}: aliases must be a list of strings")
    return entries


def _parent(slug: str | None, placed: dict[str, Region], label: str) -> Region | None:
    if slug is None:
        return None
    parent = placed.get(slug)
    if parent is None:
        # A later entry cannot serve: its path is not written yet, and the file promises parents first.
        parent = Region.objects.filter(slug=slug).first()
        if parent is None:
            raise GazetteerError(f"{label}: unknown parent {slug!r} (not listed before it, nor in the archive)")
        placed[slug] = parent
    return parent


def _lies_inside(region: Region, parent: Region | None) -> bool:
    if parent is None:
        return region.parent_id is None
    if region.parent_id == parent.pk:
        return True
    # Only a saved region has a path; a deeper place counts only if the region is really under this parent.
    return bool(region.pk and region.path) and region.path.startswith(parent.path) and region.pk != parent.pk


def _matches(region: Region, values: dict, parent: Region | None) -> bool:
    return _lies_inside(region, parent) and all(getattr(region, field) == value for field, value in values.items())


def _save(region: Region, label: str) -> None:
    try:
        # path is derived by save() from the parent; validating it before would only report it empty. The
        # table's constraints are left to PostgreSQL: asking it first costs a dozen queries per region.
        region.full_clean(exclude=["path"], validate_constraints=False)
        region._change_reason = CHANGE_REASON
        region.save()
    except IntegrityError as error:
        raise GazetteerError(f"{label}: {str(error).splitlines()[0]}") from error
    except ValidationError as error:
        by_field = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
        messages = "; ".join(
            " ".join(errors) if field == "__all__" else f"{field}: {' '.join(errors)}" for field, errors in by_field.items()
        )
        raise GazetteerError(f"{label}: {messages}") from error
