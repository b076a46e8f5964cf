from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

country_code_validator = RegexValidator(r"^[A-Z]{2}$", _("Use a two-letter ISO 3166-1 code in capitals, e.g. UA."))


class SourceQuerySet(models.QuerySet):
    def real(self):
        return self.filter(is_synthetic=False)


class SourceKind(models.TextChoices):
    THINK_TANK = "think_tank", _("think tank")
    NEWS_AGENCY = "news_agency", _("news agency")
    NEWSPAPER = "newspaper", _("newspaper")
    BROADCASTER = "broadcaster", _("broadcaster")
    GOVERNMENT = "government", _("government")
    MILITARY = "military", _("military")
    INTERNATIONAL = "international", _("international organisation")
    NGO = "ngo", _("NGO")
    OSINT = "osint", _("OSINT group")
    OTHER = "other", _("other")


class Reliability(models.TextChoices):
    # The NATO Admiralty scale, source reliability half.
    A = "A", _("A: completely reliable")
    B = "B", _("B: usually reliable")
    C = "C", _("C: fairly reliable")
    D = "D", _("D: not usually reliable")
    E = "E", _("E: unreliable")
    F = "F", _("F: reliability cannot be judged")


class Source(models.Model):
    """An organisation that publishes reports or asserts things: ISW, UNN, a ministry."""

    Kind = SourceKind

    Reliability = Reliability

    name = models.CharField(
        _("name"), max_length=200, unique=True, help_text=_("Full name, e.g. Institute for the Study of War.")
    )
    short_name = models.CharField(
        _("short name"), max_length=50, blank=True, help_text=_("Abbreviation used in reports, e.g. ISW.")
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True, help_text=_("Used in URLs and filters: /sources/<slug>/."))
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER, help_text=_("What sort of organisation this is.")
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        validators=[country_code_validator],
        help_text=_("ISO 3166-1 alpha-2 code of the country it is based in, e.g. UA, US, RU."),
    )
    website = models.URLField(_("website"), blank=True, help_text=_("Home page, e.g. https://www.understandingwar.org/."))
    description = models.TextField(_("description"), blank=True, help_text=_("Who they are, in a few sentences, for readers."))
    reliability = models.CharField(
        _("reliability"),
        max_length=1,
        choices=Reliability.choices,
        default=Reliability.F,
        help_text=_("Source reliability on the NATO Admiralty scale; F when it cannot be judged."),
    )
    aliases = ArrayField(
        models.CharField(max_length=200),
        blank=True,
        default=list,
        verbose_name=_("aliases"),
        help_text=_("Other names a text may use for it, comma-separated (e.g. General Staff, Генштаб ЗСУ)."),
    )
    needs_review = models.BooleanField(
        _("needs review"),
        default=False,
        help_text=_("Set when an import created this source from an unknown name."),
    )
    is_synthetic = models.BooleanField(
        _("synthetic"), default=False, editable=False, help_text=_("Generated for scale tests; never real data.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        indexes = [GinIndex(fields=["aliases"], name="source_aliases_gin")]
        constraints = [
            models.CheckConstraint(condition=models.Q(reliability__in=list("ABCDEF")), name="source_reliability_a_to_f"),
            models.CheckConstraint(condition=models.Q(kind__in=SourceKind.values), name="source_kind_valid"),
            models.CheckConstraint(
                condition=models.Q(country="") | models.Q(country__regex=r"^[A-Z]{2}$"), name="source_country_iso"
            ),
        ]

    def __str__(self):
        return self.short_name or self.name

    def get_absolute_url(self):
        return reverse("reports:source_detail", args=[self.slug])
