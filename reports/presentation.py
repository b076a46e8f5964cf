"""How dates, periods and statuses read to people, in the interface language."""

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

SEASONS = {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring", 6: "summer", 7: "summer", 8: "summer"}


def _season_name(month):
    season = SEASONS.get(month, "autumn")
    return {
        "winter": pgettext("season", "winter"),
        "spring": pgettext("season", "spring"),
        "summer": pgettext("season", "summer"),
        "autumn": pgettext("season", "autumn"),
    }[season]


def _part_of_month(day):
    if day <= 10:
        return pgettext("part of month", "early")
    if day <= 20:
        return pgettext("part of month", "mid")
    return pgettext("part of month", "late")


def describe_period(start: datetime.date | None, end: datetime.date | None, precision: str) -> str:
    """'3 July 2022', 'July 2022', 'autumn 2022', 'late November 2024, approximate'…"""
    if not start:
        return ""
    end = end or start
    if precision == "day" and start == end:
        return date_format(start, "DATE_FORMAT")
    if precision == "week":
        return _("the week of %(date)s") % {"date": date_format(start, "DATE_FORMAT")}
    if precision == "month":
        return date_format(start, "YEAR_MONTH_FORMAT")
    if precision == "season":
        return _("%(season)s %(year)s") % {"season": _season_name(start.month), "year": start.year}
    if precision == "year":
        return str(start.year)
    if precision == "approximate":
        if (start.year, start.month) == (end.year, end.month):
            when = _("%(part)s %(month)s") % {
                "part": _part_of_month(start.day),
                "month": date_format(start, "YEAR_MONTH_FORMAT"),
            }
        else:
            when = f"{date_format(start, 'DATE_FORMAT')} – {date_format(end, 'DATE_FORMAT')}"
        return _("%(when)s, approximate") % {"when": when}
    return f"{date_format(start, 'DATE_FORMAT')} – {date_format(end, 'DATE_FORMAT')}"


def status_explanation(status: str) -> str:
    return {
        "suggested": _("Proposed by the importer from the article's wording; no person has confirmed it yet."),
        "unverified": _("An editor confirmed that the source says this; nobody has checked whether it is true."),
        "corroborated": _("Reviewers found independent reports that support it."),
        "disputed": _("Reviewers found credible reports that contradict it; the question is open."),
        "refuted": _("Reviewers found that the evidence shows it to be false."),
    }.get(status, "")


def reliability_explanation(grade: str) -> str:
    return {
        "A": _("No doubt about its authenticity, trustworthiness or competence; a history of complete reliability."),
        "B": _("Minor doubts; a history of valid information most of the time."),
        "C": _("Doubts; it has provided valid information in the past."),
        "D": _("Significant doubts; it has provided valid information only now and then."),
        "E": _("Lacks authenticity, trustworthiness and competence; a history of invalid information."),
        "F": _("There is not enough basis to judge its reliability."),
    }.get(grade, "")
