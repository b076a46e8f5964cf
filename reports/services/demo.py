"""The demo archive: the shipped sample article with its claims, curated by hand."""

import datetime
import json
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from reports.importers import sample_text
from reports.models import Article, Claim, Region, Source
from reports.services.seeding import UNCHANGED, UPDATED, LoadResult, set_if_changed, upsert

DEMO_DIR = Path(__file__).resolve().parent.parent / "data" / "demo"


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _by_slug(model, slugs):
    found = {obj.slug: obj for obj in model.objects.filter(slug__in=slugs)}
    missing = sorted(set(slugs) - set(found))
    if missing:
        raise ValueError(
            f"demo archive: unknown {model._meta.verbose_name} {', '.join(missing)}; load the gazetteer and sources first"
        )
    return [found[slug] for slug in slugs]


@transaction.atomic
def demo_load(*, directory: Path = DEMO_DIR) -> LoadResult:
    """Load the demo articles and their claims; a second load changes nothing."""
    result = LoadResult()
    for entry in json.loads((directory / "demo.json").read_text(encoding="utf-8"))["articles"]:
        parsed = sample_text.parse((directory / entry["file"]).read_text(encoding="utf-8"))
        (publisher,) = _by_slug(Source, [entry["publisher"]])
        article, outcome = upsert(
            Article,
            lookup={"slug": entry["slug"]},
            values={
                "title": parsed.title,
                "publisher": publisher,
                "published_on": parsed.published_on,
                "dateline": parsed.dateline,
                "language": entry["language"],
                "lead": parsed.lead,
                "body": parsed.body,
                "status": entry["status"],
            },
        )
        changed = set_if_changed(article.cited_sources, _by_slug(Source, entry["cited_sources"]))
        changed |= set_if_changed(article.regions, _by_slug(Region, entry["regions"]))
        for claim_entry in entry["claims"]:
            changed |= _load_claim(article, claim_entry) != UNCHANGED
        result.count(UPDATED if outcome == UNCHANGED and changed else outcome)
    return result


def _load_claim(article, entry) -> str:
    (claimant,) = _by_slug(Source, [entry["claimant"]])
    quantity = entry.get("quantity_value")
    claim, outcome = upsert(
        Claim,
        lookup={"article": article, "quote": entry["quote"]},
        values={
            "statement": entry["statement"],
            "claimant": claimant,
            "asserted_on": _date(entry["asserted_on"]),
            "occurred_start": _date(entry.get("occurred_start")),
            "occurred_end": _date(entry.get("occurred_end")),
            "occurred_precision": entry.get("occurred_precision", ""),
            "topic": entry["topic"],
            "stance": entry.get("stance", ""),
            "quantity_value": Decimal(quantity) if quantity else None,
            "quantity_unit": entry.get("quantity_unit", ""),
            "status": Claim.Status.UNVERIFIED,
        },
    )
    regions_changed = set_if_changed(claim.regions, _by_slug(Region, entry["regions"]))
    return UPDATED if outcome == UNCHANGED and regions_changed else outcome
