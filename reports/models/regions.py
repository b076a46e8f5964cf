from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models, transaction
from django.db.models.functions import Concat, Length, Substr, Upper
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# A region's path is the chain of its ancestors' ids and its own, each written as a fixed-width
# segment: "00000001/00000014/00000231/". Everything inside a region is then one indexed prefix
# match (path LIKE 'prefix%'), and the ancestors are read off the path itself.
SEGMENT_WIDTH = 9


def path_segment(pk: int) -> str:
    return f"{pk:08d}/"


def path_ids(path: str) -> list[int]:
    """The ids a path names, from the country down to the region itself: "00000001/00000014/" → [1, 14]."""
    return [int(path[i : i + SEGMENT_WIDTH - 1]) for i in range(0, len(path) - 1, SEGMENT_WIDTH)]


def path_ids_sql(column: str) -> str:
    """path_ids in SQL: the bigint[] of the ids the path in `column` names, the region itself last (migration 0024)."""
    return f"reports_path_ids({column})"


class RegionQuerySet(models.QuerySet):
    def inside(self, *regions):
        """The given regions and everything inside them (one indexed prefix scan per region)."""
        condition = models.Q()
        for region in regions:
            condition |= models.Q(path__startswith=region.path)
        return self.filter(condition) if regions else self.none()

    def lookup(self, value: str):
        """Regions whose slug or official code is `value` (UA-09, luhansk-oblast)."""
        return self.filter(models.Q(slug=value) | models.Q(code__iexact=value) | models.Q(katottg__iexact=value))

    def named(self, name: str):
        """Regions whose English or Ukrainian name, or one of whose aliases, is exactly `name`."""
        return self.filter(models.Q(name__iexact=name) | models.Q(name_uk__iexact=name) | models.Q(aliases__contains=[name]))

    def first_level(self):
        """The units a country is first divided into: the regions directly under a country (see FIRST_LEVEL_PATH)."""
        return self.alias(path_length=Length("path")).filter(path_length=FIRST_LEVEL_PATH)


class RegionKind(models.TextChoices):
    COUNTRY = "country", _("country")
    OBLAST = "oblast", _("oblast")
    AUTONOMOUS_REPUBLIC = "autonomous_republic", _("autonomous republic")
    SPECIAL_CITY = "special_city", _("city with special status")
    KRAI = "krai", _("krai")
    RAION = "raion", _("raion")
    HROMADA = "hromada", _("hromada")
    SETTLEMENT = "settlement", _("settlement")
    CITY_DISTRICT = "city_district", _("city district")
    AREA = "area", _("named area")


# A first-level region is one of the units a country is first divided into (Ukraine's oblasts, Crimea, Kyiv and
# Sevastopol, Russia's oblasts and krais): a region directly under a country, whose path is two segments long.
# The count tables (migration 0027) and the list's region facet use this definition, and only this one.
FIRST_LEVEL_PATH = 2 * SEGMENT_WIDTH


def is_first_level_path(path: str) -> bool:
    return len(path) == FIRST_LEVEL_PATH


class LocationPrecision(models.TextChoices):
    """Where a region's point comes from: its own, or the nearest region it lies in that has one."""

    OWN = "own", _("own point")
    PARENT = "parent", _("point of a region it lies in")
    NONE = "none", _("not located")


class Region(models.Model):
    """A place: a country, an oblast, a raion, a hromada, a settlement, or a named area such as a front."""

    Kind = RegionKind
    Precision = LocationPrecision

    name = models.CharField(
        _("name (English)"), max_length=200, help_text=_("English name as the archive writes it, e.g. Luhansk Oblast.")
    )
    name_uk = models.CharField(
        _("name (Ukrainian)"), max_length=200, blank=True, help_text=_("Ukrainian name, e.g. Луганська область.")
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True, help_text=_("Used in URLs and filters: /regions/<slug>/."))
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        help_text=_("Administrative level, or 'named area' for fronts and border areas."),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent"),
        help_text=_("The region this one lies in. Leave empty only for countries."),
    )
    code = models.CharField(
        _("official code"),
        max_length=32,
        blank=True,
        help_text=_("ISO 3166-2 code for first-level units (UA-09), ISO 3166-1 for countries (UA), otherwise the KATOTTG code."),
    )
    katottg = models.CharField(
        _("KATOTTG code"),
        max_length=19,
        blank=True,
        help_text=_("Code in Ukraine's codifier of administrative units, e.g. UA44000000000013849."),
    )
    katottg_category = models.CharField(
        _("KATOTTG category"), max_length=1, blank=True, help_text=_("O, K, P, H, M, T, X, C or B, as in the codifier.")
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Centre of the region, decimal degrees north."),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Centre of the region, decimal degrees east."),
    )
    location_precision = models.CharField(
        _("location precision"),
        max_length=6,
        choices=LocationPrecision.choices,
        default=LocationPrecision.NONE,
        help_text=_(
            "'own point' when latitude and longitude are this region's; 'point of a region it lies in' when they were "
            "taken from the nearest located region it lies in (`manage.py load_geodata` keeps those)."
        ),
    )
    area_km2 = models.FloatField(
        _("area (km²)"), null=True, blank=True, validators=[MinValueValidator(0)], help_text=_("Area in square kilometres.")
    )
    aliases = ArrayField(
        models.CharField(max_length=200),
        blank=True,
        default=list,
        verbose_name=_("aliases"),
        help_text=_(
            "Every other spelling a text may use, in any language and case form, comma-separated: Lugansk, Луганщина, Луганщини."
        ),
    )
    path = models.CharField(
        _("path"), max_length=255, editable=False, db_index=False, help_text=_("Ancestor chain, kept by the archive.")
    )
    moving_to = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("moving under"),
        help_text=_(
            "Set while the region waits to be moved under this one: the move, with every claim and article linked "
            "to the region or inside it, runs off the request in the job worker."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["path", "moving_to"])
    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        indexes = [
            models.Index(fields=["path"], name="region_path_prefix", opclasses=["varchar_pattern_ops"]),
            GinIndex(fields=["aliases"], name="region_aliases_gin"),
            models.Index(fields=["kind", "name"], name="region_kind_name"),
            # A search names a place by its English or Ukrainian name in any case (reports.models.search.places_named).
            models.Index(Upper("name"), name="region_name_upper"),
            models.Index(Upper("name_uk"), name="region_name_uk_upper"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["code"], condition=~models.Q(code=""), name="region_code_unique"),
            models.UniqueConstraint(fields=["katottg"], condition=~models.Q(katottg=""), name="region_katottg_unique"),
            models.CheckConstraint(condition=models.Q(kind__in=RegionKind.values), name="region_kind_valid"),
            models.CheckConstraint(condition=~models.Q(parent=models.F("id")), name="region_not_own_parent"),
            models.CheckConstraint(
                condition=models.Q(latitude__gte=-90, latitude__lte=90) | models.Q(latitude__isnull=True),
                name="region_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__gte=-180, longitude__lte=180) | models.Q(longitude__isnull=True),
                name="region_longitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(location_precision=LocationPrecision.NONE)
                | models.Q(latitude__isnull=False, longitude__isnull=False, location_precision__in=["own", "parent"]),
                name="region_location_precision_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(area_km2__gte=0) | models.Q(area_km2__isnull=True), name="region_area_positive"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("reports:region_detail", args=[self.slug])

    @property
    def local_name(self):
        """The name in the interface's language: Ukrainian where the archive has it, else English."""
        return self.name_uk if self.name_uk and get_language() == "uk" else self.name

    @property
    def ancestor_ids(self) -> list[int]:
        return path_ids(self.path)[:-1]

    @property
    def is_first_level(self) -> bool:
        return is_first_level_path(self.path)

    def ancestors(self):
        """Ancestors from the country down, in one query."""
        return Region.objects.filter(pk__in=self.ancestor_ids).order_by("path")

    def descendants(self):
        """Everything inside this region, itself excluded."""
        return Region.objects.filter(path__startswith=self.path).exclude(pk=self.pk)

    def clean(self):
        # A point typed in by an editor is the region's own; a region without one is not located (until
        # load_geodata places it at a region it lies in).
        if self.latitude is None or self.longitude is None:
            self.location_precision = LocationPrecision.NONE
        elif self.location_precision == LocationPrecision.NONE:
            self.location_precision = LocationPrecision.OWN
        if self.parent_id and self.pk and self.parent.path.startswith(self.path):
            raise ValidationError({"parent": _("A region cannot lie inside itself or one of its own sub-regions.")})

    def save(self, *args, **kwargs):
        parent_path = self.parent.path if self.parent_id else ""
        with transaction.atomic():
            if self._state.adding:
                if self.pk is None:  # reserved first, so that the path is written in the same INSERT
                    from reports.services.copying import ids_reserve

                    with connection.cursor() as cursor:
                        (self.pk,) = ids_reserve(cursor, Region._meta.db_table, 1)
                self.path = parent_path + path_segment(self.pk)
                kwargs["force_insert"] = True
                super().save(*args, **kwargs)
                return
            old_path = Region.objects.filter(pk=self.pk).values_list("path", flat=True).first()
            if parent_path.startswith(old_path or "\0"):
                raise ValidationError({"parent": _("A region cannot lie inside itself or one of its own sub-regions.")})
            self.path = parent_path + path_segment(self.pk)
            super().save(*args, **kwargs)
            if old_path and old_path != self.path:
                # The region moved: its whole subtree follows in one UPDATE.
                Region.objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
                    path=Concat(models.Value(self.path), Substr("path", len(old_path) + 1), output_field=models.CharField())
                )


class RegionName(models.Model):
    """Every spelling of every region, lowercased, one per row: the region picker's prefix index.

    Kept by PostgreSQL triggers (migration 0008) from Region.name, name_uk and aliases; never written
    by the application.
    """

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=200)

    class Meta:
        indexes = [models.Index(fields=["name"], name="regionname_prefix", opclasses=["varchar_pattern_ops"])]

    def __str__(self):
        return self.name
