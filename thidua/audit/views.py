import json

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from thidua.core.views import get_scoped_or_404, paginate, render_page, require_action
from thidua.core.xlsx import build_workbook, xlsx_response

from .forms import AuditFilterForm
from .models import AuditEntry
from .selectors import audit_list


def _filtered(request: HttpRequest):
    require_action(AuditEntry, request.user, "view")
    form = AuditFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    queryset = audit_list(
        request.user,
        actor=data.get("actor", ""),
        action=data.get("action", ""),
        object_type=data.get("object_type", ""),
        object_id=data.get("object_id", ""),
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
        query=data.get("q", ""),
    )
    return form, queryset


@login_required
def audit_entry_list(request: HttpRequest) -> HttpResponse:
    form, queryset = _filtered(request)
    return render_page(
        request, "audit/list.html", {"form": form, "page": paginate(request, queryset)}, "table"
    )


@login_required
def audit_entry_detail(request: HttpRequest, seq: int) -> HttpResponse:
    entry = get_scoped_or_404(AuditEntry, request.user, seq=seq)
    return render(request, "audit/detail.html", {"entry": entry})


@login_required
def audit_export(request: HttpRequest) -> HttpResponse:
    _form, queryset = _filtered(request)
    headers = [
        _("Number"),
        _("Time"),
        _("User"),
        _("Address"),
        _("Action"),
        _("Object type"),
        _("Object id"),
        _("Object"),
        _("Before"),
        _("After"),
        _("Request id"),
        _("Hash"),
    ]
    rows = (
        [
            e.seq,
            e.at,
            e.actor_repr,
            e.ip or "",
            e.get_action_display(),
            e.object_type,
            e.object_id,
            e.object_repr,
            json.dumps(e.before, ensure_ascii=False) if e.before is not None else "",
            json.dumps(e.after, ensure_ascii=False) if e.after is not None else "",
            e.request_id,
            e.hash,
        ]
        for e in queryset[:100_000].iterator(chunk_size=2000)
    )
    return xlsx_response(build_workbook(_("Audit log"), headers, rows), "nhat-ky.xlsx")
