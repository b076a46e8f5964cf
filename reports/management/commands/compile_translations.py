from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from reports.services.translations import catalogue_paths, translations_compile, translations_stale


def _shown(path):
    try:
        return path.relative_to(settings.BASE_DIR)
    except ValueError:
        return path


class Command(BaseCommand):
    help = (
        "Compile every locale/<language>/LC_MESSAGES/*.po into the .mo catalogue Django reads, in pure "
        "Python (polib): no GNU gettext needed. With --check, compile nothing and exit with status 1 if "
        "any .mo is missing or differs from what its .po compiles to."
    )
    # Compiling text files needs nothing else of the project to be in order.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Write nothing; exit 1 if a .mo is missing or out of date (compares the messages, not the bytes).",
        )

    def handle(self, *args, check=False, **options):
        if not catalogue_paths():
            raise CommandError(f"No .po catalogues under {', '.join(str(path) for path in settings.LOCALE_PATHS)}.")
        try:
            if check:
                self._check()
            else:
                self._compile()
        except OSError as error:  # polib's report of a malformed .po, or a file it cannot read or write
            raise CommandError(str(error)) from error

    def _compile(self):
        for catalogue in translations_compile():
            line = f"{_shown(catalogue.mo_path)}: {catalogue.translated} messages"
            left_out = catalogue.untranslated + catalogue.fuzzy
            if left_out:
                line += f" ({catalogue.untranslated} untranslated and {catalogue.fuzzy} fuzzy left out: they show in English)"
            self.stdout.write(line)

    def _check(self):
        stale = translations_stale()
        for mo_path, reason in stale:
            self.stdout.write(f"STALE {_shown(mo_path)}: {reason}")
        if stale:
            raise CommandError(
                f"{len(stale)} compiled catalogue(s) out of date; run `manage.py compile_translations` and commit the .mo.",
                returncode=1,
            )
        self.stdout.write(f"All {len(catalogue_paths())} compiled catalogues match their .po.")
