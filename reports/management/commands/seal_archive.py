from django.core.management.base import BaseCommand

from reports.services.integrity import archive_seal


class Command(BaseCommand):
    help = (
        "Link the texts and quotes recorded since the last seal into the archive's hash chain and publish "
        "the new root (/integrity/, its feed and roots.txt). Run it daily (cron or systemd timer); it costs "
        "one hash per new leaf, however large the archive."
    )

    def handle(self, *args, **options):
        root = archive_seal()
        if root is None:
            self.stdout.write("Nothing new to seal.")
        else:
            self.stdout.write(f"Sealed {root.leaves} new leaves; root after leaf {root.last_seq}: {root.root}")
