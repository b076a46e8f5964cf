"""Where the archive publishes its roots, so that anyone can keep copies to check it against later.

/integrity/ shows the latest roots and how to check them, /integrity/roots.txt lists every root one per
line ("<sealed at> <last leaf> <root>", oldest first, streamed), and /integrity/feed/ is an Atom feed of
the latest roots for those who archive feeds. A root, once kept elsewhere, lets anyone prove with
`verify_archive --roots` that no text or quote it covers was rewritten since.
"""

from django.contrib.syndication.views import Feed
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports.models import ArchiveLeaf, ArchiveRoot

SHOWN = 100


def root_line(root) -> str:
    return f"{root.sealed_at.isoformat()} {root.last_seq} {root.root}"


def integrity(request):
    roots = list(ArchiveRoot.objects.order_by("-last_seq")[:SHOWN])
    unsealed = ArchiveLeaf.objects.filter(link__isnull=True).count()
    return render(
        request, "reports/integrity.html", {"roots": roots, "latest": roots[0] if roots else None, "unsealed": unsealed}
    )


def roots_txt(request):
    def lines():
        for root in ArchiveRoot.objects.order_by("last_seq").iterator(chunk_size=2_000):
            yield root_line(root) + "\n"

    return StreamingHttpResponse(lines(), content_type="text/plain; charset=utf-8")


class RootFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("Conflict-report archive: integrity roots")
    subtitle = gettext_lazy("Each entry is a root of the archive's hash chain; keep copies to check the archive against.")

    def link(self):
        return reverse("reports:integrity")

    def items(self):
        return ArchiveRoot.objects.order_by("-last_seq")[:SHOWN]

    def item_title(self, root):
        return _("Root after leaf %(seq)s") % {"seq": root.last_seq}

    def item_description(self, root):
        return root_line(root)

    def item_link(self, root):
        return f"{reverse('reports:integrity')}#leaf-{root.last_seq}"

    def item_guid(self, root):
        return f"archive-root:{root.last_seq}:{root.root}"

    def item_pubdate(self, root):
        return root.sealed_at

    def item_updateddate(self, root):
        return root.sealed_at
