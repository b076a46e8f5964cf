import datetime

import pytest
from django.core.exceptions import ValidationError

from reports.models import Claim
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db

BODY = "First line of the report.\nThe occupiers first captured the entire Luhansk region on July 3, 2022.\nLast line."


def test_quote_that_is_not_in_the_article_is_refused_and_nothing_is_saved():
    article = ArticleFactory(body=BODY)
    claim = Claim(article=article, statement="Captured Kharkiv", quote="captured the entire Kharkiv region")

    with pytest.raises(ValidationError) as error:
        claim.save()

    assert "quote" in error.value.message_dict
    assert Claim.objects.count() == 0


def test_model_validation_reports_a_missing_quote_on_the_quote_field():
    article = ArticleFactory(body=BODY)
    claim = Claim(
        article=article,
        claimant=article.publisher,
        statement="x",
        quote="not in the text",
        topic="other",
        status="unverified",
    )

    with pytest.raises(ValidationError) as error:
        claim.full_clean()

    assert list(error.value.message_dict) == ["quote"]


def test_quote_offsets_point_at_the_quoted_words():
    article = ArticleFactory(body=BODY)
    claim = ClaimFactory(article=article, quote="first captured the entire Luhansk region on July 3, 2022")

    assert (claim.quote_start, claim.quote_end) == (40, 96)
    assert BODY[claim.quote_start : claim.quote_end] == claim.quote


def test_asserted_date_defaults_to_the_article_date():
    article = ArticleFactory(body=BODY, published_on=datetime.date(2025, 4, 2))
    claim = ClaimFactory(article=article, quote="Last line.")

    assert claim.asserted_on == datetime.date(2025, 4, 2)


def test_editing_the_text_so_a_quote_disappears_is_refused():
    article = ArticleFactory(body=BODY)
    ClaimFactory(article=article, quote="Last line.")

    article.body = "First line of the report.\nSomething else entirely."
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "body" in error.value.message_dict
    with pytest.raises(ValidationError):
        article.save()

    article.refresh_from_db()
    assert article.body == BODY


def test_editing_the_text_around_a_quote_moves_its_offsets():
    article = ArticleFactory(body=BODY)
    claim = ClaimFactory(article=article, quote="Last line.")

    article.body = "A new first paragraph.\n" + BODY
    article.save()

    claim.refresh_from_db()
    assert article.body[claim.quote_start : claim.quote_end] == "Last line."
    assert claim.quote_start == 23 + BODY.index("Last line.")


def test_occurred_end_before_start_is_a_validation_error():
    article = ArticleFactory(body=BODY)
    claim = Claim(
        article=article,
        claimant=article.publisher,
        statement="x",
        quote="Last line.",
        topic="other",
        status="unverified",
        occurred_start=datetime.date(2024, 6, 1),
        occurred_end=datetime.date(2024, 5, 1),
        occurred_precision="day",
    )

    with pytest.raises(ValidationError) as error:
        claim.full_clean()

    assert "occurred_end" in error.value.message_dict


def test_a_single_occurred_date_becomes_a_one_day_range():
    article = ArticleFactory(body=BODY)
    claim = Claim(
        article=article,
        claimant=article.publisher,
        statement="x",
        quote="Last line.",
        topic="other",
        status="unverified",
        occurred_start=datetime.date(2022, 7, 3),
        occurred_precision="day",
    )

    claim.full_clean()

    assert claim.occurred_end == datetime.date(2022, 7, 3)
