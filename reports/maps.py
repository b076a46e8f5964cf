"""What a region's small map shows: its outline or point on the shipped outlines of the first-level units."""

from django.templatetags.static import static
from django.utils.translation import gettext as _

from reports.importers.geonames import ISO_BY_GEONAMES_ADMIN1

# The units static/geo/boundaries.geojson outlines (scripts/mine_geodata.py draws one per code).
OUTLINED = frozenset(code for units in ISO_BY_GEONAMES_ADMIN1.values() for code in units.values())


def region_map(region, ancestors) -> dict | None:
    """The map's data for json_script, or None when the archive can show nothing of the region.

    `focus` is the outline the map frames: the region's own, else that of the first-level unit it lies in;
    `outlined` says whether the region itself is drawn as an outline (rather than as a point).
    """
    chain = [*ancestors, region]
    focus = next((place.code for place in reversed(chain) if place.code in OUTLINED), None)
    outlined = region.code in OUTLINED
    located = region.location_precision != region.Precision.NONE
    if not (outlined or located):
        return None
    return {
        "boundaries": static("geo/boundaries.geojson"),
        "focus": focus,
        "outlined": outlined,
        "country": region.code if region.kind == region.Kind.COUNTRY else None,
        "point": [region.latitude, region.longitude] if located and not outlined else None,
        "precision": region.location_precision,
        "label": _("Map of %(name)s") % {"name": region.local_name},
        "attribution": _("Outlines: Natural Earth, GeoNames"),
    }
