"""A small gazetteer tree for the importer's tests: the region matcher built from plain entries (number, kind,
ancestors, names, prominent), which also names, by each entry's first name, the places it finds."""

from reports.importers.regions import GazetteerEntry, RegionMatcher
from reports.importers.speakers import NewClaimant


class Tree(RegionMatcher):
    def __init__(self, entries):
        entries = list(entries)
        super().__init__(GazetteerEntry(*entry) for entry in entries)
        self.first_names = {entry[0]: entry[3][0] for entry in entries}

    def places(self, *texts) -> list[str]:
        """The first names of the places found across the texts, in the order the matcher gives them."""
        return [self.first_names[region] for region in self.detect(list(texts)).regions]


def claimant_name(claim):
    """A suggested claim's claimant as a test names it: a new speaker's name, else the known source's key."""
    return claim.claimant.name if isinstance(claim.claimant, NewClaimant) else claim.claimant
