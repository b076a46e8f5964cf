"""How often each choice is drawn: languages, claim counts, topics, statuses and date precisions."""

import bisect
import random
from itertools import accumulate

from reports.synthetic.vocabulary import CLAIM_TEMPLATES


class Weighted:
    """Items drawn by weight in O(log n), from cumulative weights computed once."""

    __slots__ = ("items", "cumulative", "total")

    def __init__(self, items, weights):
        self.items, self.cumulative = list(items), list(accumulate(weights))
        self.total = self.cumulative[-1]

    def draw(self, rng: random.Random):
        return self.items[min(bisect.bisect(self.cumulative, rng.random() * self.total), len(self.items) - 1)]


def zipf(items, exponent: float) -> Weighted:
    return Weighted(items, [1 / (rank + 1) ** exponent for rank in range(len(items))])


LANGUAGES = ["en", "uk", "ru"]
LANGUAGE_WEIGHTS = [50, 35, 15]
CLAIM_COUNTS = (range(2, 9), [20, 27, 21, 13, 9, 6, 4])  # mean ≈ 4 claims per article
TOPIC_WEIGHTS = dict(zip(CLAIM_TEMPLATES, [20, 22, 18, 9, 8, 6, 7, 7, 3], strict=True))
STATUS_WEIGHTS = {"unverified": 62, "suggested": 20, "corroborated": 9, "disputed": 6, "refuted": 3}
PRECISION_WEIGHTS = {"day": 40, "week": 14, "month": 16, "season": 8, "year": 7, "approximate": 15}

LANGUAGE_DISTRIBUTION = Weighted(LANGUAGES, LANGUAGE_WEIGHTS)
CLAIM_COUNT_DISTRIBUTION = Weighted(*CLAIM_COUNTS)
TOPIC_DISTRIBUTION = Weighted(TOPIC_WEIGHTS, TOPIC_WEIGHTS.values())
STATUS_DISTRIBUTION = Weighted(STATUS_WEIGHTS, STATUS_WEIGHTS.values())
PRECISION_DISTRIBUTION = Weighted(PRECISION_WEIGHTS, PRECISION_WEIGHTS.values())
