import hashlib

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchRank, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.functions import Left
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from reports.models.regions import Region
from reports.models.search import language_search_vector, lemma_text, places_named, websearch_query

# Text past this many characters of the body is kept but not indexed: a tsvector has a 1 MB limit,
# and reports worth finding say what they are about well before this point.
SEARCH_BODY_CHARS = 100_000


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Article.Status.PUBLISHED)

    def real(self):
        return self.filter(is_synthetic=False)

    def in_region(self, *regions):
        """Articles about any of `regions` or anything inside them (GIN index on region_ids)."""
        return self.filter(region_ids__overlap=[region.pk for region in regions])

    def from_source(self, *sources):
        """Articles published by or citing any of `sources`."""
        return self.filter(source_ids__overlap=[source.pk for source in sources])

    def search(self, text):
        """Rows whose words match the query in websearch syntax, in any of their word forms, or, when the query is a
        place's name in any language, rows about that place; `rank` orders the words' matches first."""
        query = websearch_query(text)
        matches = models.Q(search=query)
        places = places_named(text)
        if places:
            matches |= models.Q(region_ids__overlap=places)
        return self.filter(matches).annotate(rank=SearchRank(models.F("search"), query))


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


class Language(models.TextChoices):
    EN = "en", _("English")
    UK = "uk", _("Ukrainian")
    RU = "ru", _("Russian")


class Article(models.Model):
    """One archived report, its text exactly as archived."""

    Status = ArticleStatus

    Language = Language

    title = models.CharField(_("title"), max_length=500, help_text=_("Headline as published."))
    slug = models.SlugField(
        _("slug"), max_length=255, unique=True, help_text=_("Used in the article's address: /articles/<slug>/.")
    )
    publisher = models.ForeignKey(
        "reports.Source",
        on_delete=models.PROTECT,
        related_name="published_articles",
        verbose_name=_("publisher"),
        help_text=_("Who published this report (e.g. UNN)."),
    )
    cited_sources = models.ManyToManyField(
        "reports.Source",
        blank=True,
        related_name="cited_in",
        verbose_name=_("cited sources"),
        help_text=_("Sources the report relies on or quotes (e.g. ISW)."),
    )
    url = models.URLField(
        _("original URL"), max_length=1000, blank=True, help_text=_("Where it was published. Unique: one article per URL.")
    )
    published_on = models.DateField(_("publication date"), help_text=_("Date of publication, as stated by the publisher."))
    published_time = models.TimeField(
        _("publication time"), null=True, blank=True, help_text=_("Time of publication, when known.")
    )
    dateline = models.CharField(
        _("dateline"), max_length=100, blank=True, help_text=_("Place the report was filed from, e.g. Kyiv.")
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.EN, help_text=_("Language of the archived text.")
    )
    lead = models.TextField(
        _("lead"), blank=True, help_text=_("The standfirst or first paragraph, if the publisher sets it apart.")
    )
    body = models.TextField(
        _("text"),
        help_text=_("The full text exactly as archived. Claims quote it word for word; changing it is recorded in history."),
    )
    regions = models.ManyToManyField(
        Region,
        blank=True,
        related_name="articles",
        verbose_name=_("regions"),
        help_text=_("Places the report is about (the most specific ones)."),
    )
    suggested_regions = models.ManyToManyField(
        Region,
        blank=True,
        related_name="suggested_for",
        verbose_name=_("suggested regions"),
        help_text=_("Places the importer found in the text, awaiting an editor's confirmation; accepted ones move to Regions."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Drafts are visible to editors only."),
    )
    sha256 = models.CharField(
        _("SHA-256"), max_length=64, editable=False, help_text=_("Hash of the archived text, recomputed on every save.")
    )
    is_synthetic = models.BooleanField(
        _("synthetic"), default=False, editable=False, help_text=_("Generated for scale tests; never real data.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("archived"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # The Ukrainian words' dictionary forms, for search (reports/models/search.py); kept by save() and the batch writer.
    lemmas = models.TextField(blank=True, default="", db_default="", editable=False)
    search = models.GeneratedField(
        expression=language_search_vector(("title", "A"), ("lead", "B"), (Left("body", SEARCH_BODY_CHARS), "C")),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    # Kept by PostgreSQL triggers (migration 0004) for the list filters: the regions the article is about
    # with all their ancestors, and its publisher with every cited source.
    region_ids = ArrayField(models.BigIntegerField(), default=list, editable=False)
    source_ids = ArrayField(models.BigIntegerField(), default=list, editable=False)

    history = HistoricalRecords(
        excluded_fields=["search", "lemmas", "region_ids", "source_ids"], m2m_fields=["regions", "cited_sources"]
    )
    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(fields=["status", "-published_on", "-id"], name="article_status_published"),
            # The default list leaves synthetic articles out: newest first without walking past them.
            models.Index(
                fields=["-published_on", "-id"],
                name="article_real_published",
                condition=models.Q(status="published", is_synthetic=False),
            ),
            models.Index(fields=["publisher", "-published_on"], name="article_publisher_published"),
            models.Index(fields=["language", "-published_on"], name="article_language_published"),
            GinIndex(fields=["search"], name="article_search_gin"),
            GinIndex(fields=["region_ids"], name="article_region_ids_gin"),
            GinIndex(fields=["source_ids"], name="article_source_ids_gin"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["url"], condition=~models.Q(url=""), name="article_url_unique"),
            models.CheckConstraint(condition=models.Q(status__in=ArticleStatus.values), name="article_status_valid"),
            models.CheckConstraint(condition=models.Q(language__in=Language.values), name="article_language_valid"),
            models.CheckConstraint(condition=models.Q(sha256__regex=r"^[0-9a-f]{64}$"), name="article_sha256_hex"),
            models.CheckConstraint(condition=~models.Q(body=""), name="article_body_not_empty"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reports:article_detail", args=[self.slug])

    def compute_sha256(self) -> str:
        return text_sha256(self.body)

    def _claims_losing_their_quote(self):
        if not self.pk:
            return []
        return [
            claim for claim in self.claims.only("id", "quote") if claim.quote not in self.body and claim.quote not in self.lead
        ]

    def clean(self):
        self.sha256 = self.compute_sha256()  # before the constraint on the hash is validated
        lost = self._claims_losing_their_quote()
        if lost:
            raise ValidationError({"body": _lost_quotes_message(lost)})

    def lemmas_compute(self) -> str:
        return lemma_text(self.title, self.lead, self.body[:SEARCH_BODY_CHARS])

    def save(self, *args, **kwargs):
        self.sha256 = self.compute_sha256()
        self.lemmas = self.lemmas_compute()
        with transaction.atomic():
            lost = self._claims_losing_their_quote()
            if lost:
                raise ValidationError({"body": _lost_quotes_message(lost)})
            super().save(*args, **kwargs)
            if self.pk:
                self._relocate_quotes()

    def _relocate_quotes(self):
        # The text may have moved around the quotes; keep each claim's offsets pointing at its words.
        moved = []
        for claim in self.claims.only("id", "quote", "quote_start", "quote_end"):
            if self.body[claim.quote_start : claim.quote_end] != claim.quote:
                claim.quote_start = self.body.find(claim.quote)
                claim.quote_end = claim.quote_start + len(claim.quote)
                moved.append(claim)
        if moved:
            type(moved[0]).objects.bulk_update(moved, ["quote_start", "quote_end"])


def _lost_quotes_message(claims):
    ids = ", ".join(f"#{claim.pk}" for claim in claims)
    return _("This change removes words that claims %(ids)s quote. Edit or delete those claims first.") % {"ids": ids}
