"""“Nhập từ Excel”: download a template, upload a filled-in file, see every error or the
summary. Thin: the parsing, checks and saving live in :mod:`thidua.org.imports`."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from thidua.core.views import render_page, require_action
from thidua.core.xlsx import xlsx_response

from . import imports
from .models import Person, Unit

TEMPLATE_FILENAMES = {"units": "mau-nhap-don-vi.xlsx", "people": "mau-nhap-ca-nhan.xlsx"}


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Excel file (.xlsx)"),
        widget=forms.ClearableFileInput(
            attrs={
                "class": "form-control",
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        ),
    )


def _kind_or_404(kind: str) -> str:
    if kind not in imports.KINDS:
        raise Http404
    return kind


def _context(request: HttpRequest, **extra) -> dict:
    user = request.user
    return {
        "can_units": user.can("org.unit", "change"),
        "can_people": user.can("org.person", "change"),
        "max_rows": imports.MAX_ROWS,
        "max_mb": round(settings.THIDUA_IMPORT_MAX_BYTES / 1048576, 1),
        "forms": {"units": ImportForm(prefix="units"), "people": ImportForm(prefix="people")},
        **extra,
    }


@login_required
@require_GET
def import_home(request: HttpRequest) -> HttpResponse:
    require_action(Person, request.user, "change")
    return render_page(request, "org/import.html", _context(request), partial="page")


@login_required
@require_GET
def import_template(request: HttpRequest, kind: str) -> HttpResponse:
    """The blank template. Harmless, so anyone signed in may download either one."""
    kind = _kind_or_404(kind)
    workbook = imports.template_workbook(kind, user=request.user)
    return xlsx_response(workbook, TEMPLATE_FILENAMES[kind])


@login_required
@require_POST
def import_upload(request: HttpRequest, kind: str) -> HttpResponse:
    kind = _kind_or_404(kind)
    require_action(Unit if kind == "units" else Person, request.user, "change")
    form = ImportForm(request.POST, request.FILES, prefix=kind)
    result = None
    if form.is_valid():
        upload = form.cleaned_data["file"]
        limit = settings.THIDUA_IMPORT_MAX_BYTES
        if upload.size > limit:
            form.add_error(
                "file",
                _("The file is too large (%(size)s MB; at most %(max)s MB).")
                % {"size": round(upload.size / 1048576, 1), "max": round(limit / 1048576, 1)},
            )
        else:
            service = imports.unit_import if kind == "units" else imports.person_import
            result = service(actor=request.user, data=upload.read(), filename=upload.name)
    context = _context(request, result=result, active=kind)
    if result is None:  # the form itself was refused: show why next to the field
        context["forms"][kind] = form
    return render_page(request, "org/import.html", context, partial="page")
