"""The fixed vocabularies of a claim: how precisely it is dated, its topic, its stance and its review status."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Precision(models.TextChoices):
    DAY = "day", _("day")
    WEEK = "week", _("week")
    MONTH = "month", _("month")
    SEASON = "season", _("season")
    YEAR = "year", _("year")
    APPROXIMATE = "approximate", _("approximate")


class Topic(models.TextChoices):
    TERRITORIAL_CONTROL = "territorial_control", _("territorial control")
    GROUND_COMBAT = "ground_combat", _("ground combat")
    STRIKES = "strikes", _("strikes")
    CASUALTIES = "casualties", _("casualties and losses")
    DIPLOMACY = "diplomacy", _("negotiations and diplomacy")
    MOBILISATION = "mobilisation", _("mobilisation and personnel")
    OCCUPATION = "occupation", _("occupation and civilians")
    INFRASTRUCTURE = "infrastructure", _("infrastructure")
    OTHER = "other", _("other")


class Stance(models.TextChoices):
    """What a claim about territorial control says of a place's control."""

    CAPTURED = "captured", _("captured")
    ADVANCED = "advanced", _("advanced near")
    REPELLED = "repelled", _("repelled")
    LIBERATED = "liberated", _("liberated")
    CONTESTED = "contested", _("contested")


class ClaimStatus(models.TextChoices):
    SUGGESTED = "suggested", _("suggested")
    UNVERIFIED = "unverified", _("unverified")
    CORROBORATED = "corroborated", _("corroborated")
    DISPUTED = "disputed", _("disputed")
    REFUTED = "refuted", _("refuted")
