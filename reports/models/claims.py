from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchRank, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from reports.models.claim_choices import ClaimStatus, Precision, Stance, Topic
from reports.models.search import language_search_vector, lemma_text, places_named, websearch_query


class ClaimQuerySet(models.QuerySet):
    def public(self):
        """What readers may see: confirmed claims (not importer suggestions) of published articles."""
        return self.filter(is_public=True)

    def in_region(self, *regions):
        """Claims about any of `regions` or anything inside them (GIN index on region_ids)."""
        return self.filter(region_ids__overlap=[region.pk for region in regions])

    def from_source(self, *sources):
        """Claims asserted, published or cited by any of `sources`."""
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


class Claim(models.Model):
    """One dated assertion found in an article, tied to the exact words that carry it."""

    Precision = Precision

    Topic = Topic

    Stance = Stance

    Status = ClaimStatus

    article = models.ForeignKey(
        "reports.Article",
        on_delete=models.CASCADE,
        related_name="claims",
        verbose_name=_("article"),
        help_text=_("The archived article whose text carries the claim."),
    )
    statement = models.TextField(
        _("statement"),
        help_text=_("What is claimed, in the editor's words: 'Russian forces advanced northeast of Lyman'."),
    )
    quote = models.TextField(
        _("quote"),
        help_text=_(
            "The exact words of the article that carry the claim, copied from its text. Checked against the text on save."
        ),
    )
    quote_start = models.PositiveIntegerField(
        _("quote start"), editable=False, help_text=_("Offset of the quote's first character in the article text.")
    )
    # Agency copy often says the most in its lead: a quote the body does not hold may stand there, offsets in the lead.
    quote_in_lead = models.BooleanField(_("quote in the lead"), default=False, db_default=False, editable=False)
    quote_end = models.PositiveIntegerField(
        _("quote end"), editable=False, help_text=_("Offset just past the quote's last character.")
    )
    claimant = models.ForeignKey(
        "reports.Source",
        on_delete=models.PROTECT,
        related_name="claims",
        verbose_name=_("claimant"),
        help_text=_(
            "Who asserts it (ISW), which may differ from the publisher who reports it (UNN). "
            "When the publisher states it itself, choose the publisher."
        ),
    )
    asserted_on = models.DateField(
        _("asserted on"), blank=True, help_text=_("When it was asserted. Left empty, the article's date is used.")
    )
    occurred_start = models.DateField(
        _("occurred from"), null=True, blank=True, help_text=_("First day of the period the claim speaks of, when it says.")
    )
    occurred_end = models.DateField(
        _("occurred until"), null=True, blank=True, help_text=_("Last day of that period; the same day for a single date.")
    )
    occurred_precision = models.CharField(
        _("occurred precision"),
        max_length=12,
        choices=Precision.choices,
        blank=True,
        help_text=_(
            "How precisely the text dates it: 'on July 3, 2022' is a day; 'in the fall of 2022' a season; "
            "'since late November' approximate."
        ),
    )
    regions = models.ManyToManyField(
        "reports.Region",
        blank=True,
        related_name="claims",
        verbose_name=_("regions"),
        help_text=_("The most specific places the claim concerns."),
    )
    topic = models.CharField(
        _("topic"), max_length=20, choices=Topic.choices, default=Topic.OTHER, help_text=_("What the claim is about.")
    )
    stance = models.CharField(
        _("stance"),
        max_length=10,
        choices=Stance.choices,
        blank=True,
        default="",
        db_default="",  # rows copied in bulk without it (generator, older writers) get the empty stance
        help_text=_(
            "For territorial control: what the claim says of the place. Suggested by the importer from the wording, "
            "confirmed or corrected at review; empty for other topics."
        ),
    )
    quantity_value = models.DecimalField(
        _("quantity"),
        max_digits=16,
        decimal_places=3,
        null=True,
        blank=True,
        help_text=_("The number the claim states, if any: 266, 1, 10."),
    )
    quantity_unit = models.CharField(
        _("unit"), max_length=40, blank=True, help_text=_("Unit of that number: km², %, times, people, assaults.")
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.UNVERIFIED,
        help_text=_(
            "Suggested: proposed by the importer, unconfirmed. Unverified: confirmed as said, not checked. "
            "Then corroborated, disputed or refuted by review."
        ),
    )
    related = models.ManyToManyField(
        "self",
        through="reports.ClaimLink",
        symmetrical=False,
        blank=True,
        verbose_name=_("related claims"),
        help_text=_("Claims this one corroborates or contradicts (set by reviewers)."),
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
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # Copies of the article's facts and the claim's relations, kept by PostgreSQL triggers (migration
    # 0004) so that every list filter is one indexed condition on this table, without joins.
    is_public = models.BooleanField(default=False, editable=False)
    published_on = models.DateField(null=True, editable=False)
    publisher = models.ForeignKey(
        "reports.Source", on_delete=models.DO_NOTHING, db_constraint=False, null=True, editable=False, related_name="+"
    )
    language = models.CharField(max_length=2, blank=True, editable=False)
    is_synthetic = models.BooleanField(default=False, editable=False)
    region_ids = ArrayField(models.BigIntegerField(), default=list, editable=False)
    source_ids = ArrayField(models.BigIntegerField(), default=list, editable=False)
    # The Ukrainian words' dictionary forms, for search (reports/models/search.py); kept by save() and the batch writer.
    lemmas = models.TextField(blank=True, default="", db_default="", editable=False)
    search = models.GeneratedField(
        expression=language_search_vector(("statement", "A"), ("quote", "B")),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    history = HistoricalRecords(
        m2m_fields=["regions"],
        excluded_fields=[
            "is_public",
            "published_on",
            "publisher",
            "language",
            "is_synthetic",
            "region_ids",
            "source_ids",
            "search",
            "lemmas",
        ],
    )
    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["-asserted_on", "-id"]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        permissions = [("review_claim", _("Can set the review status of claims and link them"))]
        indexes = [
            models.Index(fields=["-asserted_on", "-id"], name="claim_asserted"),
            # The public lists: each filter with the default order, over published claims only.
            models.Index(fields=["-asserted_on", "-id"], name="claim_public_asserted", condition=models.Q(is_public=True)),
            # Control histories read the few claims with a stance among many without one.
            models.Index(
                fields=["-asserted_on", "-id"],
                name="claim_stance_asserted",
                condition=models.Q(is_public=True) & ~models.Q(stance=""),
            ),
            # The default list leaves synthetic claims out: newest first without walking past them.
            models.Index(
                fields=["-asserted_on", "-id"], name="claim_real_asserted", condition=models.Q(is_public=True, is_synthetic=False)
            ),
            models.Index(
                fields=["claimant", "-asserted_on", "-id"], name="claim_claimant_asserted", condition=models.Q(is_public=True)
            ),
            models.Index(
                fields=["publisher", "-asserted_on", "-id"], name="claim_publisher_asserted", condition=models.Q(is_public=True)
            ),
            models.Index(
                fields=["topic", "-asserted_on", "-id"], name="claim_topic_asserted", condition=models.Q(is_public=True)
            ),
            models.Index(
                fields=["status", "-asserted_on", "-id"], name="claim_status_asserted", condition=models.Q(is_public=True)
            ),
            models.Index(
                fields=["language", "-asserted_on", "-id"], name="claim_language_asserted", condition=models.Q(is_public=True)
            ),
            models.Index(fields=["published_on"], name="claim_published_on", condition=models.Q(is_public=True)),
            models.Index(fields=["-occurred_start", "-id"], name="claim_occurred_start", condition=models.Q(is_public=True)),
            # Carries what the counts read, so that counting the claims of an occurred range where the count
            # tables do not hold it (days inside months) reads this index alone (docs/counting.md), not the table.
            models.Index(
                fields=["occurred_end"],
                include=[
                    "occurred_start",
                    "topic",
                    "status",
                    "language",
                    "asserted_on",
                    "claimant",
                    "is_synthetic",
                    "region_ids",
                ],
                name="claim_occurred_end_counted",
                condition=models.Q(is_public=True),
            ),
            GinIndex(fields=["region_ids"], name="claim_region_ids_gin", condition=models.Q(is_public=True)),
            GinIndex(fields=["source_ids"], name="claim_source_ids_gin", condition=models.Q(is_public=True)),
            GinIndex(fields=["search"], name="claim_search_gin", condition=models.Q(is_public=True)),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(occurred_start__isnull=True, occurred_end__isnull=True, occurred_precision="")
                | models.Q(occurred_start__isnull=False, occurred_end__isnull=False, occurred_start__lte=models.F("occurred_end"))
                & ~models.Q(occurred_precision=""),
                name="claim_occurred_range_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(occurred_precision__in=["", *Precision.values]), name="claim_precision_valid"
            ),
            models.CheckConstraint(condition=models.Q(status__in=ClaimStatus.values), name="claim_status_valid"),
            models.CheckConstraint(condition=models.Q(topic__in=Topic.values), name="claim_topic_valid"),
            models.CheckConstraint(condition=models.Q(stance__in=["", *Stance.values]), name="claim_stance_valid"),
            models.CheckConstraint(condition=~models.Q(quote=""), name="claim_quote_not_empty"),
            models.CheckConstraint(condition=models.Q(quote_end__gt=models.F("quote_start")), name="claim_quote_offsets_ordered"),
        ]

    def __str__(self):
        return self.statement[:80]

    def get_absolute_url(self):
        return reverse("reports:claim_detail", args=[self.pk])

    def locate_quote(self):
        """Find the quote in the article text (else in its lead) and store its offsets; refuse a quote that is not there."""
        body, lead = self.article.body, self.article.lead
        in_lead = bool(self.quote) and self.quote not in body and self.quote in lead
        start = self.quote_start if in_lead == self.quote_in_lead else None
        self.quote_start, self.quote_end = quote_offsets(lead if in_lead else body, self.quote, start)
        self.quote_in_lead = in_lead

    def clean(self):
        errors = {}
        if self._has_article():
            try:
                self.locate_quote()
            except ValidationError as error:
                errors.update(error.message_dict)
        has_start, has_end = self.occurred_start is not None, self.occurred_end is not None
        if has_start and not has_end:
            self.occurred_end = self.occurred_start
        if has_end and not has_start:
            errors["occurred_start"] = _("Give the first day of the period too.")
        if self.occurred_start and self.occurred_end and self.occurred_start > self.occurred_end:
            errors["occurred_end"] = _("The period ends before it starts.")
        if self.occurred_start and not self.occurred_precision:
            errors["occurred_precision"] = _("Say how precisely the text dates it.")
        if not self.occurred_start and not self.occurred_end and self.occurred_precision:
            errors["occurred_precision"] = _("A precision needs a date to go with it.")
        if self.asserted_on is None and self._has_article():
            self.asserted_on = self.article.published_on
        if errors:
            raise ValidationError(errors)

    def _has_article(self):
        try:
            return self.article is not None
        except Claim.article.RelatedObjectDoesNotExist:
            return False

    def save(self, *args, **kwargs):
        self.locate_quote()
        self.lemmas = lemma_text(self.statement, self.quote)
        if self.asserted_on is None:
            self.asserted_on = self.article.published_on
        super().save(*args, **kwargs)


class LinkRelation(models.TextChoices):
    CORROBORATES = "corroborates", _("corroborates")
    CONTRADICTS = "contradicts", _("contradicts")


class ClaimLink(models.Model):
    """One claim corroborating or contradicting another."""

    Relation = LinkRelation

    from_claim = models.ForeignKey(
        Claim,
        on_delete=models.CASCADE,
        related_name="links_out",
        verbose_name=_("claim"),
        help_text=_("The claim that bears on another."),
    )
    to_claim = models.ForeignKey(
        Claim,
        on_delete=models.CASCADE,
        related_name="links_in",
        verbose_name=_("related claim"),
        help_text=_("The claim it corroborates or contradicts."),
    )
    relation = models.CharField(
        _("relation"), max_length=12, choices=Relation.choices, help_text=_("How the first claim bears on the second.")
    )
    note = models.TextField(_("note"), blank=True, help_text=_("Why the reviewer linked them."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("claim link")
        verbose_name_plural = _("claim links")
        constraints = [
            models.UniqueConstraint(fields=["from_claim", "to_claim"], name="claimlink_unique_pair"),
            models.CheckConstraint(condition=~models.Q(from_claim=models.F("to_claim")), name="claimlink_not_self"),
            models.CheckConstraint(condition=models.Q(relation__in=LinkRelation.values), name="claimlink_relation_valid"),
        ]

    def __str__(self):
        return f"#{self.from_claim_id} {self.get_relation_display()} #{self.to_claim_id}"


def quote_offsets(body: str, quote: str, start: int | None = None) -> tuple[int, int]:
    """Where `quote` stands in `body` (at `start` if it stands there, else its first occurrence); refuse it if absent."""
    if not quote:
        raise ValidationError({"quote": _("Give the exact words of the article that carry this claim.")})
    if start is None or body[start : start + len(quote)] != quote:
        start = body.find(quote)
    if start < 0:
        raise ValidationError(
            {"quote": _("These words do not occur in the article's text. Copy them exactly as they stand in the article.")}
        )
    return start, start + len(quote)
