"""The API's endpoints: read-only, anonymous, rate-limited, each a few lines over its listing."""

from django.db.models import Prefetch
from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from reports.api import serializers as api_serializers
from reports.api.errors import BadQuery
from reports.api.filters import StrictFilterBackend
from reports.api.pagination import KeysetPagination
from reports.listings import LISTINGS
from reports.models import Region, Source

ERROR = inline_serializer(
    "Error",
    fields={
        "detail": serializers.CharField(),
        "errors": serializers.ListField(child=serializers.CharField(), required=False),
    },
)
ERRORS = {
    400: OpenApiResponse(ERROR, description="A parameter was not understood; `errors` says which and why."),
    429: OpenApiResponse(ERROR, description="Too many requests from this address; retry after the seconds in Retry-After."),
}


def documented(noun, serializer, detail_serializer=None):
    not_found = OpenApiResponse(ERROR, description="No such record, or not public.")
    return extend_schema_view(
        list=extend_schema(summary=f"List {noun}", responses={200: serializer, **ERRORS}),
        retrieve=extend_schema(
            summary=f"One of the {noun}", responses={200: detail_serializer or serializer, 404: not_found, **ERRORS}
        ),
    )


class ListingViewSet(viewsets.ReadOnlyModelViewSet):
    listing = None
    filter_backends = [StrictFilterBackend]
    pagination_class = KeysetPagination
    lookup_field = "slug"
    lookup_value_regex = "[^/]+"

    def get_queryset(self):
        return self.listing.public()


@documented("claims", api_serializers.ClaimSerializer)
class ClaimViewSet(ListingViewSet):
    listing = LISTINGS["claims"]
    serializer_class = api_serializers.ClaimSerializer
    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        regions = Prefetch("regions", queryset=Region.objects.order_by("name", "id"))
        return super().get_queryset().select_related("claimant", "publisher", "article").prefetch_related(regions)


@documented("articles", api_serializers.ArticleSerializer, api_serializers.ArticleDetailSerializer)
class ArticleViewSet(ListingViewSet):
    listing = LISTINGS["articles"]

    def get_serializer_class(self):
        return api_serializers.ArticleDetailSerializer if self.action == "retrieve" else api_serializers.ArticleSerializer

    def get_queryset(self):
        queryset = super().get_queryset().select_related("publisher")
        if self.action != "retrieve":
            queryset = queryset.defer("body")
        return queryset.prefetch_related(
            Prefetch("regions", queryset=Region.objects.order_by("name", "id")),
            Prefetch("cited_sources", queryset=Source.objects.order_by("name", "id")),
        )


@documented("regions", api_serializers.RegionSerializer)
class RegionViewSet(ListingViewSet):
    listing = LISTINGS["regions"]
    serializer_class = api_serializers.RegionSerializer

    def get_queryset(self):
        return super().get_queryset().select_related("parent")


@documented("sources", api_serializers.SourceSerializer)
class SourceViewSet(ListingViewSet):
    listing = LISTINGS["sources"]
    serializer_class = api_serializers.SourceSerializer


class ApiRoot(APIView):
    """Where everything is: the four lists, the OpenAPI schema and its interactive documentation."""

    @extend_schema(
        summary="Index of the API",
        tags=["index"],
        responses={
            200: inline_serializer("Index", fields={name: serializers.URLField() for name in [*LISTINGS, "schema", "docs"]}),
            **ERRORS,
        },
    )
    def get(self, request):
        if request.query_params:
            raise BadQuery([f"Unknown parameter: {', '.join(name[:40] for name in sorted(request.query_params)[:5])}."])
        names = {name: f"api:{listing.name}-list" for name, listing in LISTINGS.items()}  # keyed by plural
        names.update(schema="api:schema", docs="api:docs")
        return Response({name: request.build_absolute_uri(reverse(url_name)) for name, url_name in names.items()})


@extend_schema(exclude=True)
@api_view(["GET", "HEAD", "OPTIONS"])
def not_found(request):
    raise NotFound
