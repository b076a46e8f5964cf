"""The interface's translations, compiled in pure Python so that no machine needs GNU gettext.

Django reads the binary .mo catalogues; its own `compilemessages` calls GNU msgfmt, which a fresh
machine may lack. polib writes the same catalogue from the .po, and reads a .mo back to check that
the shipped one is current. GNU gettext is needed only to extract strings (`makemessages`).
"""

from dataclasses import dataclass
from pathlib import Path

import polib
from django.conf import settings

# Headers that record when the files were made; they change nothing in what a reader sees.
DATE_HEADERS = {"POT-Creation-Date", "PO-Revision-Date"}


@dataclass(frozen=True)
class CompiledCatalogue:
    po_path: Path
    translated: int
    untranslated: int
    fuzzy: int

    @property
    def mo_path(self) -> Path:
        return self.po_path.with_suffix(".mo")


def catalogue_paths(*, locale_paths=None) -> list[Path]:
    """Every <locale path>/<language>/LC_MESSAGES/<domain>.po of the project, in a stable order."""
    roots = settings.LOCALE_PATHS if locale_paths is None else locale_paths
    return sorted(path for root in roots for path in Path(root).glob("*/LC_MESSAGES/*.po"))


def translations_compile(*, locale_paths=None) -> list[CompiledCatalogue]:
    """Write the .mo beside each .po. As with msgfmt, fuzzy and untranslated entries are left out."""
    compiled = []
    for po_path in catalogue_paths(locale_paths=locale_paths):
        po = polib.pofile(str(po_path))
        po.save_as_mofile(str(po_path.with_suffix(".mo")))
        compiled.append(
            CompiledCatalogue(
                po_path=po_path,
                translated=len(po.translated_entries()),
                untranslated=len(po.untranslated_entries()),
                fuzzy=len(po.fuzzy_entries()),
            )
        )
    return compiled


def translations_stale(*, locale_paths=None) -> list[tuple[Path, str]]:
    """(.mo path, reason) for each compiled catalogue that is missing or says something its .po does not."""
    stale = []
    for po_path in catalogue_paths(locale_paths=locale_paths):
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists():
            stale.append((mo_path, "missing"))
            continue
        po = polib.pofile(str(po_path))
        try:
            mo = polib.mofile(str(mo_path))
        except (OSError, ValueError) as error:
            stale.append((mo_path, f"unreadable ({error})"))
            continue
        expected = _catalogue(po.translated_entries(), po.metadata)
        actual = _catalogue(mo, mo.metadata)
        if expected != actual:
            stale.append((mo_path, _difference(expected, actual)))
    return stale


def _catalogue(entries, metadata) -> tuple[dict, dict]:
    """What a catalogue tells gettext, whatever the file's layout: its headers and each translation."""
    headers = {name: value for name, value in metadata.items() if name not in DATE_HEADERS}
    messages = {}
    for entry in entries:
        key = (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")
        if entry.msgid_plural:
            messages[key] = tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural))
        else:
            messages[key] = entry.msgstr
    return headers, messages


def _difference(expected, actual) -> str:
    """'differs from its .po (messages: 2 new, 1 changed; headers)': what recompiling would change."""
    (expected_headers, expected_messages), (actual_headers, actual_messages) = expected, actual
    counts = {
        "new": len(expected_messages.keys() - actual_messages.keys()),
        "removed": len(actual_messages.keys() - expected_messages.keys()),
        "changed": sum(
            1 for key in expected_messages.keys() & actual_messages.keys() if expected_messages[key] != actual_messages[key]
        ),
    }
    parts = []
    if any(counts.values()):
        parts.append("messages: " + ", ".join(f"{count} {what}" for what, count in counts.items() if count))
    if expected_headers != actual_headers:
        parts.append("headers")
    return f"differs from its .po ({'; '.join(parts)})"
