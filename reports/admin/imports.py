"""Importing articles in the admin, and reviewing what the importer suggested for each.

"Import articles" takes pasted text or an uploaded file and runs the same service as `import_articles`.
Each imported article then has a review screen: its text with the suggested quotes marked, each suggested
claim to accept (it becomes unverified), edit or reject, and the suggested regions to accept or reject.
The review queue lists the articles with suggestions still waiting.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from reports.models import Article, Claim, ImportJob, Region, Source
from reports.services import import_jobs, suggestions

MAX_UPLOAD_BYTES = 64 * 1024 * 1024
QUEUE_PAGE = 50


class ImportForm(forms.Form):
    text = forms.CharField(
        label=_("Article text"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 16, "cols": 100}),
        help_text=_(
            "Paste one or more articles in the publishers' layout: ' date YYYY-MM-DD <title> - <cited source>', "
            "then '<dateline> • <publisher>', the lead, and the text."
        ),
    )
    file = forms.FileField(
        label=_("Or a file"), required=False, help_text=_("A .txt file in that layout, a .jsonl or a .csv file, in UTF-8.")
    )
    draft = forms.BooleanField(
        label=_("Keep new articles as drafts"),
        required=False,
        initial=True,
        help_text=_("Drafts are hidden from the public until someone publishes them."),
    )

    def clean(self):
        data = super().clean()
        if not data.get("file") and not (data.get("text") or "").strip():
            raise ValidationError(_("Paste an article or choose a file."))
        if data.get("file") and data["file"].size > MAX_UPLOAD_BYTES:
            raise ValidationError(_("The file is larger than 64 MB; import it with the import_articles command."))
        return data


class ClaimEditForm(forms.ModelForm):
    class Meta:
        model = Claim
        fields = [
            "statement",
            "quote",
            "claimant",
            "occurred_start",
            "occurred_end",
            "occurred_precision",
            "topic",
            "quantity_value",
            "quantity_unit",
        ]
        widgets = {"statement": forms.Textarea(attrs={"rows": 2}), "quote": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The claimant is chosen by typing (the sources' autocomplete, exact matches first), not from a long list.
        claimant = self.fields["claimant"]
        claimant.widget = AutocompleteSelect(Claim._meta.get_field("claimant"), admin.site)
        claimant.widget.choices = claimant.choices


class AwaitingReviewFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("waiting", _("suggestions waiting"))]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.filter(awaiting_review())
        return queryset


def awaiting_review() -> Q:
    """Articles with a suggested claim or a suggested region still waiting for a person."""
    suggested_claims = Claim.objects.filter(article=OuterRef("pk"), status=Claim.Status.SUGGESTED)
    suggested_regions = Article.suggested_regions.through.objects.filter(article=OuterRef("pk"))
    return Q(Exists(suggested_claims)) | Q(Exists(suggested_regions))


class ImportViews:
    """The import, review and queue pages, served under the article admin's URLs."""

    def __init__(self, model_admin):
        self.model_admin = model_admin

    def _context(self, request, **extra):
        return {**self.model_admin.admin_site.each_context(request), "opts": Article._meta, **extra}

    def import_view(self, request):
        if not self.model_admin.has_add_permission(request):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data.get("file")
            if upload:
                name, data, pasted = upload.name, upload.read(), False
            else:
                name, data, pasted = str(_("pasted text")), form.cleaned_data["text"].encode("utf-8"), True
            job = import_jobs.import_job_enqueue(
                user=request.user, name=name, data=data, pasted=pasted, draft=form.cleaned_data["draft"]
            )
            return redirect("admin:reports_article_import_job", job.pk)
        title = _("Import articles")
        return TemplateResponse(request, "admin/reports/import_form.html", self._context(request, title=title, form=form))

    def job_view(self, request, job_id):
        """Where the editor follows an import: waiting, running (with progress), then its summary."""
        if not self.model_admin.has_add_permission(request):
            raise PermissionDenied
        job = get_object_or_404(ImportJob.objects.defer("data"), pk=job_id)
        title = _("Import of %(name)s") % {"name": job.name}
        finished = job.status in (ImportJob.Status.DONE, ImportJob.Status.FAILED)
        return TemplateResponse(
            request, "admin/reports/import_job.html", self._context(request, title=title, job=job, finished=finished)
        )

    def queue_view(self, request):
        if not self.model_admin.has_view_permission(request):
            raise PermissionDenied
        waiting = Article.objects.filter(awaiting_review())
        publisher = request.GET.get("publisher", "")
        publishers = list(Source.objects.filter(pk__in=waiting.values("publisher")).order_by("name").values_list("pk", "name"))
        if publisher.isdigit():
            waiting = waiting.filter(publisher_id=int(publisher))
        articles = (
            waiting.select_related("publisher")
            .annotate(
                suggested_claims=Count("claims", filter=Q(claims__status=Claim.Status.SUGGESTED), distinct=True),
                suggested_places=Count("suggested_regions", distinct=True),
            )
            .order_by("-created_at", "-id")[: QUEUE_PAGE + 1]
        )
        articles = list(articles)
        title = _("Review queue")
        context = self._context(
            request,
            title=title,
            articles=articles[:QUEUE_PAGE],
            more=len(articles) > QUEUE_PAGE,
            waiting=waiting.count(),
            publishers=publishers,
            publisher=int(publisher) if publisher.isdigit() else None,
        )
        return TemplateResponse(request, "admin/reports/review_queue.html", context)

    def review_view(self, request, object_id):
        if not self.model_admin.has_view_permission(request):
            raise PermissionDenied
        article = get_object_or_404(Article.objects.select_related("publisher"), pk=object_id)
        if request.method == "POST":
            return self._act(request, article)
        claims = list(
            article.claims.filter(status=Claim.Status.SUGGESTED)
            .select_related("claimant")
            .prefetch_related("regions")
            .order_by("quote_start")
        )
        editing = getattr(request, "_claim_form", None)
        for claim in claims:
            claim.form = (
                editing if editing and editing.instance.pk == claim.pk else ClaimEditForm(instance=claim, prefix=claim.pk)
            )
        context = self._context(
            request,
            title=_("Review: %(title)s") % {"title": article.title},
            article=article,
            claims=claims,
            media=self.model_admin.media + ClaimEditForm().media,
            marked_text=marked_text(article.body, claims),
            suggested_regions=labelled(article.suggested_regions.order_by("path")),
            regions=labelled(article.regions.order_by("path")),
            confirmed=article.claims.exclude(status=Claim.Status.SUGGESTED).count(),
            can_accept=self._can(request, "review_claim") or self._can(request, "change_claim"),
            can_edit=self._can(request, "change_claim"),
            can_reject=self._can(request, "delete_claim"),
            can_place=self._can(request, "change_article"),
        )
        return TemplateResponse(request, "admin/reports/review_article.html", context)

    def _can(self, request, codename):
        return request.user.has_perm(f"reports.{codename}")

    def _act(self, request, article):
        action = request.POST.get("action", "")
        handler = {
            "accept": ("review_claim", self._accept),
            "reject": ("delete_claim", self._reject),
            "edit": ("change_claim", self._edit),
            "accept_all": ("review_claim", self._accept_all),
            "region_accept": ("change_article", self._region_accept),
            "region_reject": ("change_article", self._region_reject),
            "regions_accept_all": ("change_article", self._regions_accept_all),
        }.get(action)
        if handler is None:
            messages.error(request, _("Unknown action."))
            return redirect(request.path)
        codename, act = handler
        allowed = self._can(request, codename) or (codename == "review_claim" and self._can(request, "change_claim"))
        if not allowed:
            raise PermissionDenied
        response = act(request, article)
        return response or redirect(request.path)

    def _claim(self, request, article):
        return get_object_or_404(article.claims.select_related("article"), pk=request.POST.get("claim"))

    def _accept(self, request, article):
        suggestions.claim_accept(claim=self._claim(request, article), user=request.user)
        messages.success(request, _("Claim accepted: it is now unverified."))

    def _reject(self, request, article):
        try:
            suggestions.claim_reject(claim=self._claim(request, article), user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Suggestion rejected."))

    def _edit(self, request, article):
        claim = self._claim(request, article)
        form = ClaimEditForm(request.POST, instance=claim, prefix=claim.pk)
        if not form.is_valid():
            messages.error(request, _("The claim was not saved; see the errors below."))
            request._claim_form = form
            request.method = "GET"
            return self.review_view(request, article.pk)
        claim = form.save(commit=False)
        claim._history_user = request.user
        claim.save()
        suggestions.claim_accept(claim=claim, user=request.user)
        messages.success(request, _("Claim saved and accepted."))

    def _accept_all(self, request, article):
        count = suggestions.claims_accept_all(article=article, user=request.user)
        messages.success(request, ngettext("%d claim accepted.", "%d claims accepted.", count) % count)

    def _region(self, request, article):
        return get_object_or_404(article.suggested_regions.all(), pk=request.POST.get("region"))

    def _region_accept(self, request, article):
        region = self._region(request, article)
        suggestions.region_accept(article=article, region=region, user=request.user)
        messages.success(request, _("%(region)s added to the article's regions.") % {"region": region})

    def _region_reject(self, request, article):
        region = self._region(request, article)
        suggestions.region_reject(article=article, region=region)
        messages.success(request, _("%(region)s rejected.") % {"region": region})

    def _regions_accept_all(self, request, article):
        count = suggestions.regions_accept_all(article=article, user=request.user)
        messages.success(request, ngettext("%d region accepted.", "%d regions accepted.", count) % count)


def marked_text(body: str, claims) -> str:
    """The text as paragraphs, each suggested quote marked and linked to its claim on the page.

    Quotes that overlap an earlier one are left unmarked rather than nested, so the HTML stays valid.
    """
    pieces, position = [], 0
    for claim in sorted((c for c in claims if not c.quote_in_lead), key=lambda c: c.quote_start):
        if claim.quote_start < position:
            continue
        pieces.append(escape(body[position : claim.quote_start]))
        quote = body[claim.quote_start : claim.quote_end]
        # A quote may run over a paragraph break: mark each paragraph's part, so no element spans two paragraphs.
        parts = [
            format_html('<mark><a href="#claim-{}">{}</a></mark>', claim.pk, part) if part else "" for part in quote.split("\n")
        ]
        pieces.append("\n".join(parts))
        position = claim.quote_end
    pieces.append(escape(body[position:]))
    paragraphs = [line for line in "".join(pieces).split("\n") if line.strip()]
    return mark_safe("".join(f"<p>{paragraph}</p>" for paragraph in paragraphs))  # every piece escaped above


def labelled(regions) -> list[tuple[Region, str]]:
    """Each region with the chain of places it lies in ("Ukraine › Donetsk Oblast › Lyman"), in one query."""
    regions = list(regions)
    ancestors = Region.objects.in_bulk({pk for region in regions for pk in region.ancestor_ids})
    return [
        (region, " › ".join([*(ancestors[pk].name for pk in region.ancestor_ids if pk in ancestors), region.name]))
        for region in regions
    ]
