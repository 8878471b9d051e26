"""The award registry (Sổ khen thưởng): search, export, and a person's, a unit's or a
household's whole history as a timeline."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _

from thidua.core.views import apply_sort, get_scoped_or_404, paginate, render_page
from thidua.core.xlsx import build_workbook, xlsx_response
from thidua.org.models import Person, Unit

from .. import selectors
from ..forms.eligibility import EligibilityCheckForm, award_types_for, default_year
from ..forms.registry import RegistryFilterForm
from ..models import Award, Discipline, Household, Initiative, Subject, TaskRating

REGISTRY_SORTS = (
    "year",
    "recipient_name_folded",
    "recipient_unit_name",
    "award_type__sort_order",
    "decision__signed_on",
    "decision__number",
    "amount",
)


def _registry(request: HttpRequest):
    user = request.user
    form = RegistryFilterForm(request.GET or None, units=Unit.objects.restrict(user))
    awards = selectors.award_search(user, **form.search_kwargs())
    awards, sort = apply_sort(request, awards, REGISTRY_SORTS, "-decision__signed_on")
    return form, awards, sort


@login_required
def registry(request: HttpRequest) -> HttpResponse:
    form, awards, sort = _registry(request)
    context = {
        "form": form,
        "page": paginate(request, awards),
        "sort": sort,
        "totals": selectors.award_totals(awards),
        "can_import": request.user.can("awards.award", "change"),
    }
    return render_page(request, "awards/registry_list.html", context, partial="table")


def _period(award: Award) -> str:
    return award.period_label


@login_required
def registry_export(request: HttpRequest) -> HttpResponse:
    """Every row of the filtered registry, not only the page on screen."""
    _form, awards, _sort = _registry(request)
    headers = [
        _("No."),
        _("Recipient"),
        _("Recipient kind"),
        _("Position"),
        _("Unit"),
        _("Title or form"),
        _("Year or period"),
        _("Kind of commendation"),
        _("Decision number"),
        _("Decision date"),
        _("Issued by"),
        _("Signed by"),
        _("Movement"),
        _("Amount (đồng)"),
        _("Revoked"),
        _("Reason for revoking"),
    ]
    rows = (
        [
            index,
            a.recipient_name,
            a.get_subject_display(),
            a.recipient_position,
            a.recipient_unit_name,
            a.award_type.name,
            _period(a),
            a.get_kind_display(),
            a.decision.number,
            a.decision.signed_on,
            a.decision.authority_name,
            a.decision.signer_name,
            a.movement.title if a.movement_id else "",
            a.amount,
            _("Revoked") if a.revoked else "",
            a.revoked_reason,
        ]
        for index, a in enumerate(awards.iterator(chunk_size=1000), start=1)
    )
    return xlsx_response(build_workbook(_("Award registry"), headers, rows), "so-khen-thuong.xlsx")


# History ---------------------------------------------------------------------------------


def _check_form(request: HttpRequest, subject: str, recipient) -> EligibilityCheckForm:
    """The quick eligibility check on a history page, with the recipient filled in."""
    field = {
        Subject.INDIVIDUAL: "person",
        Subject.COLLECTIVE: "unit",
        Subject.HOUSEHOLD: "household",
    }[subject]
    form = EligibilityCheckForm(initial={"subject": subject, field: recipient.pk})
    form.fields["award_type"].queryset = award_types_for(subject)
    form.fields["year"].initial = default_year()
    return form


def _history(request: HttpRequest, recipient, subject: str, template_context: dict):
    user = request.user
    timeline = selectors.history(user, recipient)
    context = {
        "recipient": recipient,
        "subject": subject,
        "timeline": timeline,
        "summary": selectors.history_summary(timeline),
        "check_form": _check_form(request, subject, recipient),
        **template_context,
    }
    return render(request, "awards/history_page.html", context)


def _may(user, label: str, unit: Unit) -> bool:
    return user.holds(label, "change", unit)


@login_required
def person_history(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_scoped_or_404(Person, request.user, pk=pk)
    person = Person.objects.select_related("unit").get(pk=person.pk)
    user = request.user
    return _history(
        request,
        person,
        Subject.INDIVIDUAL,
        {
            "can_rate": _may(user, TaskRating._meta.label_lower, person.unit),
            "can_discipline": _may(user, Discipline._meta.label_lower, person.unit),
            "can_initiative": _may(user, Initiative._meta.label_lower, person.unit),
        },
    )


@login_required
def unit_history(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_scoped_or_404(Unit, request.user, pk=pk)
    user = request.user
    return _history(
        request,
        unit,
        Subject.COLLECTIVE,
        {
            "can_rate": _may(user, TaskRating._meta.label_lower, unit),
            "can_initiative": _may(user, Initiative._meta.label_lower, unit),
        },
    )


@login_required
def household_history(request: HttpRequest, pk: int) -> HttpResponse:
    household = get_scoped_or_404(Household, request.user, pk=pk)
    household = Household.objects.select_related("unit").get(pk=household.pk)
    return _history(
        request,
        household,
        Subject.HOUSEHOLD,
        {"can_edit_household": _may(request.user, "awards.household", household.unit)},
    )


urlpatterns = [
    path("", registry, name="registry"),
    path("registry.xlsx", registry_export, name="registry_export"),
    path("people/<int:pk>/history/", person_history, name="person_history"),
    path("units/<int:pk>/history/", unit_history, name="unit_history"),
    path("households/<int:pk>/history/", household_history, name="household_history"),
]
