"""Legacy import of award history: the template, the upload, the preview with its choices,
the confirmation. Thin: reading, checking, matching and saving live in
:mod:`thidua.awards.imports`.

The uploaded file waits in the private store under a token of the uploader's own (another
account's token looks missing) until it is confirmed, when it is deleted, or for a day (it
is dropped at the uploader's next upload); a confirmation checks the file again, so what
changed in the registry meanwhile is taken into account.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from thidua.core.views import render_page, require_action
from thidua.core.xlsx import xlsx_response

from .. import imports
from ..forms.imports import ImportConfirmForm, ImportUploadForm
from ..models import Award

TEMPLATE_FILENAME = "mau-nhap-khen-thuong.xlsx"


def _limits() -> dict:
    return {
        "max_rows": imports.MAX_ROWS,
        "max_mb": round(settings.THIDUA_IMPORT_MAX_BYTES / 1048576, 1),
    }


@login_required
@require_GET
def import_template(request: HttpRequest) -> HttpResponse:
    """The blank template. Harmless (it lists only the user's own units), so anyone signed
    in may download it."""
    return xlsx_response(imports.template_workbook(user=request.user), TEMPLATE_FILENAME)


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    require_action(Award, request.user, "change")
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        result = imports.check_file(actor=request.user, data=data, filename=upload.name)
        if result.ready:
            token = imports.keep_upload(request.user, data, result)
            return redirect("awards:import_preview", token=token)
    return render_page(
        request, "awards/import_upload.html", {"form": form, "result": result, **_limits()}
    )


def _upload_or_404(request: HttpRequest, token: str) -> imports.Upload:
    require_action(Award, request.user, "change")
    upload = imports.load_upload(request.user, token)
    if upload is None:
        raise Http404
    return upload


@login_required
@require_http_methods(["GET", "POST"])
def import_preview(request: HttpRequest, token: str) -> HttpResponse:
    """GET: what saving the file will do, and the choices it needs. POST: save it."""
    upload = _upload_or_404(request, token)
    if upload.done is not None:
        return render_page(request, "awards/import_done.html", {"result": upload.done})
    preview = upload.check
    failed = None
    form = ImportConfirmForm(preview, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not imports.claim_upload(request.user, token):
            messages.warning(request, _("This file is already being saved; wait a moment."))
            return redirect("awards:import_preview", token=token)
        try:
            result = imports.import_file(
                actor=request.user,
                data=upload.data,
                filename=preview.filename,
                choices=form.choices(),
            )
        except BaseException:
            imports.release_upload(request.user, token)
            raise
        if result.ok:
            imports.finish_upload(request.user, token, result)
            messages.success(
                request,
                _("%(file)s was imported: %(awards)s awards saved, %(skipped)s already there.")
                % {"file": result.filename, "awards": result.awards, "skipped": result.skipped},
            )
            return redirect("awards:import_preview", token=token)
        imports.release_upload(request.user, token)
        failed = result
        # The choices asked now (what changed since the preview may ask new ones).
        form = ImportConfirmForm(result, request.POST)
        form.is_valid()
    return render_page(
        request,
        "awards/import_preview.html",
        {"token": token, "preview": preview, "result": failed, "form": form, **_limits()},
    )


urlpatterns = [
    path("import/", import_upload, name="import_upload"),
    path("import/template.xlsx", import_template, name="import_template"),
    path("import/<str:token>/", import_preview, name="import_preview"),
]
