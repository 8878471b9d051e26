"""Pledges (giao ước thi đua): the signed agreements between units, their list, search
and the signed scan."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from thidua.audit.selectors import entries_for
from thidua.core.concurrency import StaleObjectError
from thidua.core.views import (
    add_service_errors,
    apply_sort,
    get_scoped_or_404,
    paginate,
    render_page,
    require_action,
)
from thidua.core.xlsx import build_workbook, xlsx_response
from thidua.org.models import Unit

from .. import selectors, services
from ..forms.pledges import PledgeFilterForm, PledgeForm
from ..models import Movement, Pledge

PLEDGE_SORTS = ("signed_on", "title_folded", "owner__name")


def _visible_movements(user):
    return Movement.objects.restrict(user).only("pk", "title").order_by("-starts_on", "-pk")


def _pledges(request: HttpRequest):
    user = request.user
    form = PledgeFilterForm(
        request.GET or None,
        movements=_visible_movements(user),
        units=Unit.objects.restrict(user),
    )
    data = form.cleaned_data if form.is_valid() else {}
    pledges = selectors.pledge_list(
        user,
        query=data.get("q", ""),
        party=data.get("party"),
        movement=data.get("movement"),
        year=data.get("year"),
    )
    pledges, sort = apply_sort(request, pledges, PLEDGE_SORTS, "-signed_on")
    return form, pledges, sort


@login_required
def pledge_list(request: HttpRequest) -> HttpResponse:
    form, pledges, sort = _pledges(request)
    context = {
        "form": form,
        "page": paginate(request, pledges),
        "sort": sort,
        "can_add": request.user.can("movements.pledge", "change"),
    }
    return render_page(request, "movements/pledge_list.html", context, partial="table")


@login_required
def pledge_export(request: HttpRequest) -> HttpResponse:
    _form, pledges, _sort = _pledges(request)
    headers = [
        _("Title"),
        _("Movement"),
        _("Signed on"),
        _("Place"),
        _("Recorded by"),
        _("Parties"),
        _("Signatories"),
        _("Content"),
        _("Signed scan"),
    ]
    rows = (
        [
            p.title,
            p.movement.title if p.movement else "",
            p.signed_on,
            p.place,
            p.owner.name,
            "; ".join(u.name for u in p.parties.all()),
            "; ".join(p.signatories.splitlines()),
            p.content,
            _("Yes") if p.scan else _("No"),
        ]
        for p in pledges.iterator(chunk_size=500)
    )
    return xlsx_response(build_workbook(_("Pledges"), headers, rows), "giao-uoc-thi-dua.xlsx")


def _form(request: HttpRequest, pledge: Pledge | None = None) -> PledgeForm:
    user = request.user
    initial = {}
    if pledge is not None:
        initial = {
            "movement": pledge.movement_id,
            "title": pledge.title,
            "owner": pledge.owner_id,
            "parties": list(pledge.parties.values_list("pk", flat=True)),
            "signed_on": pledge.signed_on,
            "place": pledge.place,
            "signatories": pledge.signatories,
            "content": pledge.content,
            "version": pledge.version,
        }
    else:
        initial = {"movement": request.GET.get("movement"), "owner": user.unit_id}
    return PledgeForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        movements=_visible_movements(user),
        owners=Unit.objects.restrict(user, "change", label="movements.pledge").filter(
            is_active=True
        ),
        parties=Unit.objects.restrict(user),
    )


def _fields(form: PledgeForm) -> dict:
    data = form.cleaned_data
    return {
        name: data[name]
        for name in ("movement", "title", "owner", "signed_on", "place", "signatories", "content")
    }


def _save_errors(form: PledgeForm, error: ValidationError) -> None:
    if isinstance(error, StaleObjectError) or not hasattr(error, "error_dict"):
        form.add_error(None, error)
    else:
        add_service_errors(form, error)


@login_required
@require_http_methods(["GET", "POST"])
def pledge_create(request: HttpRequest) -> HttpResponse:
    require_action(Pledge, request.user, "change")
    form = _form(request)
    if request.method == "POST" and form.is_valid():
        try:
            pledge = services.pledge_create(
                actor=request.user,
                parties=list(form.cleaned_data["parties"]),
                scan=form.cleaned_data.get("scan") or None,
                **_fields(form),
            )
        except ValidationError as error:
            _save_errors(form, error)
        except PermissionDenied:
            form.add_error("owner", _("You cannot record pledges for this unit."))
        else:
            messages.success(request, _("The pledge was recorded."))
            return redirect("movements:pledge", pk=pledge.pk)
    return render(request, "movements/pledge_form.html", {"form": form, "title": _("New pledge")})


@login_required
@require_http_methods(["GET", "POST"])
def pledge_edit(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_scoped_or_404(Pledge, request.user, "change", pk=pk)
    form = _form(request, pledge)
    if request.method == "POST" and form.is_valid():
        try:
            services.pledge_update(
                actor=request.user,
                pledge=pledge,
                parties=list(form.cleaned_data["parties"]),
                scan=form.cleaned_data.get("scan") or None,
                expected_version=form.cleaned_data["version"],
                **_fields(form),
            )
        except ValidationError as error:
            _save_errors(form, error)
        except PermissionDenied:
            form.add_error("owner", _("You cannot record pledges for this unit."))
        else:
            messages.success(request, _("Changes saved."))
            return redirect("movements:pledge", pk=pledge.pk)
    return render(
        request,
        "movements/pledge_form.html",
        {"form": form, "pledge": pledge, "title": _("Edit pledge")},
    )


@login_required
@require_http_methods(["POST"])
def pledge_delete(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_scoped_or_404(Pledge, request.user, "change", pk=pk)
    services.pledge_delete(actor=request.user, pledge=pledge)
    messages.success(request, _("The pledge “%(title)s” was deleted.") % {"title": pledge.title})
    return redirect("movements:pledge_list")


@login_required
def pledge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_scoped_or_404(Pledge, request.user, pk=pk)
    pledge = Pledge.objects.select_related("movement", "owner").get(pk=pledge.pk)
    tab = request.GET.get("tab", "details")
    context = {
        "pledge": pledge,
        "tab": tab,
        "parties": pledge.parties.order_by("path"),
        "signatories": [line for line in pledge.signatories.splitlines() if line.strip()],
        "can_change": Pledge.objects.restrict(request.user, "change").filter(pk=pk).exists(),
        # The movement's page only for those who see the movement itself.
        "movement_visible": pledge.movement_id is not None
        and Movement.objects.restrict(request.user).filter(pk=pledge.movement_id).exists(),
    }
    if tab == "history":
        context["page"] = paginate(request, entries_for(pledge))
    return render_page(request, "movements/pledge_detail.html", context, partial="tab")


@login_required
def pledge_scan(request: HttpRequest, pk: int) -> FileResponse:
    pledge = get_scoped_or_404(Pledge, request.user, pk=pk)
    if not pledge.scan:
        raise Http404
    return FileResponse(
        pledge.scan.open("rb"), as_attachment=True, filename=pledge.scan_name or "giao-uoc.pdf"
    )
