from django import template

from reports.structured_data import claim_review, json_ld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def claim_review_json_ld(context, claim, permalink):
    """The claim's ClaimReview as JSON-LD, or nothing when no reviewer has judged it."""
    site_url = context["request"].build_absolute_uri("/")  # the site, not the page: no language prefix
    return json_ld_script(claim_review(claim, permalink=permalink, site_url=site_url))
