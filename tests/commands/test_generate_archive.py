from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from reports.models import Article, Region
from tests.factories import RegionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def gazetteer():
    ukraine = RegionFactory(name="Ukraine", slug="ukraine", kind=Region.Kind.COUNTRY, code="UA")
    donetsk = RegionFactory(
        name="Donetsk Oblast", name_uk="Донецька область", slug="donetsk-oblast", code="UA-14", parent=ukraine
    )
    RegionFactory(name="Lyman", name_uk="Лиман", slug="lyman", kind=Region.Kind.SETTLEMENT, parent=donetsk)


def run(*args):
    out = StringIO()
    call_command("generate_archive", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_generates_the_articles_and_reports_counts(gazetteer):
    output = run("--articles", "40", "--seed", "3")

    assert Article.objects.filter(is_synthetic=True).count() == 40
    assert "Generated 40 synthetic articles" in output
    assert "rows/s" in output


def test_replace_reports_what_it_deleted(gazetteer):
    run("--articles", "12")

    output = run("--articles", "5", "--replace")

    assert "Deleted 12 synthetic articles" in output
    assert Article.objects.count() == 5


@pytest.mark.parametrize("articles", ["0", "-5", "many"])
def test_refuses_a_number_of_articles_that_is_not_positive(gazetteer, articles):
    with pytest.raises(CommandError, match="greater than 0"):
        run(f"--articles={articles}")
    assert Article.objects.count() == 0


def test_refuses_zero_articles_passed_as_a_keyword(gazetteer):
    with pytest.raises(CommandError, match="greater than 0"):
        call_command("generate_archive", articles=0, stdout=StringIO(), stderr=StringIO())


def test_refuses_an_empty_gazetteer():
    with pytest.raises(CommandError, match="run load_gazetteer first"):
        run("--articles", "10")
