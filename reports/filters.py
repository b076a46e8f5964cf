"""The list filters of the URL contract, defined once for pages, exports, feeds and the API.

Every parameter is validated by the FilterSet's form. What cannot be understood is reported in
`notices` and left out, and the other filters still apply; a region or source that does not exist
empties the result (with a notice) rather than being silently ignored, since showing everything
would misstate what was asked.
"""

import django_filters
from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from reports.models import Article, Claim, Region, Source

MAX_VALUES = 20  # a repeated parameter beyond this is not a real query
MAX_VALUE_LENGTH = 200

SORTS = {
    "newest": _("newest first"),
    "oldest": _("oldest first"),
    "relevance": _("best match"),
    "occurred": _("by date of the events"),
}


class RepeatedValuesField(forms.Field):
    """Every value of a repeated query parameter (region=a&region=b), stripped, non-empty."""

    widget = forms.SelectMultiple
    default_validators = [ProhibitNullCharactersValidator()]

    def to_python(self, value):
        if not value:
            return []
        values = [value] if isinstance(value, str) else list(value)
        cleaned = list(dict.fromkeys(item.strip() for item in values if item and item.strip()))
        if len(cleaned) > MAX_VALUES:
            raise forms.ValidationError(_("Too many values: at most %(count)d.") % {"count": MAX_VALUES})
        if any(len(item) > MAX_VALUE_LENGTH for item in cleaned):
            raise forms.ValidationError(_("A value is too long."))
        return cleaned

    def validate(self, value):
        for item in value:
            super().run_validators(item)


class LookupFilter(django_filters.Filter):
    """Filter by records named in the URL (slug, or a code): unknown names are reported."""

    field_class = RepeatedValuesField

    def __init__(self, *args, resolve, apply, noun, **kwargs):
        super().__init__(*args, **kwargs)
        self.resolve, self.apply, self.noun = resolve, apply, noun

    def filter(self, queryset, value):
        if not value:
            return queryset
        found, unknown = self.resolve(value)
        self.parent.selected[self.field_name] = found
        if unknown:
            self.parent.notices.append(
                _("No %(noun)s is called “%(values)s”.") % {"noun": self.noun, "values": "”, “".join(unknown)}
            )
        if not found:
            return queryset.none()
        return self.apply(queryset, found)


def _resolve(values, identified, named):
    """Records for each value: by identifier (slug, code) first, else by exact name or alias.

    Returns (records, values that matched nothing). Two queries at most, whatever the number of values.
    """
    records = {}
    matched = set()
    for record in identified(values):
        for key in (record.slug, getattr(record, "code", ""), getattr(record, "katottg", "")):
            if key and key.lower() in {value.lower() for value in values}:
                matched.add(key.lower())
        records[record.pk] = record
    rest = [value for value in values if value.lower() not in matched]
    if rest:
        lowered = {value.lower() for value in rest}
        for record in named(rest):
            names = [record.name, getattr(record, "name_uk", ""), getattr(record, "short_name", ""), *record.aliases]
            hits = {name.lower() for name in names if name} & lowered
            if hits:
                matched |= hits
                records[record.pk] = record
    unknown = [value for value in values if value.lower() not in matched]
    return list(records.values()), unknown


def resolve_regions(values):
    upper = [value.upper() for value in values]
    return _resolve(
        values,
        lambda found: Region.objects.filter(Q(slug__in=found) | Q(code__in=upper) | Q(katottg__in=upper)),
        lambda rest: Region.objects.alias(name_lower=Lower("name"), name_uk_lower=Lower("name_uk")).filter(
            Q(name_lower__in=_lowered(rest)) | Q(name_uk_lower__in=_lowered(rest)) | Q(aliases__overlap=rest)
        ),
    )


def resolve_sources(values):
    return _resolve(
        values,
        lambda found: Source.objects.filter(slug__in=found),
        lambda rest: Source.objects.alias(name_lower=Lower("name"), short_lower=Lower("short_name")).filter(
            Q(name_lower__in=_lowered(rest)) | Q(short_lower__in=_lowered(rest)) | Q(aliases__overlap=rest)
        ),
    )


def _lowered(values):
    return [value.lower() for value in values]


class RegionFilter(LookupFilter):
    """Regions named in the URL by slug, code or any spelling; `apply(queryset, regions)` filters."""

    def __init__(self, *args, apply, **kwargs):
        super().__init__(*args, resolve=resolve_regions, apply=apply, noun=_("region"), **kwargs)


class SourceFilter(LookupFilter):
    """Sources named in the URL by slug, name or alias; `apply(queryset, sources)` filters."""

    def __init__(self, *args, apply, **kwargs):
        super().__init__(*args, resolve=resolve_sources, apply=apply, noun=_("source"), **kwargs)


class NoticingFilterSet(django_filters.FilterSet):
    """A FilterSet that names each value it could not understand in `notices` and leaves it out."""

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.notices = []
        self.selected = {}

    def filter_queryset(self, queryset):
        for name, error_list in self.form.errors.items():
            label = self.filters[name].label if name in self.filters else name
            for error in error_list:
                self.notices.append(_("%(label)s: %(error)s This filter was left out.") % {"label": label, "error": error})
        return super().filter_queryset(queryset)


SYNTHETIC_CHOICES = [
    ("exclude", _("real records only (the default)")),
    ("include", _("real and synthetic records")),
    ("only", _("synthetic records only")),
]


class SyntheticFilter(django_filters.ChoiceFilter):
    """Real records unless synthetic ones (made by `generate_archive` for scale work) are asked for by name.

    Applied when the parameter is absent too: that is what keeps synthetic rows off every public surface.
    """

    def __init__(self, **kwargs):
        super().__init__(field_name="is_synthetic", choices=SYNTHETIC_CHOICES, label=_("Synthetic records"), **kwargs)

    def filter(self, queryset, value):
        if value == "include":
            return queryset
        return queryset.filter(is_synthetic=value == "only")


class ArchiveFilterSet(NoticingFilterSet):
    """The lists' filters; date ranges are also checked for order."""

    DATE_RANGES = []

    q = django_filters.CharFilter(method="filter_search", max_length=500, label=_("Search"))
    region = RegionFilter(
        field_name="region",
        label=_("Region"),
        apply=lambda queryset, regions: queryset.in_region(*regions),
    )
    source = SourceFilter(
        field_name="source",
        label=_("Source"),
        apply=lambda queryset, sources: queryset.from_source(*sources),
    )
    publisher = SourceFilter(
        field_name="publisher",
        label=_("Publisher"),
        apply=lambda queryset, sources: queryset.filter(publisher__in=sources),
    )
    # No DISTINCT: every filter is a condition on the listed table itself, so rows cannot repeat.
    language = django_filters.MultipleChoiceFilter(
        field_name="language", choices=Article.Language.choices, label=_("Language"), distinct=False
    )
    published_from = django_filters.DateFilter(field_name="published_on", lookup_expr="gte", label=_("Published from"))
    published_to = django_filters.DateFilter(field_name="published_on", lookup_expr="lte", label=_("Published until"))
    synthetic = SyntheticFilter()
    sort = django_filters.ChoiceFilter(method="filter_nothing", choices=list(SORTS.items()), label=_("Sort"))

    def filter_queryset(self, queryset):
        self._check_ranges()
        return super().filter_queryset(queryset)

    def _check_ranges(self):
        data = self.form.cleaned_data
        for start, end in self.DATE_RANGES:
            if data.get(start) and data.get(end) and data[start] > data[end]:
                self.notices.append(
                    _("The range %(start)s – %(end)s ends before it starts; it was left out.")
                    % {"start": data[start].isoformat(), "end": data[end].isoformat()}
                )
                data.pop(start)
                data.pop(end)

    def filter_search(self, queryset, name, value):
        return queryset.search(value) if value.strip() else queryset

    def filter_nothing(self, queryset, name, value):
        return queryset  # sorting is applied by the list, after filtering

    def chosen_sort(self) -> str:
        """The order asked for, once the filters ran: best match by default when searching, else newest."""
        data = self.form.cleaned_data
        searching = bool(data.get("q", "").strip())
        chosen = data.get("sort") or ("relevance" if searching else "newest")
        if chosen == "relevance" and not searching:
            self.notices.append(_("Sorting by best match needs a search; the newest come first instead."))
            return "newest"
        return chosen


class ArticleFilterSet(ArchiveFilterSet):
    DATE_RANGES = [("published_from", "published_to")]

    class Meta:
        model = Article
        fields = []


class ClaimFilterSet(ArchiveFilterSet):
    DATE_RANGES = [("published_from", "published_to"), ("asserted_from", "asserted_to"), ("occurred_from", "occurred_to")]

    claimant = SourceFilter(
        field_name="claimant",
        label=_("Claimant"),
        apply=lambda queryset, sources: queryset.filter(claimant__in=sources),
    )
    topic = django_filters.MultipleChoiceFilter(field_name="topic", choices=Claim.Topic.choices, label=_("Topic"), distinct=False)
    status = django_filters.MultipleChoiceFilter(
        field_name="status",
        choices=[choice for choice in Claim.Status.choices if choice[0] != "suggested"],
        label=_("Status"),
        distinct=False,
    )
    asserted_from = django_filters.DateFilter(field_name="asserted_on", lookup_expr="gte", label=_("Asserted from"))
    asserted_to = django_filters.DateFilter(field_name="asserted_on", lookup_expr="lte", label=_("Asserted until"))
    # A claim matches an occurred range when the two periods overlap.
    occurred_from = django_filters.DateFilter(field_name="occurred_end", lookup_expr="gte", label=_("Happened from"))
    occurred_to = django_filters.DateFilter(field_name="occurred_start", lookup_expr="lte", label=_("Happened until"))

    class Meta:
        model = Claim
        fields = []


class DirectoryFilterSet(NoticingFilterSet):
    """Regions and sources: a handful of filters, validated and reported as the lists' are."""

    q = django_filters.CharFilter(method="filter_name", max_length=MAX_VALUE_LENGTH, label=_("Name"))
    descriptions = {"q": "Part of the name, in any spelling the archive knows (aliases included), any case."}
    name_fields = ["name", "aliases"]

    def chosen_sort(self):
        return "name"

    def filter_name(self, queryset, name, value):
        value = value.strip()
        matches = Q()
        for field in self.name_fields:
            matches |= Q(**{f"{field}__icontains": value})
        return queryset.filter(matches)


class RegionFilterSet(DirectoryFilterSet):
    descriptions = {
        **DirectoryFilterSet.descriptions,
        "region": "Regions inside this one (by slug, code or name), itself included. Repeat the parameter for any of several.",
    }
    region = RegionFilter(
        field_name="region",
        label=_("Inside region"),
        apply=lambda queryset, regions: queryset.inside(*regions),
    )
    kind = django_filters.MultipleChoiceFilter(field_name="kind", choices=Region.Kind.choices, label=_("Kind"))
    name_fields = ["name", "name_uk", "aliases"]

    class Meta:
        model = Region
        fields = []


class SourceFilterSet(DirectoryFilterSet):
    kind = django_filters.MultipleChoiceFilter(field_name="kind", choices=Source.Kind.choices, label=_("Kind"))
    country = django_filters.CharFilter(field_name="country", lookup_expr="iexact", max_length=2, label=_("Country"))
    synthetic = SyntheticFilter()
    name_fields = ["name", "short_name", "aliases"]

    class Meta:
        model = Source
        fields = []
