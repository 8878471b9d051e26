"""Certificate PDFs (one award, or every award of a decision) and the print layout of each
issuing unit, with its test print."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from thidua.core.concurrency import StaleObjectError
from thidua.core.views import add_service_errors, get_scoped_or_404, require_action
from thidua.org.forms import UnitChoiceField
from thidua.org.models import Unit

from .. import certificates, services
from ..documents import render as documents
from ..forms.decisions import LayoutForm
from ..models import Award, CertificateLayout, Decision
from ..services.documents import LAYOUT_FIELDS
from .decisions import sees_whole_decision


def _pdf(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


def _refused(request: HttpRequest, reason: str, decision: Decision | None = None) -> HttpResponse:
    """The reason a certificate cannot be printed (409: the request is fine, the award is
    not in a state to have one)."""
    return render(
        request,
        "awards/certificate_refused.html",
        {"reason": reason, "decision": decision},
        status=409,
    )


@login_required
@require_http_methods(["GET"])
def award_certificate(request: HttpRequest, pk: int) -> HttpResponse:
    award = get_scoped_or_404(Award, request.user, pk=pk)
    award = Award.objects.select_related(
        "decision", "decision__issuer", "award_type", "person"
    ).get(pk=award.pk)
    reason = certificates.refusal(award)
    if reason:
        return _refused(request, reason)
    return _pdf(certificates.certificates_pdf([award]), certificates.filename(award))


@login_required
@require_http_methods(["GET"])
def decision_certificates(request: HttpRequest, pk: int) -> HttpResponse:
    """Every certificate of a decision in one PDF (revoked awards are left out)."""
    decision = get_scoped_or_404(Decision, request.user, pk=pk)
    decision = Decision.objects.select_related("issuer").get(pk=decision.pk)
    if not sees_whole_decision(request.user, decision):
        raise PermissionDenied
    if not decision.is_issued:
        return _refused(
            request, _("Certificates are printed once the decision is issued."), decision
        )
    awards = [
        award
        for award in decision.awards.filter(revoked=False)
        .select_related("decision", "decision__issuer", "award_type", "person")
        .order_by("sort_order", "pk")
        if certificates.refusal(award) is None
    ]
    if not awards:
        return _refused(
            request, _("None of the awards of this decision has a certificate."), decision
        )
    name = documents.filename(decision, ".pdf").replace("quyet-dinh-", "bang-khen-")
    return _pdf(certificates.certificates_pdf(awards), name)


# Layouts ------------------------------------------------------------------------------------


def _layout_unit(request: HttpRequest, unit_pk: int, action: str) -> Unit:
    """A unit the user sees (else 404) and whose layout they may ``action`` (else 403)."""
    unit = get_scoped_or_404(Unit, request.user, pk=unit_pk)
    if not request.user.holds("awards.certificatelayout", action, unit):
        raise PermissionDenied
    return unit


@login_required
@require_http_methods(["GET"])
def layout_list(request: HttpRequest) -> HttpResponse:
    """The layouts of the units in the user's scope, and a picker to open one."""
    user = request.user
    require_action(CertificateLayout, user, "view")
    unit_field = UnitChoiceField(
        queryset=Unit.objects.restrict(user, "change", label="awards.certificatelayout"),
        acting_on="awards.certificatelayout",
        required=False,
    )
    chosen = request.GET.get("unit")
    if chosen:
        try:
            unit = unit_field.clean(chosen)
        except ValidationError:
            unit = None
        if unit is not None:
            return redirect("awards:layout_edit", unit=unit.pk)
        messages.error(request, _("Choose a unit whose certificates you print."))
    layouts = (
        CertificateLayout.objects.restrict(user, "view")
        .select_related("owner")
        .order_by("owner__path")
    )
    picker = unit_field.widget.render(
        "unit", user.unit_id, attrs={"id": "id_unit", "class": "form-select"}
    )
    return render(request, "awards/layout_list.html", {"layouts": layouts, "picker": picker})


@login_required
@require_http_methods(["GET", "POST"])
def layout_edit(request: HttpRequest, unit: int) -> HttpResponse:
    owner = _layout_unit(request, unit, "view")
    layout = CertificateLayout.objects.filter(owner=owner).first()
    can_change = request.user.holds("awards.certificatelayout", "change", owner)
    form = LayoutForm(request.POST or None, initial=LayoutForm.initial_for(layout))
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.certificate_layout_save(
                    actor=request.user,
                    owner=owner,
                    expected_version=data.get("version"),
                    **{name: data[name] for name in LAYOUT_FIELDS},
                )
            except ValidationError as error:
                if isinstance(error, StaleObjectError) or not hasattr(error, "error_dict"):
                    form.add_error(None, error)
                else:
                    add_service_errors(form, error)
            else:
                messages.success(
                    request, _("The certificate layout was saved. Print a test page to check it.")
                )
                return redirect("awards:layout_edit", unit=owner.pk)
    inherited = None
    if layout is None:
        inherited = certificates.layout_for(owner)
    return render(
        request,
        "awards/layout_form.html",
        {
            "form": form,
            "owner": owner,
            "layout": layout,
            "inherited": inherited,
            "can_change": can_change,
        },
    )


@login_required
@require_http_methods(["GET"])
def layout_test(request: HttpRequest, unit: int) -> HttpResponse:
    """A sample certificate printed with the unit's layout (or the one it inherits)."""
    owner = _layout_unit(request, unit, "view")
    layout = certificates.layout_for(owner)
    return _pdf(certificates.test_print_pdf(layout, owner), f"in-thu-{owner.code.lower()}.pdf")


urlpatterns = [
    path("certificates/award/<int:pk>.pdf", award_certificate, name="award_certificate"),
    path("certificates/decision/<int:pk>.pdf", decision_certificates, name="decision_certificates"),
    path("certificates/layouts/", layout_list, name="layout_list"),
    path("certificates/layouts/<int:unit>/", layout_edit, name="layout_edit"),
    path("certificates/layouts/<int:unit>/test.pdf", layout_test, name="layout_test"),
]
