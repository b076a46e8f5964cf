import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from reports.models import Source
from reports.services.seeding import LoadResult, upsert

SOURCES_FILE = Path(__file__).resolve().parent.parent / "data" / "sources.json"
FIELDS = ("name", "short_name", "kind", "country", "website", "description", "reliability", "aliases")


@transaction.atomic
def sources_load(*, path: Path = SOURCES_FILE) -> LoadResult:
    """Load the sources the archive ships (ISW, UNN, ministries…), matched by slug; idempotent."""
    result = LoadResult()
    for number, entry in enumerate(json.loads(Path(path).read_text(encoding="utf-8")), start=1):
        try:
            _, outcome = upsert(
                Source,
                lookup={"slug": entry["slug"]},
                values={field: entry.get(field, [] if field == "aliases" else "") for field in FIELDS},
            )
        except (KeyError, ValidationError) as error:
            raise ValueError(f"{path}: source #{number} ({entry.get('slug', '?')}): {error}") from error
        result.count(outcome)
    return result
