"""The API fuzzed against its own OpenAPI schema, over HTTP: whatever the schema allows, no server error,
and every answer is one the schema describes."""

import json
import tempfile
from pathlib import Path

import pytest
import schemathesis
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis.configuration import set_hypothesis_home_dir
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from reports.models import Article, Claim, Region
from tests.factories import ArticleFactory, ClaimFactory, RegionFactory, SourceFactory

pytestmark = pytest.mark.django_db(transaction=True)
# Hypothesis keeps caches in a folder of its own; not in the work tree.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "archive-hypothesis")


@pytest.fixture
def archive(settings):
    ukraine = RegionFactory(name="Ukraine", slug="ukraine", code="UA", kind=Region.Kind.COUNTRY)
    luhansk = RegionFactory(name="Luhansk Oblast", slug="luhansk-oblast", code="UA-09", parent=ukraine, aliases=["Луганщина"])
    isw = SourceFactory(name="Institute for the Study of War", slug="isw")
    article = ArticleFactory(slug="sample")
    article.cited_sources.add(isw)
    article.regions.add(luhansk)
    ClaimFactory(article=article, claimant=isw, status=Claim.Status.CORROBORATED).regions.add(luhansk)
    ClaimFactory(article=ArticleFactory(status=Article.Status.DRAFT))
    ClaimFactory(article=ArticleFactory(is_synthetic=True))


def served_schema():
    """The schema /api/schema/ serves (test_protocol checks that it does), made the same way, before any server runs."""
    return json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))


schema = schemathesis.openapi.from_dict(served_schema())


@schema.parametrize()
@hypothesis_settings(
    max_examples=60,
    deadline=None,
    database=None,  # nothing written into the work tree
    derandomize=True,  # the same cases on every run, so that CI cannot fail by chance
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_answers_every_request_its_schema_allows_without_a_server_error(case, live_server, archive):
    case.call_and_validate(
        base_url=live_server.url,
        checks=[not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance],
    )
