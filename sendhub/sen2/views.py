"""The SEN2 page: check the current data or an uploaded file, and download the return."""

from __future__ import annotations

import tempfile
from typing import Any

from django.conf import settings
from django.http import FileResponse, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.views.decorators.http import require_GET
from lxml import etree

from sendhub.core.access import AuthenticatedHttpRequest, post_only, requires
from sendhub.sen2 import presenters, schema, services, validation
from sendhub.sen2.forms import CurrentDataForm, FileForm

UNCHECKABLE = (
    "The file could not be checked: it uses XML that SEN2 files do not use, such as a <!DOCTYPE> or an entity "
    "reference like &name; inside a value. Export the file again from your case management system, or "
    "remove the <!DOCTYPE> and write the values out in full."
)


@requires("sen2.run_return")
@require_GET
def check(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _page(request, CurrentDataForm(prefix="current"), FileForm(prefix="upload"))


@post_only("sen2.run_return")
def check_current(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = CurrentDataForm(request.POST, prefix="current")
    report = None
    if form.is_valid():
        report = presenters.check_current_data(year=form.cleaned_data["year"], by=request.user)
    return _page(request, form, FileForm(prefix="upload"), report, source="current data")


@post_only("sen2.run_return")
def check_file(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = FileForm(request.POST, request.FILES, prefix="upload")
    report = None
    if form.is_valid():
        report = _check_upload(form.cleaned_data["file"])
    return _page(request, CurrentDataForm(prefix="current"), form, report, source="uploaded file")


def _check_upload(upload: Any) -> validation.Report:
    """The validator's report on an uploaded file. A file that makes the XML library itself give up
    (for example an entity reference inside <Person>) is explained on the page, never a server error;
    the validator's own handling of DTDs and entities lives in sen2.validation."""
    try:
        return validation.validate_file(upload, la_code=settings.SENDHUB_LA_CODE)
    except etree.Error:
        return validation.Report(fatal=UNCHECKABLE)


@post_only("sen2.run_return")
def download(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    form = CurrentDataForm(request.POST, prefix="current")
    if not form.is_valid():
        return _page(request, form, FileForm(prefix="upload"))
    year = form.cleaned_data["year"]
    out = tempfile.TemporaryFile()  # noqa: SIM115  (FileResponse closes it)
    services.export_return(year=year, out=out, now=services.now_for_header(), by=request.user)
    out.seek(0)
    filename = f"SEN2_{year}_{settings.SENDHUB_LA_CODE}.xml"
    return FileResponse(out, as_attachment=True, filename=filename, content_type="application/xml")


def _page(
    request: AuthenticatedHttpRequest,
    current: CurrentDataForm,
    upload: FileForm,
    report: validation.Report | None = None,
    source: str = "",
) -> HttpResponse:
    rows = presenters.report_rows(request.user, report) if report is not None else []
    return render(
        request,
        "sen2/check.html",
        {
            "current_form": current,
            "upload_form": upload,
            "report": report,
            "rows": rows,
            "source": source,
            "rules": sorted(validation.RULES.items()),
            "provisional_notes": [
                n for y in schema.SUPPORTED_EXPORT_YEARS if (n := schema.provisional_note(y))
            ],
            "report_note": schema.provisional_note(report.year)
            if report is not None and report.year
            else None,
        },
    )
