"""What the API says about each record. Field names are a contract: they are added to, never renamed.

Names follow the CSV columns where the two overlap (claim_id there is id here). An empty text field reads
null: unknown, not an empty string. Every record carries its permalink, the address of its page
without a language prefix.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from reports.models import Article, Claim, Region, Source
from reports.permalinks import permalink


class PermalinkField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, record):
        return permalink(record, self.context["request"])


extend_schema_field({"type": "string", "format": "uri"})(PermalinkField)


class BlankAsNullField(serializers.CharField):
    def __init__(self, **kwargs):
        super().__init__(read_only=True, allow_null=True, **kwargs)

    def to_representation(self, value):
        return value or None


@extend_schema_field(
    {
        "type": "string",
        "pattern": "^[0-9]{2}:[0-9]{2}:[0-9]{2}$",
        "nullable": True,
        "example": "18:22:00",
        "description": "The local time the publisher gave, HH:MM:SS, without a time zone (so not an RFC 3339 time).",
    }
)
class LocalTimeField(serializers.TimeField):
    """A time as the publisher printed it: the schema's `format: time` would demand a UTC offset it never had."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, allow_null=True, format="%H:%M:%S", **kwargs)


class SourceRefSerializer(serializers.ModelSerializer):
    permalink = PermalinkField()

    class Meta:
        model = Source
        fields = ["slug", "name", "short_name", "permalink"]


class RegionRefSerializer(serializers.ModelSerializer):
    code = BlankAsNullField()
    permalink = PermalinkField()

    class Meta:
        model = Region
        # Where the place lies; location_precision says whether the point is its own ('own') or that of the
        # nearest located region it lies in ('parent'), or that it has none ('none', latitude null).
        fields = ["slug", "name", "code", "kind", "permalink", "latitude", "longitude", "location_precision"]


class ArticleRefSerializer(serializers.ModelSerializer):
    permalink = PermalinkField()
    url = BlankAsNullField(help_text="Where the publisher published it, if known.")

    class Meta:
        model = Article
        fields = ["slug", "title", "published_on", "url", "permalink"]


class ClaimSerializer(serializers.ModelSerializer):
    permalink = PermalinkField()
    claimant = serializers.SerializerMethodField(help_text="Who asserts it; the publisher when nobody else is named.")
    publisher = SourceRefSerializer(read_only=True)
    article = ArticleRefSerializer(read_only=True)
    regions = RegionRefSerializer(many=True, read_only=True)
    occurred_precision = BlankAsNullField()
    quantity_value = serializers.DecimalField(
        max_digits=16, decimal_places=3, coerce_to_string=False, allow_null=True, read_only=True
    )
    quantity_unit = BlankAsNullField()
    synthetic = serializers.BooleanField(source="is_synthetic", read_only=True)

    class Meta:
        model = Claim
        fields = [
            "id",
            "permalink",
            "statement",
            "quote",
            "quote_start",
            "quote_end",
            "claimant",
            "asserted_on",
            "occurred_start",
            "occurred_end",
            "occurred_precision",
            "regions",
            "topic",
            "quantity_value",
            "quantity_unit",
            "status",
            "article",
            "publisher",
            "language",
            "synthetic",
        ]

    @extend_schema_field(SourceRefSerializer)
    def get_claimant(self, claim):
        return SourceRefSerializer(claim.claimant, context=self.context).data


class ArticleSerializer(serializers.ModelSerializer):
    permalink = PermalinkField()
    publisher = SourceRefSerializer(read_only=True)
    cited_sources = SourceRefSerializer(many=True, read_only=True)
    regions = RegionRefSerializer(many=True, read_only=True)
    url = BlankAsNullField()
    lead = BlankAsNullField()
    dateline = BlankAsNullField()
    published_time = LocalTimeField()
    synthetic = serializers.BooleanField(source="is_synthetic", read_only=True)

    class Meta:
        model = Article
        fields = [
            "id",
            "slug",
            "permalink",
            "title",
            "lead",
            "publisher",
            "cited_sources",
            "published_on",
            "published_time",
            "dateline",
            "language",
            "url",
            "regions",
            "sha256",
            "synthetic",
        ]


class ArticleDetailSerializer(ArticleSerializer):
    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body"]


class RegionSerializer(serializers.ModelSerializer):
    permalink = PermalinkField()
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    code = BlankAsNullField()
    katottg = BlankAsNullField()
    name_uk = BlankAsNullField()

    class Meta:
        model = Region
        fields = ["id", "slug", "permalink", "name", "name_uk", "kind", "parent", "code", "katottg", "latitude", "longitude"]
        fields += ["area_km2", "aliases", "location_precision"]


class SourceSerializer(serializers.ModelSerializer):
    permalink = PermalinkField()
    short_name = BlankAsNullField()
    country = BlankAsNullField()
    website = BlankAsNullField()
    description = BlankAsNullField()
    synthetic = serializers.BooleanField(source="is_synthetic", read_only=True)

    class Meta:
        model = Source
        fields = ["id", "slug", "permalink", "name", "short_name", "kind", "country", "website", "description", "reliability"]
        fields += ["aliases", "synthetic"]
