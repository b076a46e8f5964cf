"""A place's control history: what each claimant said about control of it, on one time axis, one lane each.

A claim's stance (captured, advanced near, repelled, liberated, contested) is stored at review, suggested by
the importer from the claim's wording (reports/importers/stances.py). Two claims contradict each other when
different claimants make them about the same place for overlapping periods with stances that cannot both hold
(a capture against a repulse, a liberation or a contest). The claims come through the listing core: the same
rows as /claims/?region=…&topic=territorial_control.
"""

import datetime
from dataclasses import dataclass, field

from django.http import QueryDict

from reports.listings.definitions import CLAIMS
from reports.listings.querying import evaluate

MOST_CLAIMS = 300
OPPOSED = {
    frozenset(pair)
    for pair in [
        ("captured", "repelled"),
        ("captured", "liberated"),
        ("captured", "contested"),
        ("advanced", "repelled"),
        ("liberated", "contested"),
    ]
}


@dataclass
class Mark:
    claim: object
    start: datetime.date
    end: datetime.date
    contradicted_by: list = field(default_factory=list)  # the claims that contradict it


@dataclass
class Lane:
    claimant: object
    marks: list = field(default_factory=list)


@dataclass
class ControlHistory:
    lanes: list = field(default_factory=list)
    first: datetime.date | None = None
    last: datetime.date | None = None

    @property
    def contradictions(self) -> int:
        return sum(1 for lane in self.lanes for mark in lane.marks if mark.contradicted_by)


def period(claim) -> tuple[datetime.date, datetime.date]:
    """When the claim says the thing happened, or, when it does not say, the day it was asserted."""
    if claim.occurred_start:
        return claim.occurred_start, claim.occurred_end or claim.occurred_start
    return claim.asserted_on, claim.asserted_on


def control_history(region_slug: str, synthetic: str = "") -> ControlHistory:
    query = QueryDict(mutable=True)
    query["region"], query["topic"] = region_slug, "territorial_control"
    if synthetic:
        query["synthetic"] = synthetic
    claims = list(
        evaluate(CLAIMS, query, strict=True)
        .ordered.exclude(stance="")
        .select_related("claimant")
        .only("statement", "stance", "asserted_on", "occurred_start", "occurred_end", "claimant", "claimant__name")[:MOST_CLAIMS]
    )
    marks = [Mark(claim, *period(claim)) for claim in claims]
    for index, mark in enumerate(marks):
        for other in marks[index + 1 :]:
            if (
                mark.claim.claimant_id != other.claim.claimant_id
                and frozenset((mark.claim.stance, other.claim.stance)) in OPPOSED
                and mark.start <= other.end
                and other.start <= mark.end
            ):
                mark.contradicted_by.append(other.claim)
                other.contradicted_by.append(mark.claim)
    lanes = {}
    for mark in sorted(marks, key=lambda mark: (mark.start, mark.claim.pk)):
        lanes.setdefault(mark.claim.claimant_id, Lane(mark.claim.claimant)).marks.append(mark)
    history = ControlHistory(lanes=sorted(lanes.values(), key=lambda lane: (-len(lane.marks), lane.claimant.name)))
    if marks:
        history.first, history.last = min(mark.start for mark in marks), max(mark.end for mark in marks)
    return history
