from reports.models.articles import Article
from reports.models.claims import Claim, ClaimLink
from reports.models.deletions import DeletedRelations
from reports.models.integrity import ArchiveLeaf, ArchiveRoot
from reports.models.jobs import ExportJob, ImportJob
from reports.models.regions import Region, RegionName
from reports.models.sources import Source

__all__ = [
    "ArchiveLeaf",
    "ArchiveRoot",
    "Article",
    "Claim",
    "ClaimLink",
    "DeletedRelations",
    "ExportJob",
    "ImportJob",
    "Region",
    "RegionName",
    "Source",
]
