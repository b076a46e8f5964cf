"""Exports written to files, for `manage.py export`: the same rows and bytes as the download."""

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from reports.exports.streams import RowStream
from reports.listings import evaluate


@dataclass
class ExportPlan:
    """What one file will hold, known before any row is read."""

    stream: RowStream
    rows_expected: int


def export_plan(*, listing, query, export_format, site_url, count=True) -> ExportPlan:
    """The stream for `query` (a QueryDict of list filters); QueryRejected if the filters are not all understood."""
    filtered = evaluate(listing, query, strict=True)
    stream = RowStream(filtered.queryset, filtered.ordering, listing.name, export_format, site_url)
    return ExportPlan(stream=stream, rows_expected=filtered.queryset.count() if count else 0)


def export_write(*, plan: ExportPlan, path: Path, progress=None) -> int:
    """Write the export to `path` and return the number of rows.

    The file appears under its name only once complete: a run that stops half-way leaves no file that
    could pass for a whole export.
    """
    path = Path(path)
    descriptor, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as output:
            written = 0
            for chunk in plan.stream.chunks():
                output.write(chunk)
                if progress is not None:
                    progress(plan.stream.rows - written)
                written = plan.stream.rows
        os.chmod(partial, 0o666 & ~_umask())  # mkstemp's 0600 would hide the file from everyone else
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return plan.stream.rows


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask
