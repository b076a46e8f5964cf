"""Long exports as background jobs: asked for on a page under Claims, followed and downloaded from the job's page."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from reports.exports.streams import FORMATS
from reports.listings import QueryRejected
from reports.models import Claim, ExportJob
from reports.services import export_jobs


class ExportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Records"), choices=[("claims", _("claims")), ("articles", _("articles"))])
    query = forms.CharField(
        label=_("Filters"),
        required=False,
        max_length=4000,
        help_text=_("A list's address or its filters, e.g. /claims/?region=UA-09&topic=strikes. Empty: everything real."),
    )
    format = forms.ChoiceField(label=_("Format"), choices=[(name, name) for name in FORMATS])

    def clean_query(self):
        query = self.cleaned_data["query"].strip()
        return query.split("?", 1)[1] if "?" in query else query.lstrip("?")


class ExportViews:
    def __init__(self, model_admin):
        self.model_admin = model_admin

    def _allowed(self, request):
        if not self.model_admin.has_view_permission(request):
            raise PermissionDenied

    def _context(self, request, **extra):
        return {**self.model_admin.admin_site.each_context(request), "opts": Claim._meta, **extra}

    def export_view(self, request):
        self._allowed(request)
        form = ExportForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                job = export_jobs.export_job_enqueue(
                    user=request.user,
                    kind=data["kind"],
                    query=data["query"],
                    export_format=data["format"],
                    site_url=request.build_absolute_uri("/").rstrip("/"),
                )
            except QueryRejected as rejected:
                form.add_error("query", list(rejected.reasons))
            else:
                return redirect("admin:reports_claim_export_job", job.pk)
        context = self._context(request, title=_("Export to a file"), form=form)
        return TemplateResponse(request, "admin/reports/export_form.html", context)

    def job_view(self, request, job_id):
        self._allowed(request)
        job = get_object_or_404(ExportJob, pk=job_id)
        finished = job.status in (ExportJob.Status.DONE, ExportJob.Status.FAILED)
        context = self._context(
            request, title=_("Export to a file"), job=job, finished=finished, ready=export_jobs.export_job_file(job) is not None
        )
        return TemplateResponse(request, "admin/reports/export_job.html", context)

    def file_view(self, request, job_id):
        self._allowed(request)
        job = get_object_or_404(ExportJob, pk=job_id)
        path = export_jobs.export_job_file(job)
        if path is None:
            raise Http404
        return FileResponse(path.open("rb"), as_attachment=True, filename=path.name, content_type=FORMATS[job.format])
