"""Moving a region in the tree, off the request.

A region's claims and articles carry the ids of every region they lie in (migration 0024). Moving Donetsk
Oblast rewrites a few hundred thousand of them, longer than a request may take, so the admin asks for the
move and the job worker makes it: until then the region stays where it was, marked as moving
(`Region.moving_to`), and the lists keep answering from the old tree.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from reports.models import Region


def region_move_ask(*, region: Region, parent: Region, user=None) -> None:
    """Mark `region` as moving under `parent` and queue the move for the job worker.

    The queue is a table of the same database: the mark and the queued move are committed together or not at all.
    """
    from reports.tasks import region_move_run  # the task module imports this one

    if parent.path.startswith(region.path):
        raise ValueError(f"{parent} lies inside {region}")
    Region.objects.filter(pk=region.pk).update(moving_to=parent)
    region.moving_to = parent
    region_move_run.enqueue(region_id=region.pk, user_id=getattr(user, "pk", None))


@transaction.atomic
def region_move_run(*, region_id: int, user_id: int | None = None) -> int:
    """Move the region under the parent it waits for, with its sub-regions and links; the claims and articles refreshed.

    Nothing to do (0) when the region is gone or no longer waits. Runs in one transaction: the lists see the
    region in its old place or in its new one, never between.
    """
    from django.contrib.auth import get_user_model
    from django.db import connection

    region = Region.objects.select_for_update(of=("self",)).filter(pk=region_id).select_related("moving_to").first()
    if region is None or region.moving_to is None:
        return 0
    parent = region.moving_to
    region.parent, region.moving_to = parent, None
    region._change_reason = _("moved under %(parent)s") % {"parent": parent.name}
    region._history_user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    region.save()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM reports_claim_regions link JOIN reports_region region ON region.id = link.region_id"
            " WHERE region.path LIKE %s",
            [region.path.replace("%", r"\%").replace("_", r"\_") + "%"],
        )
        return cursor.fetchone()[0]
