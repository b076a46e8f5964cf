"""A synthetic archive for scale work: realistic in shape, reproducible from a seed, and always marked.

Every article and source it writes has is_synthetic set, a "synthetic-" slug and an address under
https://synthetic.invalid/, so that exports of real data can leave it out and `replace` can remove it. Rows
go in through PostgreSQL COPY in committed batches, so that a quarter of a million articles and a million
claims load in minutes with flat memory. No history is written for them: nobody ever edited them.

Content depends only on the seed, the number of articles and the regions and real sources in the archive
(taken in slug order), never on database ids or on the global random generator.

The parts, in the order a run uses them: `sources` (publishers and claimants), `composing` (articles and
their claims, from `vocabulary`, `phrasing`, `dates` and `weights`), `writing` (one batch into the
archive), `deleting` (`--replace`), and `run`, which drives them.
"""

from reports.synthetic.run import GenerateResult, SyntheticArchiveError, archive_generate

__all__ = ["GenerateResult", "SyntheticArchiveError", "archive_generate"]
